/** A course groups lessons; its titles live in content/courses.yaml, one entry per course. */
import { z } from 'astro/zod';

const localized = z.strictObject({ en: z.string().min(3), ko: z.string().min(2) });

export const courseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  order: z.int().min(1),
  title: localized,
  description: localized,
});

export type Course = z.infer<typeof courseSchema>;
