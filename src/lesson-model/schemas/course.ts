/** A course groups lessons; its titles live in content/courses.yaml, one entry per course. */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

const localized = z.strictObject({ en: z.string().min(3), ko: z.string().min(2) });

/** `redis:8`, `python:3.13-slim`: a pinned reference as lessons write it (the commands check pins lessons). */
const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Where to go after the course: a lesson of this site (by slug) or a page elsewhere. */
const nextStep = z.strictObject({
  title: localized,
  text: localized,
  lesson: z.string().regex(SLUG_PATTERN).optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});

export const courseSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN),
  order: z.int().min(1),
  title: localized,
  description: localized,
  /**
   * Images several lessons of the course pull. Lessons leave them on the reader's machine for the next
   * lesson, and the course's last lesson removes them (src/lesson-model/courseImages.ts has the rule,
   * the course-images check enforces it, the snippet suite lets them stay between lessons).
   */
  images: z.array(z.string().regex(IMAGE_REFERENCE, 'write an image as name:tag, like redis:8')).default([]),
  /** Shown at the end of the course's last lesson. */
  next: z
    .array(
      nextStep.refine((step) => (step.lesson === undefined) !== (step.url === undefined), {
        message: 'give a next step either lesson (a slug) or url (https://…), not both',
      }),
    )
    .default([]),
});

export type Course = z.infer<typeof courseSchema>;
export type NextStep = Course['next'][number];
