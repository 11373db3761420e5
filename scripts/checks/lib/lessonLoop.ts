/**
 * The lesson loop: every lesson-level check on the lessons a contributor is editing, in seconds.
 *
 *   npm run check -- images                  both languages of one lesson (a slug or a file path)
 *   npm run check -- content/lessons/ko/images.mdx docker-cli   one check on it
 *   npm run check -- --changed               the lessons changed against the main branch
 *   npm run check -- --watch images          again on every save (Ctrl-C stops)
 *
 * Each check's result is cached by the content it read (node_modules/.cache/dockside-checks/):
 * the lesson file for the checks that look at one file (schema, commands, docker-cli, diagrams),
 * both languages for translations, every lesson's front matter for duplicates; always with
 * courses.yaml, glossary.yaml, the lesson's shown files and the checks' own code. An unchanged lesson is not
 * checked again; an edited one is checked by the same functions `npm run check` runs.
 * Types, build and links look at the whole site: the full `npm run check` runs them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LessonError } from '../../../src/lesson-model/errors.ts';
import { CONTENT_DIR, listLessonFiles, relativeToRepo } from '../../../src/lesson-model/readLessonFile.ts';
import { LOCALES } from '../../../src/lesson-model/schemas/lesson.ts';
import { printResult, type CheckResult, type ContentInput } from './check.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** What a check reads: one lesson file, both languages of a lesson, or every lesson's front matter. */
type Scope = 'file' | 'pair' | 'all';

export interface LessonCheck {
  name: string;
  scope: Scope;
  /** `cacheDir` is for checks that keep finer results of their own (docker-cli's verdicts). */
  run: (input: ContentInput, cacheDir: string) => Promise<CheckResult>;
}

/**
 * The lesson-level checks, in the order `npm run check` runs them (a new one goes here too). Loaded
 * when needed: a run answered from the cache starts neither Chromium's driver nor the docker check.
 */
export const LESSON_CHECKS: LessonCheck[] = [
  { name: 'schema', scope: 'file', run: async (input) => (await import('../schema.ts')).checkSchema(input) },
  {
    name: 'duplicates',
    scope: 'all',
    run: async (input) => (await import('../duplicates.ts')).checkDuplicates(input),
  },
  {
    name: 'translations',
    scope: 'pair',
    run: async (input) => (await import('../translations.ts')).checkTranslations(input),
  },
  {
    name: 'glossary',
    scope: 'file',
    run: async (input) => (await import('../glossary.ts')).checkGlossary(input),
  },
  {
    name: 'commands',
    scope: 'file',
    run: async (input) => (await import('../commands.ts')).checkCommands(input),
  },
  {
    name: 'course-images',
    scope: 'all',
    run: async (input) => (await import('../course-images.ts')).checkCourseImages(input),
  },
  {
    name: 'docker-cli',
    scope: 'file',
    run: async (input, cacheDir) => (await import('../docker-cli.ts')).checkDockerCli({ ...input, cacheDir }),
  },
  {
    name: 'diagrams',
    scope: 'file',
    run: async (input) => (await import('../diagrams.ts')).checkDiagrams(input),
  },
];

export interface LessonLoopOptions {
  /** Slugs of the lessons to check (both languages each). */
  slugs: string[];
  /** Only these checks (names from LESSON_CHECKS); all when empty. */
  checks?: string[];
  contentDir?: string;
  cacheDir?: string;
}

export interface LessonLoopResult {
  problems: number;
  /** Checks run / answered from the cache, counted per unit (file, pair or set). */
  ran: number;
  cached: number;
  ms: number;
}

interface Stored {
  problems: { file: string; line: number; problem: string; fix: string }[];
  notes: string[];
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
};

/** Every file under `dir` (sorted, with contents): what a folder "is" for a cache key. */
function folderDigest(dir: string): string {
  if (!existsSync(dir)) return 'none';
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return hash(...files.flatMap((file) => [path.relative(dir, file), readFileSync(file)]));
}

const fileDigest = (file: string) => (existsSync(file) ? hash(readFileSync(file)) : 'missing');

/** The checks' own code (and the docker binary): a change to a rule must not be hidden by the cache. */
function codeDigest(): string {
  const dirs = ['scripts/checks', 'src/lesson-model', 'src/diagrams', 'src/runtime', 'src/i18n'];
  const parts = dirs.map((dir) => folderDigest(path.join(ROOT, dir)));
  parts.push(fileDigest(path.join(ROOT, 'package-lock.json')));
  try {
    const docker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    const stat = statSync(docker);
    parts.push(`${docker} ${stat.size} ${stat.mtimeMs}`);
  } catch {
    parts.push('no docker');
  }
  return hash(...parts);
}

const frontMatterOf = (file: string) => readFileSync(file, 'utf8').split(/^---\s*$/m, 3)[1] ?? '';

export async function runLessonLoop(options: LessonLoopOptions): Promise<LessonLoopResult> {
  const started = performance.now();
  const contentDir = options.contentDir ?? CONTENT_DIR;
  const cacheDir = options.cacheDir ?? path.join(ROOT, 'node_modules', '.cache', 'dockside-checks');
  mkdirSync(cacheDir, { recursive: true });
  const checks = LESSON_CHECKS.filter(
    (check) => !options.checks?.length || options.checks.includes(check.name),
  );
  const pairs = options.slugs.map((slug) =>
    LOCALES.map((locale) => path.join(contentDir, 'lessons', locale, `${slug}.mdx`)),
  );
  const files = pairs.flat().filter((file) => existsSync(file));
  const code = codeDigest();
  const shared = hash(
    fileDigest(path.join(contentDir, 'courses.yaml')),
    fileDigest(path.join(contentDir, 'glossary.yaml')),
  );
  const shownFiles = (lessonFile: string) =>
    folderDigest(path.join(contentDir, 'files', path.basename(lessonFile, '.mdx')));
  const allFrontMatter = () =>
    hash(
      ...listLessonFiles(undefined, contentDir).flatMap((file) => [
        relativeToRepo(file),
        frontMatterOf(file),
      ]),
    );

  const result: LessonLoopResult = { problems: 0, ran: 0, cached: 0, ms: 0 };
  for (const check of checks) {
    const checkStarted = performance.now();
    // The units this check reads, each with the lesson files it covers and its cache key.
    const units: { files: string[] | undefined; key: string }[] =
      check.scope === 'file'
        ? files.map((file) => ({
            files: [file],
            key: hash(check.name, code, shared, fileDigest(file), shownFiles(file)),
          }))
        : check.scope === 'pair'
          ? pairs.map((pair) => ({
              files: pair,
              key: hash(check.name, code, shared, ...pair.map(fileDigest), shownFiles(pair[0]!)),
            }))
          : [{ files: undefined, key: hash(check.name, code, shared, allFrontMatter()) }];
    const stored = new Map<string, Stored>();
    const missing: typeof units = [];
    for (const unit of units) {
      const at = path.join(cacheDir, `${check.name}-${unit.key}.json`);
      if (existsSync(at)) stored.set(unit.key, JSON.parse(readFileSync(at, 'utf8')) as Stored);
      else missing.push(unit);
    }
    result.cached += units.length - missing.length;
    result.ran += missing.length;
    if (missing.length) {
      // One run for every unit not in the cache (one docker-cli pool, one Chromium), split by file after.
      const only = missing.every((unit) => unit.files) ? missing.flatMap((unit) => unit.files!) : undefined;
      const fresh = await check.run(only ? { contentDir, lessons: only } : { contentDir }, cacheDir);
      for (const unit of missing) {
        const mine = unit.files?.map(relativeToRepo);
        const entry: Stored = {
          problems: fresh.problems
            .filter((problem) => !mine || mine.includes(problem.file) || !problem.file.includes('/lessons/'))
            .map(({ file, line, problem, fix }) => ({ file, line, problem, fix })),
          notes: fresh.notes,
        };
        stored.set(unit.key, entry);
        writeFileSync(path.join(cacheDir, `${check.name}-${unit.key}.json`), JSON.stringify(entry));
      }
    }
    // The set-wide check (duplicates) answers for every lesson: keep what concerns the chosen ones.
    const chosen = new Set(pairs.flat().map(relativeToRepo));
    const problems = new Map<string, LessonError>();
    const notes = new Set<string>();
    for (const entry of stored.values()) {
      for (const p of entry.problems) {
        if (check.scope === 'all' && p.file.includes('/lessons/') && !chosen.has(p.file)) continue;
        const error = new LessonError(p.file, p.line, p.problem, p.fix);
        problems.set(error.message, error);
      }
      for (const note of entry.notes) notes.add(note);
    }
    const fromCache = units.length - missing.length;
    printResult(
      check.name,
      {
        problems: [...problems.values()],
        notes: [...notes],
        summary: `${files.length} lesson file${files.length === 1 ? '' : 's'}${fromCache ? `, ${fromCache === units.length ? 'all' : fromCache} unchanged (cached)` : ''}`,
      },
      performance.now() - checkStarted,
    );
    result.problems += problems.size;
  }
  result.ms = performance.now() - started;
  return result;
}

/** A lesson argument (a slug, or a path to either language's file) as its slug, or undefined. */
export function lessonSlugOf(arg: string, contentDir: string = CONTENT_DIR): string | undefined {
  if (arg.endsWith('.mdx') || arg.includes('/') || arg.includes(path.sep)) {
    const absolute = path.resolve(arg);
    return existsSync(absolute) && absolute.endsWith('.mdx') ? path.basename(absolute, '.mdx') : undefined;
  }
  return LOCALES.some((locale) => existsSync(path.join(contentDir, 'lessons', locale, `${arg}.mdx`)))
    ? arg
    : undefined;
}

/**
 * The lessons changed against the main branch: committed on this branch, changed in the working
 * tree, or new and untracked; a change to a lesson's shown files counts as a change to the lesson.
 */
export function changedLessons(base = 'main'): { slugs: string[]; against: string } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  let against = base;
  for (const candidate of [base, `origin/${base}`]) {
    try {
      git('rev-parse', '--verify', '-q', candidate);
      against = candidate;
      break;
    } catch {
      /* try the next */
    }
  }
  const from = git('merge-base', 'HEAD', against);
  const names = [
    ...git('diff', '--name-only', from, '--', 'content').split('\n'),
    ...git('ls-files', '--others', '--exclude-standard', '--', 'content').split('\n'),
  ];
  const slugs = new Set<string>();
  for (const name of names) {
    const match = /^content\/(?:lessons\/[^/]+\/([^/]+)\.mdx|files\/([^/]+)\/)/.exec(name);
    const slug = match?.[1] ?? match?.[2];
    if (slug && lessonSlugOf(slug)) slugs.add(slug);
  }
  return { slugs: [...slugs].sort(), against };
}

/** Runs the loop, then again whenever a file it read changes. Never returns. */
export async function watchLessons(options: LessonLoopOptions): Promise<never> {
  const contentDir = options.contentDir ?? CONTENT_DIR;
  const once = async () => {
    const { problems, ms } = await runLessonLoop(options);
    console.log(
      `\n${problems ? `${problems} problem${problems === 1 ? '' : 's'}` : 'No problems'} (${(ms / 1000).toFixed(1)} s). Watching ${options.slugs.join(', ')}; Ctrl-C stops.`,
    );
  };
  await once();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        console.log(`\n── ${new Date().toLocaleTimeString()} ──`);
        await once();
      });
    }, 150);
  };
  const watched = new Set(options.slugs.flatMap((slug) => [`${slug}.mdx`, slug]));
  for (const locale of LOCALES) {
    const dir = path.join(contentDir, 'lessons', locale);
    if (existsSync(dir)) watch(dir, (_, name) => name && watched.has(name.toString()) && again());
  }
  const files = path.join(contentDir, 'files');
  if (existsSync(files))
    watch(
      files,
      { recursive: true },
      (_, name) => name && watched.has(name.toString().split(path.sep)[0]!) && again(),
    );
  watch(contentDir, (_, name) => name === 'courses.yaml' && again());
  return new Promise<never>(() => {});
}

/**
 * `npm run check` with lesson arguments, `--changed` or `--watch`: runs the loop and returns the exit
 * status; undefined when the arguments name checks only (the full runner's business).
 */
export async function lessonLoopCli(argv: string[], stepNames: string[]): Promise<number | undefined> {
  const words = argv.filter((arg) => !arg.startsWith('--'));
  const lessonArgs = words.filter((arg) => !stepNames.includes(arg));
  const changed = argv.includes('--changed');
  const watching = argv.includes('--watch');
  if (!lessonArgs.length && !changed && !watching) return undefined;
  const unknown = lessonArgs.filter((arg) => !lessonSlugOf(arg));
  if (unknown.length) {
    console.error(
      `check: "${unknown.join('", "')}" is neither a check (${stepNames.join(', ')}) nor a lesson (a slug like images, or content/lessons/<locale>/<slug>.mdx)`,
    );
    return 2;
  }
  const checks = words.filter((arg) => stepNames.includes(arg));
  const notLessonLevel = checks.filter((name) => !LESSON_CHECKS.some((check) => check.name === name));
  if (notLessonLevel.length) {
    console.error(
      `check: ${notLessonLevel.join(', ')} look${notLessonLevel.length === 1 ? 's' : ''} at the whole site, not one lesson; run npm run check -- ${notLessonLevel.join(' ')} without lessons`,
    );
    return 2;
  }
  const slugs = new Set(lessonArgs.map((arg) => lessonSlugOf(arg)!));
  if (changed) {
    const found = changedLessons();
    console.log(
      found.slugs.length
        ? `Lessons changed against ${found.against}: ${found.slugs.join(', ')}`
        : `No lesson changed against ${found.against}.`,
    );
    for (const slug of found.slugs) slugs.add(slug);
  }
  if (!slugs.size) return 0;
  const options = { slugs: [...slugs], checks };
  if (watching) await watchLessons(options);
  const { problems, ms, ran, cached } = await runLessonLoop(options);
  console.log(
    `\n${problems ? `${problems} problem${problems === 1 ? '' : 's'}` : 'All lesson checks passed'} (${(ms / 1000).toFixed(1)} s; ${ran} checked, ${cached} unchanged since the last run). Types, build and links: npm run check without lessons.`,
  );
  return problems ? 1 : 0;
}
