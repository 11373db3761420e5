/**
 * How long a contributor waits for every lesson-level check on the lesson they are editing, and how
 * long the full `npm run check` takes. Prints numbers; asserts nothing.
 *
 *   npx tsx scripts/bench/lesson-loop.ts [<slug>] [--no-full]
 *
 * On a copy of content/ in a temporary folder (the real lessons are never edited), with an empty
 * check cache, in one process as `npm run check -- --watch <slug>` runs it:
 *   1. first run          nothing cached (docker-cli runs every command; diagrams come from
 *                         .cache/mermaid when the build or the diagrams check rendered them before)
 *   2. unchanged          the same lesson again
 *   3. prose edited       a sentence added to the English file
 *   4. block added        a new section with a command block in both languages
 * then `npm run check -- <slug>` as a new process (tsx start-up included), and the full
 * `npm run check`. Each line gives wall time and CPU time, and the machine's load average: on a
 * shared machine wall time is mostly waiting for a core.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_DIR } from '../../src/lesson-model/readLessonFile.ts';
import { runLessonLoop } from '../checks/lib/lessonLoop.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const slug = args.find((arg) => !arg.startsWith('--')) ?? 'images';
const full = !args.includes('--no-full');

const work = mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-loop-'));
const contentDir = path.join(work, 'content');
const cacheDir = path.join(work, 'cache');
cpSync(CONTENT_DIR, contentDir, { recursive: true });

const rows: { what: string; wall: number; cpu: number; note: string }[] = [];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

async function inProcess(what: string, edit?: () => void) {
  edit?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runLessonLoop({ slugs: [slug], contentDir, cacheDir });
  const used = process.cpuUsage(cpu);
  rows.push({
    what,
    wall: performance.now() - started,
    cpu: (used.user + used.system) / 1000,
    note: `${result.ran} checked, ${result.cached} cached, ${result.problems} problems; load ${load()}`,
  });
}

/** A command in a new process: wall time and the CPU time of it and its children (bash's `time`). */
function timed(what: string, command: string) {
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time { ${command} >/dev/null 2>&1; }`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  const [wall, user, sys] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  rows.push({
    what,
    wall: wall! * 1000,
    cpu: (user! + sys!) * 1000,
    note: `exit ${result.status}; load ${load()}`,
  });
}

try {
  const en = path.join(contentDir, 'lessons', 'en', `${slug}.mdx`);
  const ko = path.join(contentDir, 'lessons', 'ko', `${slug}.mdx`);
  console.log(`lesson ${slug}, ${os.cpus().length} cores, load ${load()}\n`);
  await inProcess('1. first run (nothing cached)');
  await inProcess('2. unchanged');
  await inProcess('3. prose edited (English)', () =>
    appendFileSync(en, '\nOne more sentence, as a contributor would add while writing.\n'),
  );
  const section = (heading: string) =>
    `\n## ${heading}\n\n\`\`\`console\n$ docker image ls --format '{{.Repository}}'\n{{...}}\n\`\`\`\n`;
  await inProcess('4. block added (both languages)', () => {
    appendFileSync(en, section('One more step'));
    appendFileSync(ko, section('한 단계 더'));
  });
  timed(`npm run check -- ${slug} (new process, cached)`, `npx tsx scripts/check.ts ${slug}`);
  if (full) timed('npm run check (everything)', 'npx tsx scripts/check.ts');
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  '\n' +
    'step'.padEnd(48) +
    'wall s'.padStart(8) +
    'CPU s'.padStart(8) +
    '  (CPU: this process and, for new processes, their children)',
);
for (const row of rows)
  console.log(
    `${row.what.padEnd(48)}${(row.wall / 1000).toFixed(1).padStart(8)}${(row.cpu / 1000).toFixed(1).padStart(8)}  ${row.note}`,
  );
console.log(
  `\ngit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()}`,
);
