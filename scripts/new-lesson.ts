/**
 * npm run new:lesson -- <slug> --course <course>
 * Creates content/lessons/{en,ko}/<slug>.mdx from scripts/templates/, placed last in the course,
 * plus the example file the template shows. Refuses to overwrite anything.
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
} from '../src/lesson-model/readLessonFile.ts';
import { LOCALES } from '../src/lesson-model/schemas/lesson.ts';
import { SLUG_PATTERN } from '../src/lesson-model/slug.ts';

function fail(message: string): never {
  console.error(`new:lesson: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { course: { type: 'string' } },
});
const courses = readCourses();
const usage = `Usage: npm run new:lesson -- <slug> --course <${courses.map((c) => c.id).join('|')}>`;
const [slug] = positionals;
if (!slug || positionals.length > 1) fail(`give one lesson slug. ${usage}`);
if (!SLUG_PATTERN.test(slug))
  fail(`"${slug}" is not a slug: use lowercase letters, digits and single hyphens, like volumes-and-mounts.`);
const course = courses.find((c) => c.id === values.course);
if (!course) fail(`${values.course ? `unknown course "${values.course}"` : 'say which course'}. ${usage}`);

const targets = LOCALES.map((locale) => path.join(LESSONS_DIR, locale, `${slug}.mdx`));
for (const target of targets)
  if (existsSync(target)) fail(`${relativeToRepo(target)} already exists; pick another slug.`);

// Last in its course: one more than the highest order any lesson of the course has.
const orders = listLessonFiles('en')
  .map(readLessonFile)
  .filter((l) => l.frontmatter.course === course.id)
  .map((l) => l.frontmatter.order);
const order = Math.max(0, ...orders) + 1;
const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

const templates = path.resolve(import.meta.dirname, 'templates');
for (const [index, locale] of LOCALES.entries()) {
  const text = readFileSync(path.join(templates, `lesson.${locale}.mdx`), 'utf8')
    .replaceAll('__TITLE__', title)
    .replaceAll('__SLUG__', slug)
    .replaceAll('__COURSE__', course.id)
    .replaceAll('__ORDER__', String(order));
  writeFileSync(targets[index]!, text);
}
const exampleFile = path.join(FILES_DIR, slug, 'hello.txt');
mkdirSync(path.dirname(exampleFile), { recursive: true });
if (!existsSync(exampleFile)) writeFileSync(exampleFile, 'Hello from a file\n');

console.log(`Created lesson ${order} of "${course.title.en}":`);
for (const target of [...targets, exampleFile]) console.log(`  ${relativeToRepo(target)}`);
console.log(`
Next:
  1. Write the English lesson, then the Korean one with the same commands and diagrams.
  2. npm start                               # see it at http://localhost:4321/en/${slug}/
  3. npm run check                           # schema, translations, links, command lint
  4. npm run test:snippets -- ${slug}        # run its commands against Docker
See CONTRIBUTING.md.`);
