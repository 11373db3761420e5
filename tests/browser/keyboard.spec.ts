/**
 * Keyboard use: the first Tab reaches the skip link and Enter moves focus to the content;
 * on a narrow screen the lesson menu opens from its button and Escape closes it, returning focus.
 */
import { HOME_PAGES, LESSONS, expect, test } from './site.ts';

const firstLessons = (['en', 'ko'] as const).flatMap((locale) =>
  LESSONS.filter((l) => l.locale === locale).slice(0, 1),
);

test.describe('skip link', () => {
  for (const path of [...HOME_PAGES, ...firstLessons.map((lesson) => lesson.path)]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      await expect(skip, 'the first Tab stop').toBeFocused();
      await expect(skip, 'shown when focused').toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('#main')).toBeFocused();
      await expect(page).toHaveURL(/#main$/);
      // The next Tab continues inside the content, not back at the header.
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => Boolean(document.activeElement?.closest('#main'))),
        'focus inside #main after Tab',
      ).toBe(true);
    });
  }
});

test.describe('narrow-screen menu', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const lesson of firstLessons) {
    test(lesson.path, async ({ page }) => {
      await page.goto(lesson.path);
      const toggle = page.locator('.menu-toggle');
      const sidebar = page.locator('#sidebar');
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(sidebar).toBeHidden();

      // By keyboard: focus the button, open with Enter.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(sidebar).toBeVisible();
      await expect(sidebar.locator('a[aria-current="page"]')).toHaveAttribute('href', lesson.path);

      // Escape closes it from anywhere in the menu and gives focus back to the button.
      await sidebar.locator('a').first().focus();
      await page.keyboard.press('Escape');
      await expect(sidebar).toBeHidden();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(toggle).toBeFocused();

      // The pointer works too.
      await toggle.click();
      await expect(sidebar).toBeVisible();
      await toggle.click();
      await expect(sidebar).toBeHidden();
    });
  }

  test('wide screens show the outline and no menu button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(firstLessons[0]!.path);
    await expect(page.locator('#sidebar')).toBeVisible();
    await expect(page.locator('.menu-toggle')).toBeHidden();
  });
});
