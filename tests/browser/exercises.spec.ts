/**
 * Exercises on the page (docs/practice.md): each lesson shows its exercises from the lesson file, with the
 * task, hints and the solution closed until asked for, and the check offered as commands to paste. The
 * exercises come from the lesson model (readLessonFile), never from a list written here.
 */
import { UI } from '../../src/i18n/ui.ts';
import { LESSONS, commandBlock, expect, test } from './site.ts';

for (const lesson of LESSONS) {
  test(`${lesson.path} shows its exercises: task, closed hints and solution, and the check`, async ({
    page,
  }) => {
    const ui = UI[lesson.locale];
    const { exercises } = lesson.source;
    test.skip(exercises.length === 0, 'this lesson has no exercises yet');
    await page.goto(lesson.path);
    const shown = page.locator('section.exercise');
    await expect(shown).toHaveCount(exercises.length);

    for (const [index, exercise] of exercises.entries()) {
      const box = shown.nth(index);
      await expect(box.locator('.exercise__title')).toHaveText(`${ui.exercise} ${exercise.title}`);
      await expect(box).toHaveAttribute('aria-label', `${ui.exercise}: ${exercise.title}`);
      // The page typesets quotes (’) and keeps the source's line breaks; compare the words.
      const words = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
      expect(words((await box.textContent()) ?? '')).toContain(words(exercise.task[0]!.replace(/^- /, '')));

      // Hints and the solution are closed: their text is not visible until the learner opens them.
      const hints = box.locator('details.exercise__hint');
      await expect(hints).toHaveCount(exercise.hints.length);
      for (const hint of await hints.all()) {
        await expect(hint).not.toHaveAttribute('open');
        await expect(hint.locator('summary')).toHaveText(ui.hint);
      }
      const solution = box.locator('details.exercise__solution');
      const solutionBlock = commandBlock(page, exercise.solution[0]!);
      await expect(solution).toHaveCount(1);
      await expect(solution.locator(solutionBlock)).toHaveCount(1);
      await expect(solutionBlock).toBeHidden();

      // The check is in the open, under "Check your work", with its commands as the lesson writes them.
      const check = box.locator('.exercise__check');
      const checkBlock = check.locator(commandBlock(page, exercise.check[0]!));
      await expect(check).toContainText(ui.checkWork);
      await expect(checkBlock).toBeVisible();
      await expect(checkBlock).toContainText(exercise.check[0]!.block.commands[0]!.lines[0]!);

      // The keyboard opens the solution: its summary takes focus and Enter shows the block.
      await solution.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(solution).toHaveAttribute('open');
      await expect(solutionBlock).toBeVisible();
    }
  });
}
