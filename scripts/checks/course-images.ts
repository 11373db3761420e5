/**
 * Check "course-images": the images a course reuses (`images:` in content/courses.yaml) are pulled
 * once per course. A lesson's cleanup leaves them for the next lesson; the course's last lesson
 * removes them all with `docker image rm -f` (the rule and its reasons: src/lesson-model/courseImages.ts).
 */
import path from 'node:path';
import { lastLessonOf } from '../../src/lesson-model/courseOrder.ts';
import { courseImageProblems } from '../../src/lesson-model/courseImages.ts';
import type { LessonError } from '../../src/lesson-model/errors.ts';
import { readCoursesFile } from '../../src/lesson-model/readCourses.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

export async function checkCourseImages({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  // Which lesson is a course's last depends on every lesson of the course, not only those checked.
  const everything = readLessons(contentDir);
  const checked = lessons ? readLessons(contentDir, lessons) : everything;
  const { courses } = readCoursesFile(path.join(contentDir, 'courses.yaml'));
  const problems: LessonError[] = [];
  for (const lesson of checked.lessons) {
    const course = courses.find((entry) => entry.id === lesson.frontmatter.course);
    if (!course) continue; // the schema check names an unknown course
    const sameLocale = everything.lessons.filter((other) => other.locale === lesson.locale);
    problems.push(...courseImageProblems(lesson, course, lastLessonOf(course.id, sameLocale)));
  }
  const images = courses.reduce((sum, course) => sum + course.images.length, 0);
  return {
    problems,
    notes: unreadableNote(checked),
    summary: `${images} course images, ${checked.lessons.length} lessons`,
  };
}

if (isMain(import.meta))
  await runAlone('course-images', () => checkCourseImages({ contentDir: contentDirFromArgs() }));
