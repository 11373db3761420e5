/**
 * At 360 px (a small phone) no page scrolls sideways, in either language, and the header's controls
 * keep their full size (a squeezed menu button once showed no icon at all).
 */
import { ALL_PAGES, expect, test } from './site.ts';

test.describe('no horizontal page scroll at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of ALL_PAGES) {
    test(path, async ({ page }) => {
      await page.goto(path);
      const widths = await page.evaluate(() => ({
        scroll: document.scrollingElement!.scrollWidth,
        client: document.scrollingElement!.clientWidth,
        // For the message: what sticks out.
        wide: [...document.querySelectorAll('body *')]
          .filter(
            (element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
          )
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
      }));
      expect(
        widths.scroll,
        `scrollWidth; elements past the edge: ${widths.wide.join(', ')}`,
      ).toBeLessThanOrEqual(360);
    });
  }
});

test.describe('header controls keep their size at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of ['/en/', '/ko/', '/en/what-is-docker/', '/ko/what-is-docker/']) {
    test(path, async ({ page }) => {
      await page.goto(path);
      const controls = page.locator('.site-header button:visible, .site-header .header-actions > a:visible');
      // Search, language and theme everywhere; the lesson menu on lesson pages.
      expect(await controls.count()).toBeGreaterThanOrEqual(path.split('/').length > 3 ? 4 : 3);
      for (const control of await controls.all()) {
        const size = await control.evaluate((element) => ({
          name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.className,
          content: element.scrollWidth,
          box: element.clientWidth,
          icon: element.querySelector('svg:not([hidden])')?.getBoundingClientRect().width,
          // The width the icon is drawn at (its width attribute).
          iconWidth: Number(element.querySelector('svg:not([hidden])')?.getAttribute('width') ?? 0),
        }));
        expect(size.content, `${size.name} is narrower than its content`).toBeLessThanOrEqual(size.box);
        if (size.icon !== undefined)
          expect(size.icon, `${size.name}'s icon`).toBeGreaterThanOrEqual(size.iconWidth - 0.5);
      }
      const header = await page.locator('.site-header').evaluate((element) => element.scrollWidth);
      expect(header).toBeLessThanOrEqual(360);
    });
  }
});
