/**
 * Search (SiteHeader.astro, src/client/site.ts and search.ts, the Pagefind index of
 * src/search/searchIndex.ts) in the built site: it opens from the header button and the `/` key,
 * loads nothing until then, finds English words on English pages and Korean words (with their
 * particles) on Korean pages, links to pages in the page's language only, works from the keyboard,
 * runs under the Content-Security-Policy of the page and of the image's header, and passes axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { HEADER_CSP } from '../../src/security/csp.ts';
import { LESSONS, expect, test } from './site.ts';

const lessonIn = (locale: 'en' | 'ko') => LESSONS.find((lesson) => lesson.locale === locale)!.path;
const EN = lessonIn('en');
const KO = lessonIn('ko');
/** Loading the WebAssembly and the index takes a moment on a busy machine. */
const SEARCH_TIMEOUT = 20_000;

/** What search loads: Pagefind's bundle and the dialog's own chunk. */
const isSearchRequest = (request: Request) =>
  /\/pagefind\/|\/_astro\/search\./.test(new URL(request.url()).pathname);

function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

async function searchFor(page: Page, query: string) {
  const dialog = page.locator('dialog.search');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox').fill(query);
  const links = dialog.getByRole('list').getByRole('link');
  await expect(links.first()).toBeVisible({ timeout: SEARCH_TIMEOUT });
  return links;
}

/** Every result links to a page of `locale`, with a title and an excerpt that marks the match. */
async function expectResultsIn(page: Page, locale: 'en' | 'ko') {
  const links = page.locator('.search__results a');
  const results = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      path: new URL((anchor as HTMLAnchorElement).href).pathname,
      title: anchor.querySelector('.search__title')?.textContent ?? '',
      excerpt: anchor.querySelector('.search__excerpt')?.textContent ?? '',
      marks: [...anchor.querySelectorAll('.search__excerpt mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) {
    expect(result.path, `${result.title} is a page in ${locale}`).toMatch(new RegExp(`^/${locale}/`));
    expect(result.title.trim()).not.toBe('');
    expect(result.excerpt.trim()).not.toBe('');
  }
  expect(
    results.some((result) => result.marks.length > 0),
    'an excerpt marks the words found',
  ).toBe(true);
  return results;
}

test('nothing of search loads with the page; the header button opens it and loads it', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto(EN, { waitUntil: 'networkidle' });
  expect(requests.filter(isSearchRequest).map((request) => request.url())).toEqual([]);
  const scriptsAtLoad = requests.filter((request) => request.resourceType() === 'script').length;

  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-keyshortcuts', '/');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Search the lessons' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox', { name: 'Search the lessons and the glossary' })).toBeFocused();

  await searchFor(page, 'volume');
  await expectResultsIn(page, 'en');
  const loaded = requests.filter(isSearchRequest).map((request) => new URL(request.url()).pathname);
  expect(loaded).toContain('/pagefind/pagefind.js');
  expect(loaded.some((path) => /^\/_astro\/search\..*\.js$/.test(path))).toBe(true);
  expect(loaded.some((path) => path.endsWith('.pagefind'))).toBe(true); // the WebAssembly
  expect(requests.filter((request) => request.resourceType() === 'script').length).toBeGreaterThan(
    scriptsAtLoad,
  );
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ results?$/);
});

test('`/` opens search unless the reader is typing; Esc closes it and focus goes back', async ({ page }) => {
  await page.goto(EN);
  const dialog = page.locator('dialog.search');
  const input = dialog.getByRole('searchbox');

  // Typing `/` in a text field types it.
  await page.evaluate(() => {
    const field = document.createElement('input');
    field.id = 'typing';
    field.setAttribute('aria-label', 'typing');
    document.querySelector('main')?.prepend(field);
  });
  await page.locator('#typing').focus();
  await page.keyboard.press('/');
  await expect(page.locator('#typing')).toHaveValue('/');
  await expect(dialog).toBeHidden();

  // Elsewhere `/` opens search with the field focused, and does not type itself into it.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Opened from the button, Esc (also after typing) returns focus to the button.
  const button = page.locator('.search-toggle');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
  await input.fill('image');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  // The close button does the same.
  await button.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('results are reached with the arrow keys and Tab, and Enter opens one', async ({ page }) => {
  await page.goto(EN);
  await page.locator('.search-toggle').click();
  const links = await searchFor(page, 'container');
  expect(await links.count()).toBeGreaterThan(1);
  const input = page.locator('.search__input');

  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();

  // Tab: the field, the close button, then the results in order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(links.nth(0)).toBeFocused();

  const target = new URL((await links.nth(0).getAttribute('href'))!, page.url()).pathname;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === target);
});

test('Enter in the field opens the first result', async ({ page }) => {
  await page.goto(EN);
  await page.keyboard.press('/');
  const links = await searchFor(page, 'registry');
  const target = new URL((await links.nth(0).getAttribute('href'))!, page.url()).pathname;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === target);
});

for (const word of ['컨테이너', '볼륨', '레지스트리']) {
  test(`a Korean page finds ${word} in Korean pages only, with its particles`, async ({ page }) => {
    await page.goto(KO);
    await page.getByRole('button', { name: '검색' }).click();
    await expect(page.getByRole('dialog', { name: '레슨 검색' })).toBeVisible();
    await searchFor(page, word);
    const results = await expectResultsIn(page, 'ko');
    const marks = results.flatMap((result) => result.marks);
    expect(marks.some((mark) => mark.startsWith(word))).toBe(true);
    // Korean writes particles onto the noun (컨테이너를, 볼륨의): the word still matches them.
    expect(
      marks.some((mark) => new RegExp(`^${word}[가-힣]`).test(mark)),
      `a match with a particle among ${marks.join(' ')}`,
    ).toBe(true);
    await expect(page.locator('.search__status')).toHaveText(/^결과 \d+개$/);
  });
}

test('an English word on an English page finds English pages only, and the glossary', async ({ page }) => {
  await page.goto(EN);
  await page.keyboard.press('/');
  await searchFor(page, 'registry');
  const results = await expectResultsIn(page, 'en');
  expect(results.map((result) => result.path)).toContain('/en/glossary/');
});

test('a word found nowhere says so', async ({ page }) => {
  await page.goto(KO);
  await page.keyboard.press('/');
  await page.locator('.search__input').fill('zzqxv');
  await expect(page.locator('.search__status')).toHaveText('‘zzqxv’에 대한 결과가 없습니다', {
    timeout: SEARCH_TIMEOUT,
  });
  await expect(page.locator('.search__results li')).toHaveCount(0);
});

/** Serves every response with the image's header policy (nginx sends it on every file). */
async function withHeaderPolicy(page: Page, policy: string, rewriteMeta?: (html: string) => string) {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const type = response.headers()['content-type'] ?? '';
    const body =
      rewriteMeta && type.startsWith('text/html')
        ? rewriteMeta(await response.text())
        : await response.body();
    await route.fulfill({
      response,
      body,
      headers: { ...response.headers(), 'content-security-policy': policy },
    });
  });
}

test('search works under the image’s header policy too, in its Web Worker', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  const requests = recordRequests(page);
  await withHeaderPolicy(page, HEADER_CSP);
  await page.goto(KO);
  await page.keyboard.press('/');
  await searchFor(page, '이미지');
  await expectResultsIn(page, 'ko');
  expect(requests.some((request) => request.url().endsWith('/pagefind/pagefind-worker.js'))).toBe(true);
  expect(messages.filter((text) => /worker/i.test(text))).toEqual([]);
});

test.describe('without wasm-unsafe-eval', () => {
  test.use({ allowCspViolations: true });
  test('the browser refuses Pagefind’s WebAssembly: the policy needs it', async ({ page }) => {
    const strip = (policy: string) => policy.replace(" 'wasm-unsafe-eval'", '');
    expect(strip(HEADER_CSP)).not.toBe(HEADER_CSP);
    const refused = page.waitForEvent('console', (message) => /WebAssembly/i.test(message.text()));
    await withHeaderPolicy(page, strip(HEADER_CSP), (html) => html.replace(" 'wasm-unsafe-eval'", ''));
    await page.goto(EN);
    await page.keyboard.press('/');
    await page.locator('.search__input').fill('volume');
    expect((await refused).text()).toMatch(/Content Security Policy/i);
    await expect(page.locator('.search__results a')).toHaveCount(0);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe with the dialog open, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const [path, query] of [
      [EN, 'volume'],
      [KO, '볼륨'],
    ] as const) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await page.keyboard.press('/');
        await searchFor(page, query);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({
            rule: violation.id,
            nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
          }));
        expect(serious).toEqual([]);
      });
    }
  });
}
