/**
 * npm run follow [-- <lesson>] [--lang ko|en] [--yes]
 * Follow a Dockside lesson step by step in your own terminal, against your own Docker.
 */
import { parseArgs } from 'node:util';
import { listLessonFiles, readLessonFile, type LessonFile } from '../lesson-model/readLessonFile.ts';
import { readCourses } from '../lesson-model/readCourses.ts';
import { LessonFollower } from './followLesson.ts';
import { chooseLocale, MESSAGES } from './messages.ts';
import { checkDocker, removeCommand } from './preflight.ts';
import { Terminal } from './terminal.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, yes: { type: 'boolean', short: 'y', default: false } },
});
const locale = chooseLocale(values.lang, process.env);
const say = MESSAGES[locale];
const terminal = new Terminal(process.stdin, process.stdout, { assumeYes: values.yes });

function fail(message: string): never {
  terminal.line(terminal.paint('red', message));
  terminal.stop();
  process.exit(1);
}

// Both courses, in course order, titles in the learner's language.
const courses = readCourses().toSorted((a, b) => a.order - b.order);
const lessons: LessonFile[] = listLessonFiles(locale)
  .map(readLessonFile)
  .toSorted(
    (a, b) =>
      courses.findIndex((c) => c.id === a.frontmatter.course) -
        courses.findIndex((c) => c.id === b.frontmatter.course) || a.frontmatter.order - b.frontmatter.order,
  );

terminal.line(terminal.paint('bold', say.title));
let lesson = positionals[0] ? lessons.find((l) => l.slug === positionals[0]) : undefined;
if (positionals[0] && !lesson) fail(say.unknownLesson(positionals[0], lessons.map((l) => l.slug).join(', ')));
if (!lesson) {
  if (!terminal.interactive) fail(say.unknownLesson('', lessons.map((l) => l.slug).join(', ')));
  for (const course of courses) {
    terminal.line();
    terminal.line(terminal.paint('cyan', course.title[locale]));
    for (const [index, entry] of lessons.entries()) {
      if (entry.frontmatter.course === course.id)
        terminal.line(
          `  ${String(index + 1).padStart(2)}. ${entry.frontmatter.title} ${terminal.paint('dim', `(${entry.slug})`)}`,
        );
    }
  }
  terminal.line();
  while (!lesson) {
    const answer = Number(await terminal.ask(say.pick));
    lesson = Number.isInteger(answer) ? lessons[answer - 1] : undefined;
    if (!lesson) terminal.line(say.pickAgain(lessons.length));
  }
}

terminal.line();
terminal.line(
  `${terminal.paint('bold', lesson.frontmatter.title)} ${terminal.paint('dim', `· ${lesson.slug}`)}`,
);
terminal.line(terminal.paint('cyan', say.preflight));
const docker = await checkDocker(say);
if (!docker.ok) fail(`✗ ${docker.problem}`);
terminal.line(`✓ ${docker.summary}`);

terminal.startKeys();
const follower = new LessonFollower({ lesson, terminal, say });
const { foreign, leftover } = await follower.collisions();
if (foreign.length) {
  for (const entry of foreign)
    terminal.line(terminal.paint('red', `✗ ${say.collision(entry.kind, entry.name)}`));
  await follower.close();
  fail(say.collisionHelp(foreign.map((entry) => `  ${removeCommand(entry).join(' ')}`).join('\n')));
}
if (leftover.length) {
  terminal.line(terminal.paint('yellow', say.leftover(leftover.map((entry) => entry.name).join(', '))));
  if (await terminal.confirm(say.removeLeftover, true, say)) await follower.removeNames(leftover);
}
follower.prepareFiles();
await follower.run();
terminal.stop();
