/**
 * Screenshots of built pages as readers see them: 360 px and 1280 px, light and dark.
 * Usage: npm run build && npx astro preview & npx tsx scripts/screenshots.ts /en/images/ [/ko/images/ …]
 * FULL=1 takes whole pages; SELECTOR='.diagram' takes the first matching element (with NTH=2 the third).
 * Writes PNGs to .cache/screenshots/ for people to look at; asserts nothing.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/browser/chromium.ts';

const base = process.env.DOCKSIDE_URL ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(2);
const out = '.cache/screenshots';
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
for (const pagePath of paths.length ? paths : ['/en/']) {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(base + pagePath);
      const name = `${out}/${pagePath.replace(/\W+/g, '_')}${width}-${scheme}.png`;
      if (process.env.SELECTOR)
        await page
          .locator(process.env.SELECTOR)
          .nth(Number(process.env.NTH ?? 0))
          .screenshot({ path: name });
      else await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
      console.log(name);
      await page.close();
    }
  }
}
await browser.close();
