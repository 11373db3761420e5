/**
 * A lesson's self-check questions: one ```quiz fence holding a YAML list (docs/practice.md). The one
 * place that reads it: readLessonFile gives it to the checks (schema: its problems; translations: the
 * shape of both languages' quizzes), and the site's remark plugin (src/markdown/remarkQuiz.ts) renders
 * what it returns. Every problem is a LessonError at the line of the offending item in the lesson file.
 */
import type { Code, Parent, Root } from 'mdast';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { visit } from 'unist-util-visit';
import { LessonError } from './errors.ts';
import { QUIZ_OPTIONS, QUIZ_QUESTIONS, quizOptionSchema, quizQuestionSchema } from './schemas/quiz.ts';
import { YAML_FIX, yamlProblem } from './yamlErrors.ts';

export const QUIZ_LANG = 'quiz';

export interface QuizOption {
  /** One line of Markdown. */
  answer: string;
  correct: boolean;
  /** One line of Markdown: why this answer is right or wrong. */
  why: string;
  /** Line of the option's item in the lesson file. */
  line: number;
}

export interface QuizQuestion {
  /** One line of Markdown. */
  question: string;
  options: QuizOption[];
  line: number;
}

export interface LessonQuiz {
  /** Line of the opening ```quiz fence. */
  line: number;
  questions: QuizQuestion[];
  /** The fence node, for the renderer to replace. */
  node: Code;
  parent: Parent;
}

export interface QuizReading {
  /** The lesson's quiz when it has one and it has no problem. */
  quiz: LessonQuiz | undefined;
  problems: LessonError[];
}

const FORMAT = 'docs/practice.md shows a whole quiz';

/** What each field takes, in the words a message uses. */
const EXPECTED: Record<string, string> = {
  question: 'the question, one line of Markdown',
  options: `a list of ${QUIZ_OPTIONS.min} to ${QUIZ_OPTIONS.max} options, each "- answer: …" with its "why: …"`,
  answer: 'the answer, one line of Markdown',
  why: 'one line of Markdown that says why this answer is right or wrong',
  correct: 'true on the one right answer (leave the field out on the others)',
};

/** Fields the author meant to write (or wrote in another language's words). */
const ADD: Record<string, string> = {
  question: 'Add "question: …" as the first line of the item',
  options: 'Add "options:" with one "- answer: …" item per option under it',
  answer: 'Add "answer: …" as the option\'s first line',
  why: 'Add "why: …" under the answer: why it is right, or why it is wrong',
};

export function isQuizFence(node: Code): boolean {
  return node.lang === QUIZ_LANG;
}

/** The lesson's ```quiz fences, in page order (a lesson may have at most one). */
export function quizFences(tree: Root): { node: Code; parent: Parent }[] {
  const found: { node: Code; parent: Parent }[] = [];
  visit(tree, 'code', (node, _index, parent) => {
    if (isQuizFence(node) && parent) found.push({ node, parent });
  });
  return found;
}

function describe(node: YamlNode | undefined): string {
  if (node === undefined) return 'nothing';
  if (isScalar(node)) return JSON.stringify(node.value);
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return `a list of ${node.items.length} item${node.items.length === 1 ? '' : 's'}`;
  return 'something else';
}

/** Reads a lesson's quiz; `file` is the path used in messages. */
export function readQuiz(tree: Root, file: string): QuizReading {
  const fences = quizFences(tree);
  const first = fences[0];
  if (!first) return { quiz: undefined, problems: [] };
  const fenceLine = first.node.position?.start.line ?? 1;
  const problems: LessonError[] = fences
    .slice(1)
    .map(
      ({ node }) =>
        new LessonError(
          file,
          node.position?.start.line ?? 1,
          `a second \`\`\`quiz fence: a lesson has one quiz (the first starts at line ${fenceLine})`,
          `Move these questions into the quiz at line ${fenceLine} and delete this fence`,
        ),
    );

  const lineCounter = new LineCounter();
  const doc = parseDocument(first.node.value, { lineCounter });
  // The YAML starts on the line after the fence; linePos counts from 1.
  const lineOf = (node: YamlNode | undefined | null, fallback = fenceLine) =>
    node?.range ? fenceLine + lineCounter.linePos(node.range[0]).line : fallback;
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    problems.push(
      new LessonError(
        file,
        fenceLine + lineCounter.linePos(error.pos[0]).line,
        `the quiz is ${yamlProblem(error)}`,
        `${YAML_FIX}; ${FORMAT}`,
      ),
    );
    return { quiz: undefined, problems };
  }
  const list = doc.contents;
  if (!isSeq(list)) {
    problems.push(
      new LessonError(
        file,
        lineOf(list as YamlNode | null),
        'the quiz is not a YAML list of questions',
        `Write each question as a list item starting with "- question: …"; ${FORMAT}`,
      ),
    );
    return { quiz: undefined, problems };
  }
  const count = list.items.length;
  if (count < QUIZ_QUESTIONS.min || count > QUIZ_QUESTIONS.max) {
    problems.push(
      new LessonError(
        file,
        count > QUIZ_QUESTIONS.max ? lineOf(list.items[QUIZ_QUESTIONS.max] as YamlNode) : fenceLine,
        `the quiz has ${count} question${count === 1 ? '' : 's'}, expected ${QUIZ_QUESTIONS.min} to ${QUIZ_QUESTIONS.max}`,
        count > QUIZ_QUESTIONS.max
          ? `Keep the ${QUIZ_QUESTIONS.max} questions that matter most and delete the others`
          : `Add questions until there are at least ${QUIZ_QUESTIONS.min}`,
      ),
    );
  }

  const values = doc.toJS() as unknown[];
  const questions: QuizQuestion[] = [];
  list.items.forEach((item, q) => {
    const itemNode = item as YamlNode;
    const where = `question ${q + 1}`;
    const fieldProblem = (path: (string | number)[], label: string, issueMessage: string, code: string) => {
      const node = doc.getIn([q, ...path], true) as YamlNode | undefined;
      const field = String(path.at(-1) ?? '');
      const expected = EXPECTED[field] ?? issueMessage;
      const missing = node === undefined && code === 'invalid_type';
      return new LessonError(
        file,
        lineOf(node, lineOf(doc.getIn(path.length > 2 ? [q, ...path.slice(0, -1)] : [q], true) as YamlNode)),
        missing
          ? `${label} has no "${field}": expected ${expected}`
          : `${label}, field "${field}": found ${describe(node)}, expected ${expected}`,
        missing ? (ADD[field] ?? `Add "${field}"`) : `Fix the field as described; ${FORMAT}`,
      );
    };
    const unknownKeys = (path: (string | number)[], label: string, keys: string[], known: string[]) =>
      keys.map((key) => {
        const parent = doc.getIn([q, ...path], true) as YamlNode | undefined;
        const pair = isMap(parent)
          ? parent.items.find((p) => isScalar(p.key) && p.key.value === key)
          : undefined;
        return new LessonError(
          file,
          lineOf(pair?.key as YamlNode | undefined, lineOf(parent)),
          `${label} has an unknown field "${key}": expected only ${known.join(', ')}`,
          'Delete the line, or rename the field to one of those',
        );
      });

    if (!isMap(itemNode)) {
      problems.push(
        new LessonError(
          file,
          lineOf(itemNode),
          `${where} is ${describe(itemNode)}, not a question`,
          `Start each question with "- question: …" and put its "options:" under it; ${FORMAT}`,
        ),
      );
      return;
    }
    const parsed = quizQuestionSchema.safeParse(values[q]);
    let ok = parsed.success;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        if (issue.code === 'unrecognized_keys')
          problems.push(...unknownKeys(path, where, issue.keys, ['question', 'options']));
        else if (path[0] === 'options' && path.length === 1 && isSeq(doc.getIn([q, 'options'], true))) {
          // Too many: point at the first option too many; too few: at "options:".
          const optionsNode = doc.getIn([q, 'options'], true) as YamlNode;
          const pair = itemNode.items.find((p) => isScalar(p.key) && p.key.value === 'options');
          const line =
            issue.code === 'too_big'
              ? lineOf(doc.getIn([q, 'options', QUIZ_OPTIONS.max], true) as YamlNode)
              : lineOf(pair?.key as YamlNode | undefined);
          problems.push(
            new LessonError(
              file,
              line,
              `${where} has ${describe(optionsNode).replace(/^a list of (\d+) items?/, (_, n: string) => `${n} option${n === '1' ? '' : 's'}`)}, expected ${QUIZ_OPTIONS.min} to ${QUIZ_OPTIONS.max}`,
              issue.code === 'too_big'
                ? `Keep the right answer and the wrong answers a learner is most likely to pick; delete the others`
                : `Add wrong answers a learner might pick, each with its "why"`,
            ),
          );
        } else problems.push(fieldProblem(path, where, issue.message, issue.code));
      }
    }
    const optionsNode = doc.getIn([q, 'options'], true) as YamlNode | undefined;
    const options: QuizOption[] = [];
    if (isSeq(optionsNode)) {
      optionsNode.items.forEach((optionItem, o) => {
        const label = `${where}, option ${o + 1}`;
        const raw = (values[q] as { options: unknown[] }).options[o];
        const optionNode = optionItem as YamlNode;
        if (!isMap(optionNode)) {
          ok = false;
          problems.push(
            new LessonError(
              file,
              lineOf(optionNode),
              `${label} is ${describe(optionNode)}, not an option`,
              `Write each option as "- answer: …" with "why: …" under it; ${FORMAT}`,
            ),
          );
          return;
        }
        const option = quizOptionSchema.safeParse(raw);
        if (!option.success) {
          ok = false;
          for (const issue of option.error.issues) {
            const path = [
              'options',
              o,
              ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
            ];
            if (issue.code === 'unrecognized_keys')
              problems.push(...unknownKeys(path, label, issue.keys, ['answer', 'correct', 'why']));
            else problems.push(fieldProblem(path, label, issue.message, issue.code));
          }
          return;
        }
        options.push({
          answer: option.data.answer,
          correct: option.data.correct === true,
          why: option.data.why,
          line: lineOf(optionNode),
        });
      });
    }
    if (!ok) return;
    const right = options.filter((option) => option.correct);
    if (right.length === 0) {
      problems.push(
        new LessonError(
          file,
          lineOf(doc.getIn([q, 'question'], true) as YamlNode | undefined, lineOf(itemNode)),
          `${where} has no option marked "correct: true"`,
          'Add "correct: true" under the one right answer',
        ),
      );
      return;
    }
    if (right.length > 1) {
      problems.push(
        new LessonError(
          file,
          right[1]!.line,
          `${where} has ${right.length} options marked "correct: true" (lines ${right.map((r) => r.line).join(', ')}); a question has exactly one right answer`,
          'Keep "correct: true" on the right answer only; if two answers are right, reword the question or the options',
        ),
      );
      return;
    }
    questions.push({
      question: (values[q] as { question: string }).question.trim(),
      options,
      line: lineOf(doc.getIn([q, 'question'], true) as YamlNode | undefined, lineOf(itemNode)),
    });
  });

  if (problems.length) return { quiz: undefined, problems };
  return {
    quiz: { line: fenceLine, questions, node: first.node, parent: first.parent },
    problems,
  };
}
