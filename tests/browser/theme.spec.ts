/**
 * The theme: the toggle flips it and the choice survives navigation; a stored choice is on the page
 * before its first paint (the inline head script), so a reader never sees a flash of the other theme.
 */
import { LESSONS, bodyBackground, expect, luminance, test } from './site.ts';

const [firstLesson, secondLesson] = LESSONS.filter((lesson) => lesson.locale === 'en');

test('the toggle persists across navigation', async ({ page }) => {
  expect(secondLesson, 'two English lessons').toBeDefined();
  await page.goto('/en/');
  const html = page.locator('html');
  const toggle = page.locator('.theme-toggle');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(luminance(await bodyBackground(page))).toBeGreaterThan(0.8);

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(luminance(await bodyBackground(page)), 'dark background').toBeLessThan(0.05);
  expect(await page.evaluate(() => localStorage.getItem('dockside-theme'))).toBe('dark');

  await page.goto(firstLesson!.path);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await bodyBackground(page)), 'still dark on the next page').toBeLessThan(0.05);

  await page.locator('.theme-toggle').click();
  await page.goto(secondLesson!.path);
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(luminance(await bodyBackground(page)), 'light again after toggling back').toBeGreaterThan(0.8);
});

test.describe('no flash of the wrong theme', () => {
  for (const [stored, os] of [
    ['dark', 'light'],
    ['light', 'dark'],
  ] as const) {
    test(`stored ${stored} with the OS in ${os}: the first paint is ${stored}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: os });
      await page.goto('/en/');
      await page.evaluate((value) => localStorage.setItem('dockside-theme', value), stored);
      // Record the theme as soon as <body> exists (before anything in it can paint), at the first
      // animation frame (right before the first paint) and at DOMContentLoaded.
      await page.addInitScript(() => {
        const seen: Record<string, unknown> = {};
        (window as unknown as { __theme: typeof seen }).__theme = seen;
        // Init scripts run before the parser has made <html>: look it up each time.
        const theme = () => document.documentElement?.dataset.theme ?? null;
        new MutationObserver((_, observer) => {
          if (!document.body) return;
          seen['body'] = theme();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        requestAnimationFrame(() => {
          seen['frame'] = theme();
          seen['frameBackground'] = document.body ? getComputedStyle(document.body).backgroundColor : null;
        });
        document.addEventListener('DOMContentLoaded', () => {
          seen['ready'] = theme();
          seen['readyBackground'] = getComputedStyle(document.body).backgroundColor;
        });
      });
      await page.goto(firstLesson!.path, { waitUntil: 'load' });
      const seen = await page.evaluate(
        () => (window as unknown as { __theme: Record<string, unknown> }).__theme,
      );
      expect(seen['body'], 'when <body> starts').toBe(stored);
      expect(seen['frame'], 'at the first frame').toBe(stored);
      expect(seen['ready'], 'at DOMContentLoaded').toBe(stored);
      const dark = (color: unknown) => luminance(String(color)) < 0.05;
      expect(dark(seen['readyBackground']), `body background ${String(seen['readyBackground'])}`).toBe(
        stored === 'dark',
      );
      if (seen['frameBackground'] !== null) {
        expect(
          dark(seen['frameBackground']),
          `first-frame background ${String(seen['frameBackground'])}`,
        ).toBe(stored === 'dark');
      }
    });
  }
});
