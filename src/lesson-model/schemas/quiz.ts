/**
 * A lesson's self-check questions: the YAML inside its ```quiz fence (docs/practice.md).
 * Three to five questions; each has two to five options, exactly one of them `correct: true`, and a
 * `why` for every option. `question`, `answer` and `why` are one line of Markdown each.
 * The reader (src/lesson-model/quiz.ts) checks the list item by item against these schemas, so each
 * message names the line of the offending item; "exactly one correct" is a rule across options, so
 * the reader checks it itself.
 */
import { z } from 'astro/zod';

export const QUIZ_QUESTIONS = { min: 3, max: 5 } as const;
export const QUIZ_OPTIONS = { min: 2, max: 5 } as const;

const oneLine = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^\n]*$/, 'one line');

export const quizOptionSchema = z.strictObject({
  answer: oneLine,
  correct: z.literal(true).optional(),
  why: oneLine,
});

export const quizQuestionSchema = z.strictObject({
  question: oneLine,
  options: z.array(z.unknown()).min(QUIZ_OPTIONS.min).max(QUIZ_OPTIONS.max),
});

export type QuizOptionData = z.infer<typeof quizOptionSchema>;
