/**
 * npm run new:lesson -- <slug> --course <course> [--after <slug>]
 * Creates content/lessons/{en,ko}/<slug>.mdx from scripts/templates/, placed last in the course or
 * right after the lesson --after names (the lessons that follow it move down one `order`, in both
 * languages), plus the example file the template shows. Refuses to overwrite anything.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FILES_DIR } from '../src/lesson-model/shownFiles.ts';
import { readCourses } from '../src/lesson-model/readCourses.ts';
import {
  LESSONS_DIR,
  listLessonFiles,
  readLessonFile,
  relativeToRepo,
  type LessonFile,
} from '../src/lesson-model/readLessonFile.ts';
import { LOCALES } from '../src/lesson-model/schemas/lesson.ts';
import { SLUG_PATTERN } from '../src/lesson-model/slug.ts';
import { removedImages } from '../src/lesson-model/shell/dockerEffects.ts';

function fail(message: string): never {
  console.error(`new:lesson: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { course: { type: 'string' }, after: { type: 'string' } },
});
const courses = readCourses();
const usage = `Usage: npm run new:lesson -- <slug> --course <${courses.map((c) => c.id).join('|')}> [--after <slug>]`;
const [slug] = positionals;
if (!slug || positionals.length > 1) fail(`give one lesson slug. ${usage}`);
if (!SLUG_PATTERN.test(slug))
  fail(`"${slug}" is not a slug: use lowercase letters, digits and single hyphens, like volumes-and-mounts.`);
const course = courses.find((c) => c.id === values.course);
if (!course) fail(`${values.course ? `unknown course "${values.course}"` : 'say which course'}. ${usage}`);

const targets = LOCALES.map((locale) => path.join(LESSONS_DIR, locale, `${slug}.mdx`));
for (const target of targets)
  if (existsSync(target)) fail(`${relativeToRepo(target)} already exists; pick another slug.`);

// Every lesson of the course, both languages: to place the new one and to renumber those after it.
const inCourse = listLessonFiles()
  .map((file) => {
    try {
      return { file, lesson: readLessonFile(file) };
    } catch (error) {
      fail(
        `${relativeToRepo(file)} does not read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); fix it first, npm run check:schema says how.`,
      );
    }
  })
  .filter(({ lesson }) => lesson.frontmatter.course === course.id);
const english = inCourse.filter(({ lesson }) => lesson.locale === 'en');
let order: number;
if (values.after === undefined) {
  // Last in its course: one more than the highest order any lesson of the course has.
  order = Math.max(0, ...english.map(({ lesson }) => lesson.frontmatter.order)) + 1;
} else {
  const after = english.find(({ lesson }) => lesson.slug === values.after);
  if (!after)
    fail(
      `--after ${values.after}: there is no lesson "${values.after}" in ${course.id}; its lessons in order are ${english
        .sort((a, b) => a.lesson.frontmatter.order - b.lesson.frontmatter.order)
        .map(({ lesson }) => lesson.slug)
        .join(', ')}.`,
    );
  order = after.lesson.frontmatter.order + 1;
  // Make room: every lesson of the course from that order on moves down one, in both languages.
  const moved = inCourse.filter(({ lesson }) => lesson.frontmatter.order >= order);
  for (const { file, lesson } of moved) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    const head = text.slice(0, end);
    const line = /^order:[ \t]*\d+[ \t]*$/m;
    if (end === -1 || !line.test(head))
      fail(`${relativeToRepo(file)}: no "order: <number>" line in its front matter to renumber.`);
    writeFileSync(file, head.replace(line, `order: ${lesson.frontmatter.order + 1}`) + text.slice(end));
  }
  if (moved.length)
    console.log(
      `Moved ${[...new Set(moved.map(({ lesson }) => lesson.slug))].join(', ')} down one place (order + 1, both languages).`,
    );
}
const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

// The cleanup follows the course-images rule (src/lesson-model/courseImages.ts): images the course
// reuses stay, except in its last lesson, which removes them all. A new last lesson takes that job
// over from the lesson that had it.
const TEMPLATE_IMAGES = ['busybox:1.37']; // what scripts/templates/lesson.*.mdx pulls
const isLast = !inCourse.some(({ lesson }) => lesson.frontmatter.order >= order);
const shared = new Set(course.images);
const cleanup = ['$ rm -f hello.txt'];
if (isLast && course.images.length) {
  const images = [...new Set([...course.images, ...TEMPLATE_IMAGES])];
  cleanup.push(`$ docker image rm -f ${images.join(' ')}`, '{{...}}');
} else {
  const own = TEMPLATE_IMAGES.filter((image) => !shared.has(image));
  if (own.length) cleanup.push(`$ docker image rm ${own.join(' ')}`, '{{...}}');
}
const handedOver: string[] = [];
if (isLast && course.images.length) {
  const lastOrder = Math.max(0, ...inCourse.map(({ lesson }) => lesson.frontmatter.order));
  for (const { file, lesson } of inCourse.filter(({ lesson }) => lesson.frontmatter.order === lastOrder)) {
    const text = readFileSync(file, 'utf8');
    const changed = withoutCourseImageRemoval(lesson, text, shared);
    if (changed !== text) {
      writeFileSync(file, changed);
      handedOver.push(relativeToRepo(file));
    }
  }
}

/**
 * The lesson's text with the course's images taken out of its cleanup blocks' image removals (found
 * by removedImages, the lesson model's reading of `docker image rm`); a command left with no image
 * goes, with the output lines the lesson shows under it.
 */
function withoutCourseImageRemoval(lesson: LessonFile, text: string, images: Set<string>): string {
  const lines = text.split('\n');
  const dropped = new Set<number>(); // 0-based line indexes
  for (const { block } of lesson.blocks) {
    if (!block.cleanup) continue;
    for (const command of block.commands) {
      const names = removedImages(command.text).flatMap((removal) => removal.images);
      if (!names.some((image) => images.has(image)) || command.lines.length !== 1) continue;
      const at = command.line - 1;
      const [prompt, ...words] = lines[at]!.split(/\s+/);
      const kept = words.filter((word) => !images.has(word));
      if (names.some((image) => !images.has(image))) {
        lines[at] = [prompt, ...kept].join(' ');
        continue;
      }
      dropped.add(at);
      for (const output of command.output) dropped.add(output.line - 1);
    }
  }
  return lines.filter((_, index) => !dropped.has(index)).join('\n');
}

const templates = path.resolve(import.meta.dirname, 'templates');
for (const [index, locale] of LOCALES.entries()) {
  const text = readFileSync(path.join(templates, `lesson.${locale}.mdx`), 'utf8')
    .replaceAll('__TITLE__', title)
    .replaceAll('__SLUG__', slug)
    .replaceAll('__COURSE__', course.id)
    .replaceAll('__ORDER__', String(order))
    .replaceAll('__CLEANUP__', cleanup.join('\n'));
  writeFileSync(targets[index]!, text);
}
const exampleFile = path.join(FILES_DIR, slug, 'hello.txt');
mkdirSync(path.dirname(exampleFile), { recursive: true });
if (!existsSync(exampleFile)) writeFileSync(exampleFile, 'Hello from a file\n');

console.log(`Created lesson ${order} of "${course.title.en}":`);
for (const target of [...targets, exampleFile]) console.log(`  ${relativeToRepo(target)}`);
if (handedOver.length)
  console.log(
    `\nIt is now the course's last lesson, so its cleanup removes the course's images (${course.images.join(', ')}); took them out of the cleanup of ${handedOver.join(' and ')}. Update that lesson's text, and run its snippets again.`,
  );
console.log(`
Next:
  1. Write the English lesson, then the Korean one with the same commands and diagrams.
  2. npm start                               # see it at http://localhost:4321/en/${slug}/
  3. npm run check                           # schema, translations, links, command lint
  4. npm run test:snippets -- ${slug}        # run its commands against Docker
See CONTRIBUTING.md.`);
