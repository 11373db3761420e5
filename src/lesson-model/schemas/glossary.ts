/** A glossary entry: one term in both languages; content/glossary.yaml holds the list. */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

/**
 * Other ways a lesson writes the term (plurals, a short form): the first use of any of them links to
 * the entry (findFirstUses in src/lesson-model/glossary.ts). The term itself always counts; forms add to it.
 */
const forms = z
  .array(
    z
      .string({ error: 'each form is a string, e.g. forms: [containers]' })
      .trim()
      .min(1, 'a form is empty; write the word as lessons write it, e.g. containers')
      .refine((form) => !/[`*_[\]<>]/.test(form), {
        message:
          'a form is plain text as it reads in a sentence, without Markdown or HTML (`, *, _, [ ], < >)',
      }),
    { error: 'forms is a YAML list of words, e.g. forms: [containers]' },
  )
  .optional();

/**
 * Phrases in which a form means something else ("hash tag" in Redis is not an image tag): they are
 * read as one word that links nowhere, so the term is not linked inside them.
 */
const notTerm = z
  .array(
    z
      .string({ error: 'each phrase is a string, e.g. notTerm: [hash tag]' })
      .trim()
      .min(1, 'a phrase is empty; write the words in which the term means something else'),
    { error: 'notTerm is a YAML list of phrases, e.g. notTerm: [hash tag]' },
  )
  .optional();

const side = z.strictObject({
  term: z.string().min(1),
  definition: z.string().min(10),
  forms,
  notTerm,
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
