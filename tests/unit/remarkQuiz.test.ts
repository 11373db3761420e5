/**
 * The quiz plugin: a valid ```quiz fence becomes one <Quiz> element with the questions as HTML and the
 * right answer of each; a malformed one stops the build with the reader's LessonError (file and line).
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { remarkQuiz, type RenderedQuiz } from '../../src/markdown/remarkQuiz.ts';

const question = (n: number, right: number) => [
  `- question: Question ${n} about \`--rm\`?`,
  '  options:',
  ...[0, 1, 2].flatMap((o) => [
    `    - answer: Answer *${o + 1}*`,
    ...(o === right ? ['      correct: true'] : []),
    `      why: Because \`${o + 1}\`.`,
  ]),
];

/** As Astro hands the plugin a lesson: an absolute path, shown relative to the repository in messages. */
const path = () => `${process.cwd()}/content/lessons/en/quiz-test.mdx`;

function run(lines: string[]): Root {
  const text = ['## Check yourself', '', '```quiz', ...lines, '```', ''].join('\n');
  const tree = unified().use(remarkParse).parse(text) as Root;
  remarkQuiz()(tree, new VFile({ path: path(), value: text }));
  return tree;
}

describe('remarkQuiz', () => {
  it('replaces the fence by <Quiz> with the text rendered from Markdown', () => {
    const tree = run([...question(1, 0), ...question(2, 2), ...question(3, 1)]);
    const element = tree.children[1] as MdxJsxFlowElement;
    expect(element.type).toBe('mdxJsxFlowElement');
    expect(element.name).toBe('Quiz');
    const quiz = JSON.parse(String(element.attributes[0]!.value)) as RenderedQuiz;
    expect(quiz.questions).toHaveLength(3);
    expect(quiz.questions[0]!.html).toBe('Question 1 about <code>--rm</code>?');
    expect(quiz.questions[0]!.options[1]).toEqual({
      html: 'Answer <em>2</em>',
      correct: false,
      why: 'Because <code>2</code>.',
    });
    expect(quiz.questions.map((q) => q.options.findIndex((o) => o.correct))).toEqual([0, 2, 1]);
  });

  it('stops the build at the line of a question without a right answer', () => {
    expect(() => run([...question(1, 0), ...question(2, -1), ...question(3, 1)])).toThrow(LessonError);
    expect(() => run([...question(1, 0), ...question(2, -1), ...question(3, 1)])).toThrow(
      'content/lessons/en/quiz-test.mdx:13: question 2 has no option marked "correct: true"',
    );
  });

  it('leaves a lesson without a quiz alone', () => {
    const tree = unified().use(remarkParse).parse('## Recap\n\n- one\n') as Root;
    const before = JSON.stringify(tree);
    remarkQuiz()(tree, new VFile({ path: path() }));
    expect(JSON.stringify(tree)).toBe(before);
  });
});
