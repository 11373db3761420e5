/** A course groups lessons; its titles live in content/courses.yaml, one entry per course. */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

const localized = z.strictObject({ en: z.string().min(3), ko: z.string().min(2) });

export const courseSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN),
  order: z.int().min(1),
  title: localized,
  description: localized,
});

export type Course = z.infer<typeof courseSchema>;
