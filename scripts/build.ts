/**
 * npm run build: `astro build` into a fresh folder, swapped into dist/ only when the build succeeds.
 *
 * Why: Astro writes pages as it renders them. A lesson that fails halfway would otherwise leave a
 * dist/ with some new pages, some old ones and some missing, which a preview server, the browser
 * tests or a deploy would then serve. Here a failed build leaves the previous dist/ exactly as it was.
 *
 * The build goes to .cache/build/<dist name>-<pid>/ (ignored by git and by TypeScript), on the same
 * disk as dist/, so the swap is two renames. Folders left by a build that was killed are removed
 * by the next build.
 *
 *   npm run build                   → dist/
 *   tsx scripts/build.ts --outDir x → x/
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { exec } from '../src/runtime/exec.ts';

export interface BuildOptions {
  /** The project root (where astro.config.mjs is). */
  root: string;
  /** Where the finished site goes; default <root>/dist. */
  outDir?: string;
  /** Print Astro's output as it comes (npm run build) instead of only collecting it (npm run check). */
  echo?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Everything Astro printed. */
  output: string;
  outDir: string;
}

/** Staging folders of builds whose process is gone. */
function removeAbandoned(stagingRoot: string): void {
  if (!existsSync(stagingRoot)) return;
  for (const name of readdirSync(stagingRoot)) {
    const pid = Number(/-(\d+)(?:-old)?$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0); // still running: another build's folder
    } catch {
      rmSync(path.join(stagingRoot, name), { recursive: true, force: true });
    }
  }
}

export async function buildSite({
  root,
  outDir = path.join(root, 'dist'),
  echo = false,
}: BuildOptions): Promise<BuildResult> {
  const stagingRoot = path.join(path.dirname(outDir), '.cache', 'build');
  const staging = path.join(stagingRoot, `${path.basename(outDir)}-${process.pid}`);
  const previous = `${staging}-old`;
  mkdirSync(stagingRoot, { recursive: true });
  removeAbandoned(stagingRoot);
  rmSync(staging, { recursive: true, force: true });

  const astro = path.join(root, 'node_modules', '.bin', 'astro');
  // Interrupted (Ctrl-C, a CI timeout): stop Astro and leave nothing half-written behind.
  const stop = new AbortController();
  const interrupt = () => {
    stop.abort();
    rmSync(staging, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const { code, output } = await exec(astro, ['build', '--outDir', staging], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    echo,
    signal: stop.signal,
  });
  process.off('SIGINT', interrupt);
  process.off('SIGTERM', interrupt);

  // A build that exits 0 but wrote no home page is not a site either.
  if (code !== 0 || !existsSync(path.join(staging, 'index.html'))) {
    rmSync(staging, { recursive: true, force: true });
    return { ok: false, output, outDir };
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  return { ok: true, output, outDir };
}

/** The lesson errors in Astro's output (`file:line: problem. fix`), for a short report. */
export function lessonErrorsIn(output: string): string[] {
  const plain = stripVTControlCharacters(output);
  const found = plain
    .split('\n')
    .map((line) => /(\S+\.(?:mdx|md|ya?ml|astro|ts)):(\d+): .+/.exec(line)?.[0]?.trim())
    .filter((line): line is string => Boolean(line));
  return [...new Set(found)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const at = process.argv.indexOf('--outDir');
  const root = path.resolve(import.meta.dirname, '..');
  const outDir = at === -1 ? undefined : path.resolve(process.argv[at + 1]!);
  const result = await buildSite({ root, echo: true, ...(outDir ? { outDir } : {}) });
  const where = path.relative(process.cwd(), result.outDir) || '.';
  if (result.ok) console.log(`\nbuild: the site is in ${where}/`);
  else {
    console.error(`\nbuild failed: ${where}/ was left as it was.`);
    for (const line of lessonErrorsIn(result.output)) console.error(`  ${line}`);
    process.exitCode = 1;
  }
}
