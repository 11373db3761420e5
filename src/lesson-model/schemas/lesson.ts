/**
 * Front matter of a lesson. One schema, used by the site's content collection and by
 * readLessonFile (snippet suite, follow-along runner, checks), so all agree on what a lesson is.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

// The language list has its own home (src/i18n/locales.ts); lessons are written in each of them.
export { LOCALES, type Locale } from '../../i18n/locales.ts';

export const lessonSchema = z.strictObject({
  title: z.string().min(3).max(80),
  /** One line, shown on the home page and in the page's meta description. */
  description: z.string().min(10).max(200),
  /** The course's id in content/courses.yaml. */
  course: z.string().regex(SLUG_PATTERN),
  /** Position in the course, from 1. */
  order: z.int().min(1).max(99),
  objectives: z.array(z.string().min(3)).min(2).max(8),
  /** When and against which Docker Engine someone last ran every step. */
  verified: z.strictObject({
    // Astro's YAML loader turns 2026-11-25 into a Date; the plain YAML reader keeps the string.
    date: z.preprocess(
      (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
      z.iso.date(),
    ),
    docker: z.string().regex(/^\d+\.\d+(?:\.\d+)?$/),
  }),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
