/**
 * Where the follow-along runner gets its lessons. Two sources give the same shape:
 * - a clone's content/ tree, read by the lesson model on every start (`npm run follow`,
 *   contentLessons.ts);
 * - the data compiled into the `dockside` package when it is built (lessonData.ts,
 *   scripts/build-cli.ts), so a learner needs neither the repository nor its dependencies.
 * A lesson here is what running it needs and nothing else (no Markdown tree): its steps with their
 * heading and "why", and the files it shows. A LessonFile of the lesson model is one.
 */
import type { CommandBlock } from '../lesson-model/command-block/types.ts';
import type { Locale } from '../i18n/locales.ts';

export interface FollowStep {
  block: CommandBlock;
  /** The nearest heading above the block. */
  heading: string;
  /** The first sentence of the paragraph above the block: why the step exists. */
  lead: string;
}

/**
 * An exercise (docs/practice.md), as the runner needs it: the task to show, hints and the solution on
 * request, and the check it runs against the learner's engine. Its blocks are also in `blocks`.
 */
export interface FollowExercise {
  title: string;
  task: readonly string[];
  hints: readonly string[];
  /** The bash block first (src/lesson-model/exercises.ts). */
  solution: readonly { block: CommandBlock }[];
  check: readonly { block: CommandBlock }[];
}

export interface FollowLesson {
  slug: string;
  locale: Locale;
  frontmatter: { title: string; course: string; order: number };
  /** Every command block of the lesson, in page order, both shells. */
  blocks: readonly FollowStep[];
  exercises: readonly FollowExercise[];
  /** Files the lesson shows; the runner writes them into the working directory first. */
  files: readonly { name: string; content: string }[];
}

export interface FollowCourse {
  id: string;
  order: number;
  title: Record<Locale, string>;
}

export interface LessonSource {
  /** The courses, in course order. */
  readonly courses: readonly FollowCourse[];
  /** A locale's lessons: course by course in course order, then by their order in the course. */
  lessons(locale: Locale): FollowLesson[];
  /** Which lessons these are, for `--version`: a clone's content/ or the package's build. */
  readonly version: string;
}

export { inCourseOrder } from '../lesson-model/courseOrder.ts';
