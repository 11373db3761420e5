/**
 * Reads content/courses.yaml outside Astro, with the same schema as the site's collection: entry by
 * entry, so the schema check can say which line of which course is wrong; readCourses() for the runners
 * and scripts, which need the valid list or a clear error.
 */
import path from 'node:path';
import type { LessonError } from './errors.ts';
import { CONTENT_DIR } from './readLessonFile.ts';
import { readYamlList } from './readYamlList.ts';
import { courseSchema, type Course } from './schemas/course.ts';

export const COURSES_FILE = path.join(CONTENT_DIR, 'courses.yaml');

/** courses.yaml, validated entry by entry so each problem has its line. */
export function readCoursesFile(absolute: string): {
  courses: Course[];
  lines: number[];
  problems: LessonError[];
} {
  const { entries, lines, problems } = readYamlList(absolute, courseSchema, {
    what: 'the course list',
    create: 'Create it: a YAML list of courses with id, order, title and description in en and ko',
    itemHint: 'Write each course as a list item starting with "- id: …"',
    entryFix:
      'Each course needs id (lower-case-with-hyphens), order (1, 2, …), and title and description in en and ko',
    entry: 'course',
  });
  return { courses: entries, lines, problems };
}

/** The courses of content/courses.yaml (or another content tree's), in course order; throws the first problem. */
export function readCourses(file: string = COURSES_FILE): Course[] {
  const { courses, problems } = readCoursesFile(file);
  if (problems[0]) throw problems[0];
  return courses.toSorted((a, b) => a.order - b.order);
}
