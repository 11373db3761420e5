/**
 * Front matter of a lesson. One schema, used by the site's content collection and by
 * readLessonFile (snippet suite, follow-along runner, checks), so all agree on what a lesson is.
 * When and on which engine a lesson was verified is not front matter: only a passing run of the
 * snippet suite says so, in content/verified/<slug>.json (src/lesson-model/verification.ts).
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
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
