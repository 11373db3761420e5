/**
 * Self-check questions (docs/practice.md, src/components/lesson/Quiz.astro): with the mouse and the
 * keyboard a chosen option shows its verdict and explanation at once and reads it out (aria-live);
 * each question is a radio group; without JavaScript every option's verdict can still be revealed;
 * axe finds nothing serious in either theme. The lessons come from the lesson files: every lesson
 * with a quiz, checked against its source.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { UI } from '../../src/i18n/ui.ts';
import { LESSONS, expect, test, type LessonPage } from './site.ts';

const WITH_QUIZ = LESSONS.filter((lesson) => lesson.source.quiz);
const firstWithQuiz = (['en', 'ko'] as const).flatMap((locale) =>
  WITH_QUIZ.filter((lesson) => lesson.locale === locale).slice(0, 1),
);

test('at least one lesson in each language has a quiz to test', () => {
  expect(firstWithQuiz.map((lesson) => lesson.locale)).toEqual(['en', 'ko']);
});

const questionsOf = (lesson: LessonPage) => lesson.source.quiz!.questions;
const rightIndex = (lesson: LessonPage, q: number) =>
  questionsOf(lesson)[q]!.options.findIndex((option) => option.correct);
/** The option after the right one: a wrong answer. */
const wrongIndex = (lesson: LessonPage, q: number) =>
  (rightIndex(lesson, q) + 1) % questionsOf(lesson)[q]!.options.length;

function quiz(page: Page) {
  const root = page.locator('[data-quiz]');
  const question = (q: number) => root.locator('fieldset').nth(q);
  const option = (q: number, o: number) => question(q).locator('.quiz__option').nth(o);
  return { root, question, option, status: root.locator('[data-quiz-status]') };
}

/** What every option shows once chosen: its verdict and no other option's feedback in the question. */
async function expectChosen(page: Page, lesson: LessonPage, q: number, o: number) {
  const { question, option } = quiz(page);
  const ui = UI[lesson.locale];
  const right = o === rightIndex(lesson, q);
  const feedback = option(q, o).locator('.quiz__feedback');
  await expect(option(q, o).getByRole('radio')).toBeChecked();
  await expect(feedback).toBeVisible();
  await expect(feedback).toContainText(right ? ui.quizRight : ui.quizWrong);
  // The explanation is there too: the why's text, once Markdown is rendered (no backticks left).
  const why = questionsOf(lesson)[q]!.options[o]!.why.replace(/[`*]/g, '');
  await expect(feedback).toContainText(why);
  await expect(question(q).locator('.quiz__feedback:visible')).toHaveCount(1);
}

for (const lesson of firstWithQuiz) {
  test.describe(`quiz on ${lesson.path}`, () => {
    test('each question is a radio group with the options of the source', async ({ page }) => {
      await page.goto(lesson.path);
      const { question } = quiz(page);
      await expect(page.locator('[data-quiz] fieldset')).toHaveCount(questionsOf(lesson).length);
      for (const [q, source] of questionsOf(lesson).entries()) {
        await expect(question(q).getByRole('radio')).toHaveCount(source.options.length);
        // Named by its question, as a screen reader announces the group.
        const name = source.question.replace(/[`*]/g, '');
        await expect(page.getByRole('group', { name })).toBeVisible();
        // Nothing is revealed before a choice.
        await expect(question(q).locator('.quiz__feedback:visible')).toHaveCount(0);
      }
    });

    test('with the mouse: a wrong then the right answer, each shown and read out at once', async ({
      page,
    }) => {
      await page.goto(lesson.path);
      const { option, status } = quiz(page);
      const ui = UI[lesson.locale];
      for (const q of questionsOf(lesson).keys()) {
        await option(q, wrongIndex(lesson, q)).locator('label').click();
        await expectChosen(page, lesson, q, wrongIndex(lesson, q));
        await expect(status).toHaveAttribute('aria-live', 'polite');
        await expect(status).toContainText(ui.quizWrong);
        await option(q, rightIndex(lesson, q)).locator('label').click();
        await expectChosen(page, lesson, q, rightIndex(lesson, q));
        await expect(status).toContainText(ui.quizRight);
      }
    });

    test('with the keyboard: Tab to the group, arrows choose, each choice shown and read out', async ({
      page,
    }) => {
      await page.goto(lesson.path);
      const { question, status } = quiz(page);
      const ui = UI[lesson.locale];
      // Tab into the first group from the element just before the quiz.
      await question(0).getByRole('radio').first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(question(0).getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('Space');
      await expectChosen(page, lesson, 0, 0);
      await page.keyboard.press('ArrowDown');
      await expectChosen(page, lesson, 0, 1);
      await expect(status).toContainText(1 === rightIndex(lesson, 0) ? ui.quizRight : ui.quizWrong);
      await expect(question(0).getByRole('radio').nth(1)).toBeFocused();
      // Tab leaves the group for the next question's.
      await page.keyboard.press('Tab');
      await expect(question(1).getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('ArrowUp');
      const last = questionsOf(lesson)[1]!.options.length - 1;
      await expectChosen(page, lesson, 1, last);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lesson of firstWithQuiz) {
    test(`${lesson.path}: every option's verdict and explanation can be revealed`, async ({ page }) => {
      await page.goto(lesson.path);
      const { option } = quiz(page);
      for (const [q, source] of questionsOf(lesson).entries()) {
        for (const o of source.options.keys()) {
          await option(q, o).locator('label').click();
          await expectChosen(page, lesson, q, o);
        }
      }
      // No progress without JavaScript, so no button that would do nothing.
      await expect(page.locator('[data-mark-done]')).toBeHidden();
    });
  }
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe on a lesson with a quiz, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const lesson of firstWithQuiz) {
      test(lesson.path, async ({ page }) => {
        await page.goto(lesson.path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const { option } = quiz(page);
        // One right and one wrong answer shown, so their colours are checked too; the lesson done.
        await option(0, rightIndex(lesson, 0)).locator('label').click();
        await option(1, wrongIndex(lesson, 1)).locator('label').click();
        await page.locator('[data-mark-done]').click();
        await expect(page.locator(`#sidebar [data-lesson="${lesson.slug}"] .done-mark`)).toBeVisible();
        const results = await new AxeBuilder({ page }).include('main').include('#sidebar').analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({
            rule: violation.id,
            nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
          }));
        expect(serious).toEqual([]);
        expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
      });
    }
  });
}
