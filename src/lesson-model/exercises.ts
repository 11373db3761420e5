/**
 * Exercises ("Your turn", docs/practice.md): an <Exercise title="…"> element holding the task in words,
 * optional <Hint>s, a solution block (```console exercise=solution) and a check block
 * (```console exercise=check). The site's remark plugin, the snippet suite and the follow-along runner
 * all read exercises through `collectExercises`, so what a page shows, what CI proves and what a learner
 * is checked against are the same blocks.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { COMMAND_BLOCK_LANG } from './command-block/parseCommandBlock.ts';
import type { ExerciseRole } from './command-block/types.ts';
import { LessonError } from './errors.ts';
import type { LessonBlock } from './lessonBlocks.ts';

export const EXERCISE_ELEMENT = 'Exercise';
export const HINT_ELEMENT = 'Hint';

export interface Exercise {
  title: string;
  /** File line of the <Exercise> tag. */
  line: number;
  /** The task as plain text, one paragraph or list item per line, for the terminal. */
  task: string[];
  /** Each hint as plain text. */
  hints: string[];
  /** The reference solution: the bash block first, then a PowerShell tab if the lesson has one. */
  solution: LessonBlock[];
  /** The check: the bash block first, then a PowerShell tab if the lesson has one. */
  check: LessonBlock[];
  node: MdxJsxFlowElement;
}

const isElement = (node: Nodes, name: string): node is MdxJsxFlowElement =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;

const lineOf = (node: Nodes) => node.position?.start.line ?? 1;

const plain = (node: Nodes) => toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();

function titleOf(element: MdxJsxFlowElement, file: string): string {
  const attribute = element.attributes.find(
    (attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'title',
  );
  const value = attribute?.value;
  if (typeof value !== 'string' || !value.trim()) {
    throw new LessonError(
      file,
      lineOf(element),
      '<Exercise> has no title',
      'Name the task in a few words: <Exercise title="Serve nginx on a second port">.',
    );
  }
  return value.trim();
}

/** The runners take an exercise's first block, so the bash block goes first and a PowerShell tab after it. */
const bashFirst = (found: LessonBlock[]) =>
  found.toSorted((a, b) => Number(b.block.shell === 'bash') - Number(a.block.shell === 'bash'));

/** The task's text: paragraphs and list items of the element, in order (hints and blocks are not part of it). */
function taskOf(children: RootContent[]): string[] {
  const lines: string[] = [];
  for (const child of children) {
    // A one-line <Hint>…</Hint> is a paragraph of its own in MDX: its text is a hint, not the task.
    if (child.type === 'paragraph')
      lines.push(
        child.children
          .filter((part) => !isElement(part, HINT_ELEMENT))
          .map((part) => toString(part, { includeImageAlt: false }))
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    if (child.type === 'list') for (const item of child.children) lines.push(`- ${plain(item)}`);
  }
  return lines.filter(Boolean);
}

/**
 * Finds the lesson's exercises and checks their shape; `blocks` are the lesson's command blocks
 * (collectCommandBlocks), so each exercise points at the same parsed blocks the runners use.
 */
export function collectExercises(tree: Root, file: string, blocks: LessonBlock[]): Exercise[] {
  const exercises: Exercise[] = [];
  const inExercise = new Set<LessonBlock>();
  const hintsInside = new Set<Nodes>();
  const blockOf = new Map(blocks.map((found) => [found.node, found]));

  visit(tree, (node) => {
    if (!isElement(node, EXERCISE_ELEMENT)) return;
    const title = titleOf(node, file);
    const roles: Record<ExerciseRole, LessonBlock[]> = { solution: [], check: [] };
    const hints: string[] = [];
    visit(node, (inner) => {
      if (inner !== node && isElement(inner, EXERCISE_ELEMENT)) {
        throw new LessonError(
          file,
          lineOf(inner),
          'an <Exercise> inside another <Exercise>',
          `Close the exercise that starts at line ${lineOf(node)} first.`,
        );
      }
      if (isElement(inner, HINT_ELEMENT)) {
        hintsInside.add(inner);
        hints.push(plain(inner));
      }
      if (inner.type !== 'code' || inner.lang !== COMMAND_BLOCK_LANG) return;
      const found = blockOf.get(inner);
      if (!found) return;
      inExercise.add(found);
      const role = found.block.exercise;
      if (!role) {
        throw new LessonError(
          file,
          found.block.line,
          'a command block inside <Exercise> has no role',
          'Add exercise=solution to the reference solution or exercise=check to the block that checks the task.',
        );
      }
      roles[role].push(found);
    });

    for (const role of ['solution', 'check'] as const) {
      const found = roles[role];
      const bash = found.filter(({ block }) => block.shell === 'bash');
      if (bash.length !== 1) {
        throw new LessonError(
          file,
          bash[1]?.block.line ?? lineOf(node),
          bash.length
            ? `the exercise "${title}" has ${bash.length} bash ${role} blocks`
            : `the exercise "${title}" has no bash ${role} block`,
          role === 'solution'
            ? 'Give it exactly one ```console exercise=solution block: the commands that do the task.'
            : 'Give it exactly one ```console exercise=check block: commands whose output proves the task was done.',
        );
      }
      if (found.length - bash.length > 1) {
        throw new LessonError(
          file,
          found.at(-1)!.block.line,
          `the exercise "${title}" has more than one PowerShell ${role} block`,
          'Keep one block per shell.',
        );
      }
      const [only] = bash;
      if (only?.block.norun !== undefined) {
        throw new LessonError(
          file,
          only.block.line,
          `the ${role} of the exercise "${title}" is marked norun`,
          'The snippet suite proves every exercise: write a solution and a check that run on Linux.',
        );
      }
      if (role === 'check' && only && only.block.exit !== 0) {
        throw new LessonError(
          file,
          only.block.line,
          `the check of the exercise "${title}" expects exit=${only.block.exit}`,
          'A check passes when every command succeeds and prints what is shown: remove exit=….',
        );
      }
    }
    const solution = bashFirst(roles.solution);
    const check = bashFirst(roles.check);
    if (check[0]!.block.line < solution[0]!.block.line) {
      throw new LessonError(
        file,
        check[0]!.block.line,
        `in the exercise "${title}" the check comes before the solution`,
        'Put the exercise=solution block first, then the exercise=check block.',
      );
    }
    const task = taskOf(node.children as RootContent[]);
    if (!task.length) {
      throw new LessonError(
        file,
        lineOf(node),
        `the exercise "${title}" has no task`,
        'Say in a paragraph what the learner should do, after a blank line below the <Exercise> tag.',
      );
    }
    exercises.push({ title, line: lineOf(node), task, hints, solution, check, node });
  });

  for (const found of blocks) {
    if (found.block.exercise && !inExercise.has(found)) {
      throw new LessonError(
        file,
        found.block.line,
        `an exercise=${found.block.exercise} block outside an <Exercise>`,
        'Put it inside <Exercise title="…"> … </Exercise>, or remove the exercise option.',
      );
    }
  }
  let hintOutside: number | undefined;
  visit(tree, (node) => {
    if (hintOutside === undefined && isElement(node, HINT_ELEMENT) && !hintsInside.has(node))
      hintOutside = lineOf(node);
  });
  if (hintOutside !== undefined) {
    throw new LessonError(
      file,
      hintOutside,
      'a <Hint> outside an <Exercise>',
      'Put hints inside the exercise they help with, after its task.',
    );
  }
  const cleanup = blocks.find(({ block }) => block.cleanup && block.shell === 'bash');
  const late = cleanup && exercises.find((exercise) => exercise.line > cleanup.block.line);
  if (late) {
    throw new LessonError(
      file,
      late.line,
      `the exercise "${late.title}" comes after the lesson's cleanup block (line ${cleanup.block.line})`,
      'Put "Your turn" before the cleanup section, so the cleanup removes what the exercises create.',
    );
  }
  return exercises;
}

/** The exercise a block belongs to, and its role there. */
export function exerciseOf(
  exercises: readonly Exercise[],
  found: LessonBlock,
): { exercise: Exercise; role: ExerciseRole } | undefined {
  for (const exercise of exercises) {
    if (exercise.solution.includes(found)) return { exercise, role: 'solution' };
    if (exercise.check.includes(found)) return { exercise, role: 'check' };
  }
  return undefined;
}
