/**
 * Two languages: the switch keeps the reader on the same lesson, each page declares its language,
 * and Korean text uses the Korean system font stack (never a web font) without breaking words.
 */
import { absoluteUrl } from '../../src/site.config.ts';
import { HOME_PAGES, LESSONS, expect, otherLocale, test } from './site.ts';

test.describe('the language switch keeps the page', () => {
  const pages = [
    ...HOME_PAGES.map((path) => ({ path, locale: path.split('/')[1] as 'en' | 'ko', slug: '' })),
    ...LESSONS,
  ];
  for (const from of pages) {
    test(from.path, async ({ page }) => {
      const to = `/${otherLocale(from.locale)}/${from.slug ? `${from.slug}/` : ''}`;
      await page.goto(from.path);
      await expect(page.locator('html')).toHaveAttribute('lang', from.locale);
      const h1 = await page.locator('h1').textContent();

      const response = page.waitForResponse(
        (r) => new URL(r.url()).pathname === to && r.request().resourceType() === 'document',
      );
      await page.locator('.lang-switch').click();
      expect((await response).status(), `${to} exists`).toBe(200);
      await expect(page).toHaveURL(to);
      await expect(page.locator('html')).toHaveAttribute('lang', otherLocale(from.locale));

      await page.locator('.lang-switch').click();
      await expect(page).toHaveURL(from.path);
      await expect(page.locator('html')).toHaveAttribute('lang', from.locale);
      await expect(page.locator('h1')).toHaveText(h1 ?? '');
    });
  }
});

test.describe('search engines get absolute canonical and hreflang links', () => {
  const pages = [
    ...HOME_PAGES.map((path) => ({ path, locale: path.split('/')[1] as 'en' | 'ko', slug: '' })),
    ...LESSONS,
  ];
  for (const from of pages) {
    test(from.path, async ({ page }) => {
      const other = otherLocale(from.locale);
      const otherPath = `/${other}/${from.slug ? `${from.slug}/` : ''}`;
      await page.goto(from.path);
      const hrefOf = (selector: string) => page.locator(selector).getAttribute('href');
      expect(await hrefOf('link[rel="canonical"]')).toBe(absoluteUrl(from.path));
      expect(await hrefOf(`link[rel="alternate"][hreflang="${from.locale}"]`)).toBe(absoluteUrl(from.path));
      expect(await hrefOf(`link[rel="alternate"][hreflang="${other}"]`)).toBe(absoluteUrl(otherPath));
      expect(await hrefOf('link[rel="alternate"][hreflang="x-default"]')).toBe(
        absoluteUrl(from.locale === 'en' ? from.path : otherPath),
      );
      await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
        'content',
        absoluteUrl(from.path),
      );
    });
  }
});

test.describe('fonts and line breaking', () => {
  for (const lesson of LESSONS.filter((l) => l.locale === 'ko')) {
    test(`${lesson.path} uses the Korean font stack and keeps words whole`, async ({ page }) => {
      await page.goto(lesson.path);
      for (const selector of ['h1', '.lesson__description', '.prose p']) {
        const element = page.locator(selector).first();
        const style = await element.evaluate((node) => {
          const computed = getComputedStyle(node);
          return {
            fontFamily: computed.fontFamily,
            wordBreak: computed.wordBreak,
            lang: node.closest('[lang]')?.getAttribute('lang'),
          };
        });
        expect(style.lang, selector).toBe('ko');
        expect(style.wordBreak, `${selector}: word-break`).toBe('keep-all');
        // Each OS's own Korean font, then Noto for Linux.
        for (const family of ['Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR']) {
          expect(style.fontFamily, `${selector}: font-family`).toContain(family);
        }
      }
      // Commands keep the monospace font: the Korean stack must not reach code.
      const codeFont = await page
        .locator('.prose .cmd__body .cmd__line')
        .first()
        .evaluate((node) => getComputedStyle(node).fontFamily);
      expect(codeFont, 'command block font').toMatch(/^ui-monospace/);
      // The glyphs really come from an installed Korean font, not from a download or a fallback box.
      const session = await page.context().newCDPSession(page);
      await session.send('DOM.enable');
      await session.send('CSS.enable');
      const { root } = await session.send('DOM.getDocument');
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(
        fonts.some((font) => /Noto Sans CJK KR|Noto Sans KR/.test(font.familyName)),
        JSON.stringify(fonts),
      ).toBe(true);
      expect(
        fonts.filter((font) => font.isCustomFont),
        'web fonts',
      ).toEqual([]);
    });
  }

  test('English pages break words normally', async ({ page }) => {
    const lesson = LESSONS.find((l) => l.locale === 'en');
    await page.goto(lesson!.path);
    const wordBreak = await page
      .locator('.prose p')
      .first()
      .evaluate((node) => getComputedStyle(node).wordBreak);
    expect(wordBreak).toBe('normal');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
