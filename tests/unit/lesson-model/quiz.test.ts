/** The quiz reader: a valid quiz, and each mistake as one message at the line of the offending item. */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readQuiz } from '../../../src/lesson-model/quiz.ts';

const FILE = 'content/lessons/en/x.mdx';
/** A lesson whose quiz fence opens on line 3 (so the YAML starts on line 4). */
const read = (yaml: string, extra = '') =>
  readQuiz(unified().use(remarkParse).parse(`# X\n\n\`\`\`quiz\n${yaml}\n\`\`\`\n${extra}`) as Root, FILE);

const option = (answer: string, correct = false) => [
  `    - answer: ${answer}`,
  ...(correct ? ['      correct: true'] : []),
  `      why: Because ${answer}.`,
];
const question = (text: string, right = 0, count = 3) => [
  `- question: ${text}`,
  '  options:',
  ...Array.from({ length: count }, (_, i) => option(`answer ${i + 1}`, i === right)).flat(),
];
const quiz = (...questions: string[][]) => questions.flat().join('\n');

describe('readQuiz', () => {
  it('reads a valid quiz with the line of every question and option', () => {
    const { quiz: read3, problems } = read(
      quiz(question('Q1 `--rm`?'), question('Q2', 2), question('Q3', 1, 2)),
    );
    expect(problems).toEqual([]);
    expect(read3?.line).toBe(3);
    expect(read3?.questions.map((q) => q.question)).toEqual(['Q1 `--rm`?', 'Q2', 'Q3']);
    expect(read3?.questions[0]!.line).toBe(4);
    expect(read3?.questions[0]!.options.map((o) => [o.line, o.correct])).toEqual([
      [6, true],
      [9, false],
      [11, false],
    ]);
    expect(read3?.questions[2]!.options.map((o) => o.correct)).toEqual([false, true]);
  });

  it('a lesson without a quiz has none and no problem', () => {
    expect(readQuiz(unified().use(remarkParse).parse('# X\n') as Root, FILE)).toEqual({
      quiz: undefined,
      problems: [],
    });
  });

  it('names a question with no correct option at its line', () => {
    const { quiz: none, problems } = read(quiz(question('Q1'), question('Q2', -1), question('Q3')));
    expect(none).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      `${FILE}:13: question 2 has no option marked "correct: true". Add "correct: true" under the one right answer`,
    ]);
  });

  it('names the second correct option of a question', () => {
    const lines = question('Q2');
    lines.splice(lines.indexOf('    - answer: answer 2') + 1, 0, '      correct: true');
    const { problems } = read(quiz(question('Q1'), lines, question('Q3')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 18 });
    expect(problems[0]!.problem).toContain('question 2 has 2 options marked "correct: true" (lines 15, 18)');
  });

  it('names an option without a why, at the option', () => {
    const lines = question('Q1');
    lines.splice(lines.indexOf('      why: Because answer 3.'), 1);
    const { problems } = read(quiz(lines, question('Q2'), question('Q3')));
    expect(problems.map((p) => [p.line, p.problem, p.fix])).toEqual([
      [
        11,
        'question 1, option 3 has no "why": expected one line of Markdown that says why this answer is right or wrong',
        'Add "why: …" under the answer: why it is right, or why it is wrong',
      ],
    ]);
  });

  it('counts questions and options', () => {
    expect(read(quiz(question('Q1'), question('Q2'))).problems.map((p) => [p.line, p.problem])).toEqual([
      [3, 'the quiz has 2 questions, expected 3 to 5'],
    ]);
    const six = Array.from({ length: 6 }, (_, i) => question(`Q${i + 1}`));
    expect(read(quiz(...six)).problems.map((p) => p.line)).toEqual([4 + 5 * 9]);
    const problems = read(quiz(question('Q1', 0, 1), question('Q2'), question('Q3', 0, 6))).problems;
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [5, 'question 1 has 1 option, expected 2 to 5'],
      [31, 'question 3 has 6 options, expected 2 to 5'],
    ]);
  });

  it('names unknown fields, wrong values and missing fields where they are', () => {
    const lines = question('Q1');
    lines[2] = '    - answr: answer 1';
    const q2 = ['- question: Q2', '  options:', ...option('a', true), ...option('b'), '      correct: false'];
    const { problems } = read(quiz(lines, q2, question('Q3')));
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [6, 'question 1, option 1 has no "answer": expected the answer, one line of Markdown'],
      [6, 'question 1, option 1 has an unknown field "answr": expected only answer, correct, why'],
      [
        20,
        'question 2, option 2, field "correct": found false, expected true on the one right answer (leave the field out on the others)',
      ],
    ]);
  });

  it('reports YAML that does not parse at its line, and a second quiz fence', () => {
    const broken = read(quiz(question('Q1'), ['- question: "Q2', '  options: []'], question('Q3')));
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]!.problem).toMatch(/^the quiz is not valid YAML/);
    expect(broken.problems[0]!.fix).toContain('docs/practice.md');
    const twice = read(
      quiz(question('Q1'), question('Q2'), question('Q3')),
      '\n```quiz\n- question: Q4\n```\n',
    );
    expect(twice.problems.map((p) => [p.line, p.problem])).toEqual([
      [33, 'a second ```quiz fence: a lesson has one quiz (the first starts at line 3)'],
    ]);
    expect(twice.quiz).toBeUndefined();
  });

  it('takes a quiz that is not a list', () => {
    expect(read('question: Q1').problems.map((p) => [p.line, p.problem])).toEqual([
      [4, 'the quiz is not a YAML list of questions'],
    ]);
  });
});
