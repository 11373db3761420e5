/** A glossary entry: one term in both languages; content/glossary.yaml holds the list. */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

const side = z.strictObject({
  term: z.string().min(1),
  definition: z.string().min(10),
});

export const glossaryEntrySchema = z.strictObject({
  /** The anchor on the glossary pages (#bind-mount). */
  id: z.string().regex(SLUG_PATTERN),
  en: side,
  ko: side.extend({
    /** Korean spellings of the term that lessons must not use; the check names ko.term instead. */
    rejected: z.array(z.string().min(1)),
  }),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
