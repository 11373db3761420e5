/** Reads content/courses.yaml outside Astro, with the same schema as the site's collection. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './readLessonFile.ts';
import { courseSchema, type Course } from './schemas/course.ts';

export const COURSES_FILE = path.join(CONTENT_DIR, 'courses.yaml');

export function readCourses(): Course[] {
  return z.array(courseSchema).parse(parse(readFileSync(COURSES_FILE, 'utf8')));
}
