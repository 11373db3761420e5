/**
 * npm run check: every project check, in order, with one line per check and every problem as
 * `file:line: problem. fix`. Exits 1 when any check finds a problem, 2 when a check cannot run.
 *
 * Order: the checks that read lesson sources (fast, no build) first; then format, lint and types; then
 * the build (scripts/build.ts: into dist/, swapped in only on success); then the links and html checks
 * on that dist/. Types, build and links are skipped when the schema check finds a problem ("skipped:
 * fix the errors above first"): Astro would stop on the same mistake with a stack trace.
 *
 *   npm run check                              everything
 *   npm run check -- schema translations      only these (build and links included only if named)
 *   npm run check -- --skip types              all but these
 *   npm run check:<name>                       one check alone (check:links checks the dist/ there is)
 *   npm run check -- <lesson> … | --changed | --watch <lesson>   the lesson-level checks on those
 *                                              lessons only, cached (scripts/checks/lib/lessonLoop.ts)
 */
import { paint } from '../src/utils/paint.ts';
import path from 'node:path';
import { LessonError } from '../src/lesson-model/errors.ts';
import { CONTENT_DIR } from '../src/lesson-model/readLessonFile.ts';
import { printResult, type CheckResult } from './checks/lib/check.ts';
import { lessonLoopCli } from './checks/lib/lessonLoop.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const content = { contentDir: CONTENT_DIR };

// Each check is imported when it runs: `npm run check -- <lesson>` never loads ESLint, Prettier,
// html-validate or Astro, so the edit loop starts in a second or two.
interface Step {
  name: string;
  /** What it catches, for --help. */
  about: string;
  run: () => Promise<CheckResult>;
}

const STEPS: Step[] = [
  {
    name: 'schema',
    about: 'front matter, courses.yaml, MDX, fences, command blocks, placeholders, shown files',
    run: async () => (await import('./checks/schema.ts')).checkSchema(content),
  },
  {
    name: 'duplicates',
    about: 'slugs (file names) and orders within a course, course ids and orders',
    run: async () => (await import('./checks/duplicates.ts')).checkDuplicates(content),
  },
  {
    name: 'translations',
    about: 'both languages: same command blocks, diagrams, shown files, course and order',
    run: async () => (await import('./checks/translations.ts')).checkTranslations(content),
  },
  {
    name: 'glossary',
    about: "content/glossary.yaml reads; Korean lessons use the glossary's spelling of each term",
    run: async () => (await import('./checks/glossary.ts')).checkGlossary(content),
  },
  {
    name: 'verification',
    about: 'every runnable block is what the snippet suite last passed (content/verified/<slug>.json)',
    run: async () => (await import('./checks/verification.ts')).checkVerification(content),
  },
  {
    name: 'commands',
    about: 'pinned images, no curl | sh, privileged/docker socket only in warnings, ports on 127.0.0.1',
    run: async () => (await import('./checks/commands.ts')).checkCommands(content),
  },
  {
    name: 'course-images',
    about:
      "lessons keep the images their course reuses (courses.yaml images:); the course's last lesson removes them",
    run: async () => (await import('./checks/course-images.ts')).checkCourseImages(content),
  },
  {
    name: 'docker-cli',
    about: 'every docker command parses with the real docker CLI (no engine needed)',
    run: async () => (await import('./checks/docker-cli.ts')).checkDockerCli(content),
  },
  {
    name: 'diagrams',
    about: 'every Mermaid diagram renders and has accTitle/accDescr',
    run: async () => (await import('./checks/diagrams.ts')).checkDiagrams(content),
  },
  {
    name: 'format',
    about: 'source files as Prettier writes them (npm run format fixes them)',
    run: async () => (await import('./checks/format.ts')).checkFormat({ root: ROOT }),
  },
  {
    name: 'lint',
    about: 'ESLint: TypeScript and .astro code, promises nobody awaits (npm run lint)',
    run: async () => (await import('./checks/lint.ts')).checkLint({ root: ROOT }),
  },
  {
    name: 'types',
    about: 'astro check: TypeScript and .astro files',
    run: async () => (await import('./checks/types.ts')).checkTypes({ root: ROOT }),
  },
  { name: 'build', about: 'astro build into dist/ (the old dist/ stays if it fails)', run: build },
  {
    name: 'links',
    about: 'every internal link and #anchor in dist/ resolves; external links listed',
    run: async () =>
      (await import('./checks/links.ts')).checkLinks({ distDir: DIST, contentDir: CONTENT_DIR }),
  },
  {
    name: 'html',
    about: "every page in dist/ passes html-validate's recommended rules",
    run: async () => (await import('./checks/html.ts')).checkHtml({ distDir: DIST }),
  },
];

async function build(): Promise<CheckResult> {
  const { buildSite, lessonErrorsIn } = await import('./build.ts');
  const result = await buildSite({ root: ROOT, outDir: DIST });
  if (result.ok)
    return { problems: [], notes: [], summary: `site in ${path.relative(process.cwd(), DIST) || 'dist'}/` };
  const lessonErrors = lessonErrorsIn(result.output);
  const tail = result.output.trim().split('\n').slice(-25).join('\n');
  const problems = lessonErrors.length
    ? lessonErrors.map((line) => {
        const [, file, at, rest] = /^(.+?):(\d+): (.*)$/.exec(line)!;
        return new LessonError(
          file!,
          Number(at),
          rest!.replace(/\.$/, ''),
          'The build stopped here; dist/ was left as it was',
        );
      })
    : [new LessonError('astro build', 1, `the build failed:\n${tail}`, 'dist/ was left as it was')];
  return { problems, notes: [], summary: '' };
}

function chosenSteps(argv: string[]): Step[] {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(
      'usage: npm run check [-- <check> … | --skip <check> …]\n       npm run check -- <lesson> … | --changed | --watch <lesson>   (lesson-level checks only, cached)\n',
    );
    for (const step of STEPS) console.log(`  ${step.name.padEnd(13)} ${step.about}`);
    process.exit(0);
  }
  const skip = argv.includes('--skip');
  const names = argv.filter((arg) => !arg.startsWith('--'));
  for (const name of names) {
    if (!STEPS.some((step) => step.name === name)) {
      console.error(`check: unknown check "${name}"; the checks are ${STEPS.map((s) => s.name).join(', ')}`);
      process.exit(2);
    }
  }
  if (!names.length) return STEPS;
  return STEPS.filter((step) => names.includes(step.name) !== skip);
}

// `npm run check -- <lesson> …`, `--changed`, `--watch <lesson>`: the lesson-level checks on those lessons.
const lessonExit = await lessonLoopCli(
  process.argv.slice(2),
  STEPS.map((step) => step.name),
);
if (lessonExit !== undefined) process.exit(lessonExit);

const steps = chosenSteps(process.argv.slice(2));
const started = performance.now();
let problems = 0;
let crashed = 0;
let lessonsUnreadable = false;
let buildFailed = false;
for (const step of steps) {
  // Astro reads the same lessons: it would stop on the schema's problems with a stack trace.
  const why =
    (step.name === 'types' || step.name === 'build' || step.name === 'links' || step.name === 'html') &&
    lessonsUnreadable
      ? 'fix the errors above first'
      : (step.name === 'links' || step.name === 'html') && buildFailed
        ? 'the build failed'
        : undefined;
  if (why) {
    console.log(`${paint('yellow', '–')} ${step.name.padEnd(13)} skipped: ${why}`);
    continue;
  }
  const stepStarted = performance.now();
  try {
    const result = await step.run();
    printResult(step.name, result, performance.now() - stepStarted);
    problems += result.problems.length;
    if (step.name === 'schema' && result.problems.length) lessonsUnreadable = true;
    if (step.name === 'build' && result.problems.length) buildFailed = true;
  } catch (error) {
    crashed += 1;
    console.log(
      `${paint('red', '✗')} ${step.name.padEnd(13)} could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems || crashed) {
  console.log(
    `\n${paint('red', `${problems} problem${problems === 1 ? '' : 's'}`)}${crashed ? `, ${crashed} check(s) could not run` : ''} (${seconds} s). Each line above says file:line: what is wrong. how to fix it.`,
  );
  process.exitCode = crashed ? 2 : 1;
} else {
  console.log(`\n${paint('green', 'All checks passed')} (${seconds} s).`);
}
