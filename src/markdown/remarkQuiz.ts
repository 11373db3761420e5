/**
 * Replaces the lesson's ```quiz fence (docs/practice.md) by a <Quiz> element. The lesson model reads
 * and validates the questions (src/lesson-model/quiz.ts); a problem fails the build with the file and
 * the line (LessonError), as the schema check reports it. The question, answers and explanations go
 * to the component as HTML rendered here from their one line of Markdown each.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { readQuiz } from '../lesson-model/quiz.ts';
import { inlineMarkdown } from './inlineMarkdown.ts';
import { lessonPath } from './lessonPath.ts';

/** What <Quiz> receives (as JSON): the quiz with its text as HTML. */
export interface RenderedQuiz {
  questions: {
    html: string;
    options: { html: string; correct: boolean; why: string }[];
  }[];
}

export function remarkQuiz() {
  return (tree: Root, file: VFile) => {
    const { quiz, problems } = readQuiz(tree, lessonPath(file));
    if (problems[0]) throw problems[0];
    if (!quiz) return;
    const rendered: RenderedQuiz = {
      questions: quiz.questions.map((question) => ({
        html: inlineMarkdown(question.question),
        options: question.options.map((option) => ({
          html: inlineMarkdown(option.answer),
          correct: option.correct,
          why: inlineMarkdown(option.why),
        })),
      })),
    };
    const element: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'Quiz',
      attributes: [{ type: 'mdxJsxAttribute', name: 'quiz', value: JSON.stringify(rendered) }],
      children: [],
    };
    const siblings = quiz.parent.children;
    siblings.splice(siblings.indexOf(quiz.node), 1, element);
  };
}
