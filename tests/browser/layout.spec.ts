/** At 360 px (a small phone) no page scrolls sideways, in either language. */
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
