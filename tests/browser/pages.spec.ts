/**
 * Every page loads cleanly, and everything it loads comes from the site itself:
 * no console error, no failed request, no request to another origin, no web font from
 * elsewhere, and no Mermaid in the browser (diagrams are SVG made at build time).
 */
import type { Page, Request } from '@playwright/test';
import { ALL_PAGES, HOME_PAGES, LESSONS, expect, leavesOrigin, test } from './site.ts';

test('the lesson files give pages in both languages', () => {
  // Guards the loops below: with no lesson files every per-lesson test would silently vanish.
  expect(LESSONS.filter((lesson) => lesson.locale === 'en').length).toBeGreaterThan(0);
  expect(LESSONS.filter((lesson) => lesson.locale === 'ko').length).toBeGreaterThan(0);
});

/** Scrolls to the end and back so that anything loaded lazily is requested too. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    const step = innerHeight;
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise(requestAnimationFrame);
    }
    scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

test.describe('every page loads with no console error and no failed request', () => {
  for (const path of ALL_PAGES) {
    test(path, async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`),
      );
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });

      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status(), `${path} status`).toBe(200);
      await scrollThrough(page);
      expect(problems).toEqual([]);

      const locale = path.split('/')[1];
      await expect(page.locator('html')).toHaveAttribute('lang', locale ?? '');
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main#main')).toHaveCount(1);
    });
  }
});

test.describe('no request leaves the origin', () => {
  for (const path of ALL_PAGES) {
    test(path, async ({ page, origin }) => {
      const requests: Request[] = [];
      page.on('request', (request) => requests.push(request));
      await page.goto(path, { waitUntil: 'load' });
      await scrollThrough(page);
      // Flip the theme too: the other theme's styles and diagrams may not fetch anything either.
      await page.locator('.theme-toggle').click();
      await page.waitForLoadState('networkidle');

      expect(requests.length, 'the page itself was recorded').toBeGreaterThan(0);
      const describe = (request: Request) => `${request.resourceType()} ${request.url()}`;
      expect(
        requests.filter((request) => leavesOrigin(request, origin)).map(describe),
        'requests to other origins',
      ).toEqual([]);
      expect(
        requests
          .filter((request) => request.resourceType() === 'font' && leavesOrigin(request, origin))
          .map(describe),
        'fonts from other origins',
      ).toEqual([]);
      expect(
        requests
          .filter((request) => request.resourceType() === 'script' && /mermaid/i.test(request.url()))
          .map(describe),
        'Mermaid scripts',
      ).toEqual([]);
      const scriptSources = await page
        .locator('script[src]')
        .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? ''));
      expect(
        scriptSources.filter((src) => /mermaid/i.test(src)),
        'Mermaid <script src>',
      ).toEqual([]);
      const inlineMermaid = await page
        .locator('script:not([src])')
        .evaluateAll(
          (scripts) =>
            scripts.filter((script) => /mermaid\.(initialize|run|render)/.test(script.textContent ?? ''))
              .length,
        );
      expect(inlineMermaid, 'inline scripts that run Mermaid').toBe(0);
    });
  }
});

test.describe('home pages', () => {
  test('link to every lesson of their language', async ({ page }) => {
    for (const home of HOME_PAGES) {
      await page.goto(home);
      const hrefs = await page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      const locale = home.split('/')[1];
      for (const lesson of LESSONS.filter((l) => l.locale === locale)) {
        expect(hrefs, `${home} links to ${lesson.path}`).toContain(lesson.path);
      }
    }
  });
});
