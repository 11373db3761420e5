/**
 * Progress without an account (src/client/progress.ts): a lesson is done when the learner clicks
 * "Mark as done" or answers every question of its quiz; the outline and the home pages show a check
 * mark with accessible text and "Continue: <next lesson not done>", in both languages and after a
 * reload; "Reset progress" forgets it; applying the stored state moves nothing on the page.
 */
import type { Page } from '@playwright/test';
import { UI } from '../../src/i18n/ui.ts';
import { LESSONS, expect, test } from './site.ts';

const KEY = 'dockside-progress-v1';
const en = LESSONS.filter((lesson) => lesson.locale === 'en');
/** The lesson slugs in the order the pages list them (course by course, as the home page shows them). */
async function outlineSlugs(page: Page): Promise<string[]> {
  await page.goto('/en/');
  return page
    .locator('.lesson-card[data-lesson]')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.lesson!));
}
const withQuiz = en.find((lesson) => lesson.source.quiz);

const mark = (page: Page, where: string, slug: string) =>
  page.locator(`${where} [data-lesson="${slug}"] .done-mark`);

test('Mark as done: the check mark in the outline and on the home pages, in both languages, after a reload', async ({
  page,
}) => {
  const [first, second, third] = await outlineSlugs(page);
  await page.goto(`/en/${second}/`);
  const button = page.locator('[data-mark-done]');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(mark(page, '#sidebar', second!)).toBeHidden();
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // The mark and its text for screen readers.
  await expect(mark(page, '#sidebar', second!)).toBeVisible();
  await expect(page.locator(`#sidebar [data-lesson="${second}"] a`)).toHaveAccessibleName(
    new RegExp(`^${UI.en.done}`),
  );
  await expect(page.locator(`#sidebar [data-lesson="${first}"] a`)).not.toHaveAccessibleName(
    new RegExp(UI.en.done),
  );
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(JSON.stringify([second]));

  await page.reload();
  await expect(page.locator('[data-mark-done]')).toHaveAttribute('aria-pressed', 'true');
  await expect(mark(page, '#sidebar', second!)).toBeVisible();

  for (const home of ['/en/', '/ko/']) {
    await page.goto(home);
    await expect(mark(page, '.lesson-list', second!)).toBeVisible();
    await expect(mark(page, '.lesson-list', first!)).toBeHidden();
    await expect(mark(page, '.lesson-list', third!)).toBeHidden();
  }
  // The Korean lesson page knows it too: progress is per lesson, not per language.
  await page.goto(`/ko/${second}/`);
  await expect(page.locator('[data-mark-done]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`#sidebar [data-lesson="${second}"] a`)).toHaveAccessibleName(
    new RegExp(`^${UI.ko.done}`),
  );
  // Clicking again takes it back.
  await page.locator('[data-mark-done]').click();
  await expect(mark(page, '#sidebar', second!)).toBeHidden();
});

test('answering every question of a quiz marks its lesson done', async ({ page }) => {
  test.skip(!withQuiz, 'no lesson has a quiz yet');
  await page.goto(`/en/${withQuiz!.slug}/`);
  const questions = page.locator('[data-quiz] fieldset');
  const count = await questions.count();
  for (let q = 0; q < count; q += 1) {
    await expect(mark(page, '#sidebar', withQuiz!.slug), `not done before question ${q + 1}`).toBeHidden();
    // Any answer counts, right or wrong: the last option of each question.
    await questions.nth(q).locator('label').last().click();
  }
  await expect(mark(page, '#sidebar', withQuiz!.slug)).toBeVisible();
  await expect(page.locator('[data-mark-done]')).toHaveAttribute('aria-pressed', 'true');
});

test('Continue names the next lesson not done, in each language, and Reset progress clears everything', async ({
  page,
}) => {
  const slugs = await outlineSlugs(page);
  const box = page.locator('.hero [data-progress]');
  // Nothing done: no box (its space is kept, see below).
  await expect(box).toBeHidden();
  // The first two lessons done: continue with the third.
  await page.evaluate(
    ([key, done]) => localStorage.setItem(key!, done!),
    [KEY, JSON.stringify(slugs.slice(0, 2))],
  );
  await page.reload();
  const next = LESSONS.find((l) => l.slug === slugs[2] && l.locale === 'en')!;
  await expect(box).toBeVisible();
  const link = box.getByRole('link');
  await expect(link).toHaveText(`${UI.en.continueWith} ${next.source.frontmatter.title}`);
  await expect(link).toHaveAttribute('href', `/en/${next.slug}/`);

  await page.goto('/ko/');
  const ko = LESSONS.find((l) => l.slug === slugs[2] && l.locale === 'ko')!;
  await expect(box.getByRole('link')).toHaveText(`${UI.ko.continueWith} ${ko.source.frontmatter.title}`);
  await expect(box.getByRole('link')).toHaveAttribute('href', `/ko/${ko.slug}/`);

  // The sidebar of a lesson page has the same line; following it opens that lesson.
  await page.goto(`/en/${slugs[0]}/`);
  const side = page.locator('#sidebar [data-progress]');
  await side.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/en/${next.slug}/$`));

  // Every lesson done: no link, a line that says so.
  await page.evaluate(([key, done]) => localStorage.setItem(key!, done!), [KEY, JSON.stringify(slugs)]);
  await page.goto('/en/');
  await expect(box.getByRole('link')).toBeHidden();
  await expect(box).toContainText(UI.en.allDone);

  // One click forgets it all.
  await box.getByRole('button', { name: UI.en.resetProgress }).click();
  await expect(box).toBeHidden();
  await expect(page.locator('.lesson-list .done-mark:visible')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
  await page.reload();
  await expect(page.locator('.lesson-list .done-mark:visible')).toHaveCount(0);
});

/**
 * Where every element that progress could move sits, page-wide. The "Continue" link itself is left
 * out: its text is the next lesson's title, on one line of fixed height that nothing else shares.
 */
async function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => !element.closest('[data-progress] a'))
      .map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return `${element.tagName} ${x.toFixed(1)},${(y + scrollY).toFixed(1)} ${width.toFixed(1)}×${height.toFixed(1)}`;
      }),
  );
}

/**
 * The layout shifts the browser recorded on this page so far, as the elements that moved. The site
 * header is left out: its theme and menu buttons appear when site.ts starts (they are hidden without
 * JavaScript), which moves the header's own items on some loads, progress or not.
 */
async function layoutShifts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const found: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            sources: { node?: Node }[];
          }[]) {
            const nodes = entry.sources.filter(
              (source) => !(source.node as Element | undefined)?.closest?.('.site-header'),
            );
            if (nodes.length)
              found.push(
                `${nodes
                  .map((source) => {
                    const node = source.node as Element | undefined;
                    return node ? `${node.nodeName}.${node.className ?? ''}` : '?';
                  })
                  .join(', ')}`,
              );
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(found), 100);
      }),
  );
}

test.describe('no layout shift when the stored progress is applied', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    test.describe(`${viewport.width} px`, () => {
      test.use({ viewport });
      test('home page and lesson page', async ({ page }) => {
        const slugs = await outlineSlugs(page);
        const pages = [
          { path: '/en/', selector: 'main *, [data-progress], [data-lesson]' },
          { path: '/ko/', selector: 'main *, [data-progress], [data-lesson]' },
          { path: `/en/${slugs[1]}/`, selector: 'main > *, main h2, #sidebar *' },
        ];
        for (const { path, selector } of pages) {
          await page.evaluate((key) => localStorage.removeItem(key), KEY);
          await page.goto(path);
          const before = await boxes(page, selector);
          // Some lessons done, including the one shown: every mark, the box and the button change.
          await page.evaluate(
            ([key, done]) => localStorage.setItem(key!, done!),
            [KEY, JSON.stringify([slugs[0], slugs[1], slugs.at(-1)])],
          );
          await page.goto(path);
          await expect(page.locator('[data-done]').first()).toBeAttached();
          const after = await boxes(page, selector);
          expect(after.length, path).toBe(before.length);
          expect(after, `${path}: boxes after the state was applied`).toEqual(before);
          // And the browser saw nothing move outside the header while the state was applied.
          expect(await layoutShifts(page), `${path}: layout shifts`).toEqual([]);
        }
      });
    });
  }
});
