/**
 * How long the site takes to build:
 * - cold: no dist/, no .astro/ (content layer cache) and no .cache/mermaid (rendered diagrams),
 *   as on a fresh clone: every diagram renders in Chromium;
 * - warm: straight after, with every cache kept, as on a rebuild after an edit.
 *
 *   npx tsx scripts/bench/build-time.ts        (part of `npm run bench`)
 *
 * Leaves a built dist/ behind, which `npm run bench` then measures with page-weight.ts.
 * Exits non-zero if a build fails.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../../src/runtime/exec.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COLD_REMOVES = ['dist', '.astro', '.cache/mermaid'];

async function build(): Promise<number> {
  const started = performance.now();
  const { code, output } = await exec('npx', ['--no-install', 'astro', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (code !== 0) throw new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

try {
  for (const dir of COLD_REMOVES) rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  const cold = await build();
  const warm = await build();
  console.log('Build time (astro build, wall clock)\n');
  console.log(`  cold  ${cold.toFixed(1).padStart(6)} s   (without ${COLD_REMOVES.join(', ')})`);
  console.log(`  warm  ${warm.toFixed(1).padStart(6)} s   (caches kept)\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
