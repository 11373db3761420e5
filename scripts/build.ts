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
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

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
  const child = spawn(astro, ['build', '--outDir', staging], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (stream: NodeJS.WriteStream) => (chunk: string) => {
    output += chunk;
    if (echo) stream.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect(process.stdout));
  child.stderr.setEncoding('utf8').on('data', collect(process.stderr));

  // Interrupted (Ctrl-C, a CI timeout): stop Astro and leave nothing half-written behind.
  const interrupt = (signal: NodeJS.Signals) => {
    child.kill(signal);
    rmSync(staging, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      output += error.message;
      resolve(null);
    });
    child.on('close', resolve);
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
  // eslint-disable-next-line no-control-regex -- matching the escape character is the point
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
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
