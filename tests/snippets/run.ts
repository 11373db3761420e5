/**
 * The snippet suite: every command of every English lesson, run against the Docker Engine that `docker`
 * points at, word for word as a reader pastes it. (Korean lessons carry the same commands; parity is
 * checked elsewhere.)
 *
 *   npm run test:snippets                      stand-in contract test, then every lesson
 *   npm run test:snippets -- images            one lesson (slug), or several
 *   npm run test:snippets -- path/to/x.mdx     a lesson file anywhere (for trying out the suite)
 *   npm run test:snippets -- --no-contracts    lessons only
 *   npm run test:snippets -- --no-record       run, but write no verification record
 *
 * Verification records: every lesson of content/ that passes whole (every runnable block passed and
 * nothing was left behind) gets content/verified/<slug>.json, with this engine, today's date (UTC) and
 * the hash of each block it ran (src/lesson-model/verification.ts). A lesson that fails keeps its old
 * record, and lessons not run keep theirs, so a one-lesson run updates that lesson alone and a full run
 * writes every passing lesson's record. On an engine other than the reference engine a record is still
 * written (it names that engine, and so does the page), except that a reference-engine record the lesson
 * still fully matches is kept.
 *
 * No engine answering: a plain message and "skipped" (exit 0), or a failure when CI=true.
 * Exit status 1 when any block, leftover check or contract fails. The last line is `N passed, N failed`
 * counting command blocks.
 */
import { paint } from '../../src/utils/paint.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LessonError } from '../../src/lesson-model/errors.ts';
import type { LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import {
  CONTENT_DIR,
  LESSONS_DIR,
  listLessonFiles,
  readLessonFile,
  relativeToRepo,
} from '../../src/lesson-model/readLessonFile.ts';
import { exec } from '../../src/runtime/exec.ts';
import { loadStandins, registryHoldsCurrentBuild } from '../standins/definitions.ts';
import { CONTRACT_LABEL, engineFacts, engineStatus, removeLabelled } from '../../src/runtime/engine.ts';
import {
  compareWithRecord,
  describeEngine,
  isReferenceEngine,
  isRunnable,
  readRecord,
  recordDecision,
  recordOf,
  REFERENCE_ENGINE,
  RecordError,
  writeRecord,
  type EngineFacts,
} from '../../src/lesson-model/verification.ts';
import { EngineRecorder, parseEndpoint } from '../../src/runtime/engineRecorder.ts';
import { lockEngine } from '../../src/runtime/engineLock.ts';
import { runLesson, type LessonReporter } from '../../src/runtime/lessonRun.ts';
import { imagesKeptBy } from '../../src/lesson-model/courseImages.ts';
import { inCourseOrder } from '../../src/lesson-model/courseOrder.ts';
import { readCourses } from '../../src/lesson-model/readCourses.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const STANDIN_MIRROR = 'http://127.0.0.1:5000/';

const ok = paint('green', '✓');
const bad = paint('red', '✗');
const dash = paint('yellow', '–');
const secs = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
    : `${(ms / 1000).toFixed(1)} s`;
const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => by + line)
    .join('\n');

interface Args {
  lessons: string[];
  contracts: boolean;
  record: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { lessons: [], contracts: true, record: true };
  for (const arg of argv) {
    if (arg === '--no-contracts') args.contracts = false;
    else if (arg === '--no-record') args.record = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: npm run test:snippets [-- [--no-contracts] [--no-record] [lesson-slug | lesson.mdx ...]]',
      );
      process.exit(0);
    } else if (arg.startsWith('-')) {
      console.error(`test:snippets: unknown option ${arg}`);
      process.exit(2);
    } else args.lessons.push(arg);
  }
  // A run of chosen lessons is for working on those lessons: skip the stand-in contracts.
  if (args.lessons.length) args.contracts = false;
  return args;
}

function resolveLessons(wanted: string[]): string[] {
  const all = listLessonFiles('en');
  if (wanted.length === 0) return all;
  return wanted.map((want) => {
    if (want.endsWith('.mdx') && existsSync(want)) return path.resolve(want);
    const file = path.join(LESSONS_DIR, 'en', `${want}.mdx`);
    if (existsSync(file)) return file;
    const slugs = all.map((lesson) => path.basename(lesson, '.mdx')).join(', ');
    console.error(`test:snippets: no lesson "${want}" in content/lessons/en (there are: ${slugs || 'none'})`);
    process.exit(2);
  });
}

const reporter: LessonReporter = {
  blockPassed(block, title, durationMs) {
    const count = `${block.commands.length} command${block.commands.length === 1 ? '' : 's'}`;
    console.log(
      `  ${ok} :${block.line}  ${title ? `${title}  ` : ''}${paint('dim', `(${count}, ${secs(durationMs)})`)}`,
    );
  },
  commandFailed(block, command, problems, shown) {
    console.log(`  ${bad} ${block.file}:${command.line}`);
    console.log(
      indent(command.lines.map((line, i) => (i === 0 ? `$ ${line}` : `> ${line}`)).join('\n'), '      '),
    );
    for (const problem of problems) console.log(`      ${paint('red', problem)}`);
    console.log(`      ${paint('dim', shown.title)}`);
    console.log(indent(shown.text, '      │ '));
  },
  blockNotRun(block, status, reason) {
    console.log(`  ${dash} :${block.line}  ${status}: ${reason}`);
  },
  interrupted(removed, removalProblems) {
    for (const line of removed) console.log(`  removed ${line}`);
    for (const line of removalProblems) console.log(`  ${paint('red', `could not remove: ${line}`)}`);
  },
  leftovers(file, found, removalProblems, countedOn) {
    console.log(
      `  ${bad} ${file}: left behind after the lesson (its cleanup step must remove these); ${countedOn}`,
    );
    for (const line of found) console.log(`      ${line}`);
    if (removalProblems.length) {
      console.log(`      ${paint('red', 'could not remove everything:')}`);
      for (const line of removalProblems) console.log(`      ${line}`);
    } else console.log('      removed them');
  },
};

/**
 * Writes the verification record of a lesson that passed whole, if it is a lesson of content/ (a lesson
 * file elsewhere is being tried out, not verified) and the policy in recordDecision allows it.
 */
function recordPass(lesson: LessonFile, engine: EngineFacts): { written: boolean; text: string } {
  if (path.resolve(REPO, lesson.file) !== path.join(LESSONS_DIR, 'en', `${lesson.slug}.mdx`))
    return { written: false, text: paint('dim', 'not recorded: the lesson is not in content/lessons/en') };
  let existing;
  try {
    existing = readRecord(CONTENT_DIR, lesson.slug);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    existing = undefined; // replaced by a record that parses
  }
  const date = new Date().toISOString().slice(0, 10);
  const decision = recordDecision(existing, compareWithRecord(lesson.blocks, lesson.files, existing), engine);
  if (!decision.write) return { written: false, text: paint('yellow', `not recorded: ${decision.reason}`) };
  const file = writeRecord(CONTENT_DIR, recordOf(lesson.slug, lesson.blocks, lesson.files, engine, date));
  const replaced =
    existing && describeEngine(existing.engine) !== describeEngine(engine)
      ? paint('yellow', ` (replaces the record from ${describeEngine(existing.engine)} on ${existing.date})`)
      : '';
  return {
    written: true,
    text: `verified on ${describeEngine(engine)}: ${relativeToRepo(file)}${replaced}`,
  };
}

/** Runs the stand-in contract test (vitest) in a child process; its output goes straight to ours. */
function runContracts(): Promise<boolean> {
  return new Promise((resolve) => {
    const vitest = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--config', path.join(REPO, 'tests/standins/vitest.config.ts')],
      {
        cwd: REPO,
        stdio: 'inherit',
      },
    );
    child.on('close', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // Lessons run in course order, as a reader takes them: a course's images stay from one lesson to
  // the next and its last lesson removes them (src/lesson-model/courseImages.ts).
  const courses = readCourses();
  const inContent = listLessonFiles('en').flatMap((file) => {
    try {
      return [readLessonFile(file)];
    } catch {
      return []; // reported when the lesson's turn comes
    }
  });
  // Read once: the loop below takes these instead of parsing each lesson again.
  const readByFile = new Map(inContent.map((lesson) => [path.resolve(REPO, lesson.file), lesson]));
  const ordered = inCourseOrder(inContent, courses).map((lesson) => path.resolve(REPO, lesson.file));
  const rank = (file: string) => (ordered.includes(file) ? ordered.indexOf(file) : ordered.length);
  const files = resolveLessons(args.lessons).toSorted((a, b) => rank(a) - rank(b));
  let wallStarted = performance.now();

  const engine = await engineStatus();
  if (!engine.ok) {
    const message = `No Docker Engine answers, so no lesson command can run: ${engine.reason}`;
    if (process.env.CI === 'true') {
      console.error(`test:snippets failed. ${message}`);
      console.error('Under CI=true the snippet suite needs an engine (see scripts/docker/README.md).');
      process.exitCode = 1;
    } else {
      console.log(`test:snippets skipped: ${message}`);
      console.log('Start Docker (or run scripts/docker/setup-engine.sh as root) and run it again.');
    }
    return;
  }
  const usesStandins = engine.mirrors.includes(STANDIN_MIRROR);
  console.log(
    `Docker Engine ${engine.version}${usesStandins ? ` with the stand-in registry mirror ${STANDIN_MIRROR}` : ''}`,
  );
  if (usesStandins) {
    const stale: string[] = [];
    for (const standin of loadStandins()) {
      if (!(await registryHoldsCurrentBuild(standin).catch(() => false))) stale.push(standin.image);
    }
    if (stale.length)
      console.log(
        paint(
          'yellow',
          `warning: stand-ins missing or out of date: ${stale.join(', ')}. Run \`npm run standins\`.`,
        ),
      );
  }

  const endpoint = (
    await exec('docker', ['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], {
      timeoutMs: 20_000,
    })
  ).stdout.trim();
  const waitStarted = performance.now();
  let waited = false;
  await lockEngine(endpoint || 'default', (holder) => {
    waited = true;
    console.log(paint('yellow', `waiting for another snippet run on this engine (pid ${holder}) to finish…`));
  });
  if (waited) {
    console.log(`waited ${secs(performance.now() - waitStarted)}; the times below start now`);
    wallStarted = performance.now();
  }

  // What a verification record says about this engine; read once, before any lesson runs.
  const facts = await engineFacts(usesStandins ? 'stand-ins' : 'registry');
  if (args.record && !isReferenceEngine(facts)) {
    console.log(
      paint(
        'yellow',
        `note: ${describeEngine(facts)} is not the reference engine (Docker Engine ${REFERENCE_ENGINE.version}, ${REFERENCE_ENGINE.imageStore} image store). Lessons that pass are recorded as verified on this engine and their pages will say so; a reference-engine record a lesson still matches is kept.`,
      ),
    );
  }
  const recorded: string[] = [];

  // Lessons reach the engine through the recorder, so the suite knows what each one created.
  const target = parseEndpoint(endpoint);
  const recorderDir = mkdtempSync(path.join(os.tmpdir(), 'dockside-engine-'));
  const recorder = target ? await EngineRecorder.start(target, recorderDir) : undefined;
  const sessionEnv: NodeJS.ProcessEnv = recorder
    ? { ...process.env, DOCKER_HOST: recorder.dockerHost }
    : process.env;
  if (!recorder) {
    console.log(
      paint(
        'yellow',
        `note: cannot watch the engine at ${endpoint || '(unknown)'}; anything new during a lesson counts as the lesson's.`,
      ),
    );
  }
  const closeRecorder = async () => {
    await recorder?.close();
    rmSync(recorderDir, { recursive: true, force: true });
  };

  // Ctrl-C: the running command is killed, the lesson stops and what it created is removed, then the
  // suite exits with 130. Further Ctrl-Cs (npm forwards one, the terminal sends another) do not cut that short.
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) return;
    console.log(
      `\n${paint('yellow', 'interrupted: stopping and removing what the current lesson created…')}`,
    );
    interrupt.abort();
  });
  const finishInterrupted = async () => {
    await removeLabelled(CONTRACT_LABEL);
    await closeRecorder();
    console.log('interrupted');
    process.exit(130);
  };

  let contractsPassed: boolean | undefined;
  let contractsMs = 0;
  if (args.contracts) {
    console.log(`\n${paint('bold', '▶ stand-in image contracts')}  tests/standins`);
    const started = performance.now();
    contractsPassed = await runContracts();
    contractsMs = performance.now() - started;
    await removeLabelled(CONTRACT_LABEL);
    if (interrupt.signal.aborted) await finishInterrupted();
  }

  let passed = 0;
  let failed = 0;
  let notRun = 0;
  let skipped = 0;
  for (const file of files) {
    if (interrupt.signal.aborted) await finishInterrupted();
    let lesson;
    try {
      lesson = readByFile.get(file) ?? readLessonFile(file);
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      console.log(`\n${paint('bold', `▶ ${path.basename(file, '.mdx')}`)}  ${relativeToRepo(file)}`);
      console.log(`  ${bad} ${error.message}`);
      failed += 1;
      continue;
    }
    console.log(`\n${paint('bold', `▶ ${lesson.slug}`)}  ${lesson.file}`);
    const kept = imagesKeptBy(lesson, courses, inContent);
    if (kept.size)
      console.log(
        paint(
          'dim',
          `  keeps ${[...kept].join(', ')} for the next lessons of its course (content/courses.yaml)`,
        ),
      );
    const outcome = await runLesson(lesson, reporter, sessionEnv, recorder, interrupt.signal, kept);
    if (outcome.interrupted) await finishInterrupted();
    const count = (status: string) => outcome.blocks.filter((block) => block.status === status).length;
    const lessonFailed = count('failed') + outcome.lessonFailures;
    passed += count('passed');
    failed += lessonFailed;
    notRun += count('not run');
    skipped += count('skipped');
    const parts = [`${count('passed')} passed`, `${lessonFailed} failed`];
    if (count('not run')) parts.push(`${count('not run')} not run`);
    if (count('skipped')) parts.push(`${count('skipped')} skipped`);
    const mark = lessonFailed ? bad : ok;
    console.log(`  ${mark} ${lesson.slug}: ${parts.join(', ')} in ${secs(outcome.durationMs)}`);
    const runnable = lesson.blocks.filter(({ block }) => isRunnable(block)).length;
    if (args.record && lessonFailed === 0 && count('passed') === runnable) {
      const note = recordPass(lesson, facts);
      if (note.written) recorded.push(lesson.slug);
      console.log(`  ${note.text}`);
    }
  }

  await closeRecorder();

  console.log('');
  if (contractsPassed !== undefined) {
    console.log(
      `stand-in contracts ${contractsPassed ? 'passed' : paint('red', 'FAILED (see above)')} in ${secs(contractsMs)}`,
    );
  }
  console.log(
    `${files.length} lesson${files.length === 1 ? '' : 's'} in ${secs(performance.now() - wallStarted)}`,
  );
  if (notRun) console.log(`${notRun} not run (their reasons are listed above)`);
  if (recorded.length)
    console.log(
      `verification recorded for ${recorded.length} lesson${recorded.length === 1 ? '' : 's'} in content/verified/ (commit it with the lessons)`,
    );
  if (skipped) console.log(`${skipped} skipped after a failed step`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed || contractsPassed === false ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(
    `test:snippets crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
