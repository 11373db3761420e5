/**
 * What every check in scripts/checks/ shares: the shape of its result, reading the lessons of a
 * content tree once, and running a check on its own from the command line
 * (`tsx scripts/checks/<name>.ts [--content <dir>]`, or `npm run check:<name>`).
 *
 * A check's logic is a function taking explicit inputs (a content directory, a dist directory), so
 * the broken-lesson corpus (tests/broken-lessons/) runs the same functions on its fixtures.
 * Every problem is a LessonError: `file:line: problem. fix`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { paint } from '../../../src/utils/paint.ts';
import path from 'node:path';
import { LessonError } from '../../../src/lesson-model/errors.ts';
import {
  CONTENT_DIR,
  filesDirFor,
  listLessonFiles,
  readLessonFile,
  relativeToRepo,
  type LessonFile,
} from '../../../src/lesson-model/readLessonFile.ts';

export interface CheckResult {
  problems: LessonError[];
  /** Things worth knowing that are not problems: what was skipped and why, external links. */
  notes: string[];
  /** One line on what was checked, e.g. "14 lessons, 212 commands". */
  summary: string;
}

export interface ContentInput {
  /** A content tree laid out like content/: courses.yaml, lessons/<locale>/<slug>.mdx, files/. */
  contentDir: string;
  /**
   * Only these lesson files (absolute paths), for the lesson loop (`npm run check -- <lesson>`);
   * every lesson of the content tree when absent.
   */
  lessons?: string[];
}

export interface LessonSet {
  lessons: LessonFile[];
  /** Lessons that do not read (the schema check reports why); other checks leave them out. */
  unreadable: { file: string; error: LessonError }[];
}

/**
 * Reads every lesson (or only `only`, absolute paths); a lesson that does not read is set aside with
 * its error instead of stopping the check.
 */
export function readLessons(contentDir: string, only?: string[]): LessonSet {
  const set: LessonSet = { lessons: [], unreadable: [] };
  const wanted = only && new Set(only.map((file) => path.resolve(file)));
  for (const absolute of listLessonFiles(undefined, contentDir)) {
    if (wanted && !wanted.has(absolute)) continue;
    try {
      set.lessons.push(readUnlessUnchanged(absolute));
    } catch (error) {
      set.unreadable.push({
        file: relativeToRepo(absolute),
        error: asLessonError(error, relativeToRepo(absolute)),
      });
    }
  }
  return set;
}

/**
 * Checks run one after another read the same lessons: a lesson whose text and shown files have not
 * changed since this process last read it is not parsed again (`npm run check` parses each lesson
 * once instead of once per check; the watch loop parses only what was saved). Checks only read it.
 */
const parsed = new Map<string, { key: string; lesson: LessonFile }>();

function readUnlessUnchanged(absolute: string): LessonFile {
  const shown = path.join(filesDirFor(absolute), path.basename(absolute, '.mdx'));
  const key = [
    readFileSync(absolute, 'utf8'),
    ...(existsSync(shown)
      ? readdirSync(shown, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
          .flatMap((file) => [file, readFileSync(file, 'utf8')])
      : []),
  ].join('\0');
  const known = parsed.get(absolute);
  if (known?.key === key) return known.lesson;
  const lesson = readLessonFile(absolute);
  parsed.set(absolute, { key, lesson });
  return lesson;
}

/** A note for checks that skip unreadable lessons, so running one check alone never hides them. */
export function unreadableNote(set: LessonSet): string[] {
  if (!set.unreadable.length) return [];
  const files = set.unreadable.map((entry) => entry.file).join(', ');
  return [
    `left out ${set.unreadable.length} lesson(s) that do not read (${files}); npm run check:schema says why`,
  ];
}

/** Any error from reading a lesson as a LessonError, so a crash in a reader still names the file. */
export function asLessonError(error: unknown, file: string): LessonError {
  if (error instanceof LessonError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LessonError(
    file,
    1,
    `could not be read: ${message.split('\n')[0]}`,
    'Fix the file; if it looks right, report this as a bug in Dockside',
  );
}

/** Prints a result the same way the runner does: problems first, then notes. */
export function printResult(name: string, result: CheckResult, ms: number): void {
  const mark = result.problems.length ? paint('red', '✗') : paint('green', '✓');
  const count = result.problems.length
    ? paint('red', `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`)
    : result.summary;
  console.log(`${mark} ${name.padEnd(13)} ${count} ${paint('dim', `(${(ms / 1000).toFixed(1)} s)`)}`);
  for (const problem of result.problems) console.log(`    ${problem.message.replace(/\n/g, '\n    ')}`);
  for (const note of result.notes) console.log(paint('dim', `    note: ${note}`));
}

/** `--content <dir>` from the command line, else the repository's content/. */
export function contentDirFromArgs(argv: string[] = process.argv.slice(2)): string {
  const at = argv.indexOf('--content');
  return at === -1 ? CONTENT_DIR : path.resolve(argv[at + 1] ?? CONTENT_DIR);
}

/** True when the module is the script node was asked to run (not imported by the runner or a test). */
export function isMain(meta: ImportMeta): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === meta.filename;
}

/** Runs one check as a script: prints its result and sets the exit status. */
export async function runAlone(name: string, run: () => Promise<CheckResult>): Promise<void> {
  const started = performance.now();
  try {
    const result = await run();
    printResult(name, result, performance.now() - started);
    process.exitCode = result.problems.length ? 1 : 0;
  } catch (error) {
    console.error(
      `${name}: the check itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 2;
  }
}
