/**
 * Check "duplicates": every lesson has its own address and its own place.
 * - a lesson's file name is its slug, the last part of its address (/en/<slug>/), so it must be a
 *   valid slug, and two names that differ only in case would collide on case-insensitive disks;
 * - within a course and a language, no two lessons share an order (the outline would be random);
 * - in courses.yaml, no two courses share an id or an order.
 */
import path from 'node:path';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { frontmatterLine } from '../../src/lesson-model/frontmatter.ts';
import { listLessonFiles, relativeToRepo, type LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { LOCALES } from '../../src/lesson-model/schemas/lesson.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';
import { readCoursesFile } from '../../src/lesson-model/readCourses.ts';
import { SLUG_PATTERN, slugify } from '../../src/lesson-model/slug.ts';

export async function checkDuplicates({ contentDir }: ContentInput): Promise<CheckResult> {
  const problems: LessonError[] = [];

  // Slugs come from file names, so these apply to unreadable lessons too.
  for (const locale of LOCALES) {
    const seen = new Map<string, string>();
    for (const absolute of listLessonFiles(locale, contentDir)) {
      const slug = path.basename(absolute, '.mdx');
      const file = relativeToRepo(absolute);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push(
          new LessonError(
            file,
            1,
            `"${slug}" is not a valid slug: the file name becomes the page address /${locale}/${slug}/`,
            `Rename the file to ${slugify(slug)}.mdx (lower-case letters, digits and single hyphens), in both languages`,
          ),
        );
      }
      const folded = slug.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined)
        problems.push(
          new LessonError(
            file,
            1,
            `slug "${slug}" differs from ${other} only in case`,
            'Keep one of the two files: on macOS and Windows they are the same file',
          ),
        );
      else seen.set(folded, file);
    }
  }

  const set = readLessons(contentDir);
  problems.push(...duplicateOrders(set.lessons));

  const { courses, lines } = readCoursesFile(path.join(contentDir, 'courses.yaml'));
  const coursesFile = relativeToRepo(path.join(contentDir, 'courses.yaml'));
  const ids = new Map<string, number>();
  const orders = new Map<number, string>();
  courses.forEach((course, index) => {
    if (ids.has(course.id))
      problems.push(
        new LessonError(
          coursesFile,
          lines[index]!,
          `course id "${course.id}" appears twice (courses ${ids.get(course.id)! + 1} and ${index + 1})`,
          'Give every course its own id, or merge the two entries',
        ),
      );
    else ids.set(course.id, index);
    const other = orders.get(course.order);
    if (other !== undefined)
      problems.push(
        new LessonError(
          coursesFile,
          lines[index]!,
          `courses "${other}" and "${course.id}" both have order ${course.order}`,
          `Give each course its own order; the next free one is ${Math.max(...courses.map((c) => c.order)) + 1}`,
        ),
      );
    else orders.set(course.order, course.id);
  });

  return {
    problems,
    notes: unreadableNote(set),
    summary: `${set.lessons.length} lessons, ${courses.length} courses`,
  };
}

/** Two lessons of one course and language with the same order: the second (by path) is reported. */
export function duplicateOrders(lessons: LessonFile[]): LessonError[] {
  const problems: LessonError[] = [];
  const taken = new Map<string, LessonFile>();
  for (const lesson of lessons) {
    const key = `${lesson.locale} ${lesson.frontmatter.course} ${lesson.frontmatter.order}`;
    const first = taken.get(key);
    if (!first) {
      taken.set(key, lesson);
      continue;
    }
    const used = lessons
      .filter((l) => l.locale === lesson.locale && l.frontmatter.course === lesson.frontmatter.course)
      .map((l) => l.frontmatter.order);
    problems.push(
      new LessonError(
        lesson.file,
        frontmatterLine(lesson.tree, ['order']),
        `order ${lesson.frontmatter.order} is already taken in course ${lesson.frontmatter.course} by ${first.file}`,
        `Give each lesson of a course its own order (the next free one is ${Math.max(...used) + 1}), and the same order in both languages`,
      ),
    );
  }
  return problems;
}

if (isMain(import.meta))
  await runAlone('duplicates', () => checkDuplicates({ contentDir: contentDirFromArgs() }));
