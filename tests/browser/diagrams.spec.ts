/**
 * Diagrams are drawn at build time: each `<figure class="diagram">` holds a light and a dark
 * inline `<svg>`, and CSS shows the one that matches the page's theme (the other is display:none,
 * on the SVG or on a wrapper inside the figure).
 * Each SVG is an image with an accessible name from its own <title>.
 */
import type { Page } from '@playwright/test';
import { LESSONS, expect, test } from './site.ts';

interface SvgInfo {
  /** Rendered at all (false when it or a wrapper inside the figure is display:none). */
  shown: boolean;
  /** Hidden by display:none on the SVG or on a wrapper inside the figure. */
  displayNone: boolean;
  role: string | null;
  /** What aria-labelledby points at, in order; `null` for an id that is not on the page. */
  labels: ({ tag: string; text: string; inside: boolean } | null)[];
}

/** Per figure: its top-level SVGs (not the SVGs nested inside them). */
function readFigures(page: Page): Promise<{ svgs: SvgInfo[]; other: string[] }[]> {
  return page.locator('figure.diagram').evaluateAll((figures) =>
    figures.map((figure) => {
      const svgs = [...figure.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
      return {
        svgs: svgs.map((svg) => ({
          shown: svg.checkVisibility(),
          displayNone: (() => {
            for (let node: Element | null = svg; node && node !== figure; node = node.parentElement) {
              if (getComputedStyle(node).display === 'none') return true;
            }
            return false;
          })(),
          role: svg.getAttribute('role'),
          labels: (svg.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => {
              const target = document.getElementById(id);
              return target
                ? {
                    tag: target.tagName.toLowerCase(),
                    text: (target.textContent ?? '').trim(),
                    inside: svg.contains(target),
                  }
                : null;
            }),
        })),
        // A diagram is SVG markup, not a picture of one or a canvas, and no Mermaid source is left to render.
        other: [
          ...figure.querySelectorAll('img, canvas, object, iframe, pre.mermaid, .mermaid:not(svg)'),
        ].map((element) => element.tagName.toLowerCase()),
      };
    }),
  );
}

/** Index of the one visible SVG in each figure (-1 when none or several are visible). */
async function visibleSvgs(page: Page): Promise<number[]> {
  const figures = await readFigures(page);
  return figures.map((figure) => {
    const shown = figure.svgs.flatMap((svg, index) => (svg.shown ? [index] : []));
    return shown.length === 1 ? shown[0]! : -1;
  });
}

for (const lesson of LESSONS) {
  test.describe(`diagrams on ${lesson.path}`, () => {
    test('are SVGs with accessible names, one per theme', async ({ page }) => {
      await page.goto(lesson.path);
      const figures = await readFigures(page);
      expect(figures.length, 'every lesson has at least one diagram').toBeGreaterThan(0);
      for (const [index, figure] of figures.entries()) {
        const where = `diagram ${index + 1}`;
        expect(figure.other, `${where}: no images, canvases or unrendered Mermaid`).toEqual([]);
        expect(figure.svgs.length, `${where}: a light and a dark <svg>`).toBe(2);
        expect(figure.svgs.filter((svg) => svg.shown).length, `${where}: exactly one shown`).toBe(1);
        expect(
          figure.svgs.filter((svg) => !svg.shown && svg.displayNone).length,
          `${where}: the other one display:none`,
        ).toBe(1);
        for (const svg of figure.svgs) {
          expect(svg.role, `${where}: role`).toBe('img');
          expect(svg.labels.length, `${where}: aria-labelledby`).toBeGreaterThan(0);
          for (const label of svg.labels) {
            expect(label, `${where}: aria-labelledby points at an element on the page`).not.toBeNull();
            expect(label?.tag, `${where}: the label is the SVG's <title>`).toBe('title');
            expect(label?.inside, `${where}: the <title> is inside that SVG`).toBe(true);
            expect(label?.text, `${where}: the <title> has text`).not.toBe('');
          }
        }
      }
      // What assistive technology gets: each shown diagram is an image with a non-empty name.
      const shown = page.locator('figure.diagram svg[role="img"]:visible');
      await expect(shown).toHaveCount(figures.length);
      for (const svg of await shown.all()) await expect(svg).toHaveAccessibleName(/\S/);
    });

    test('follow the theme toggle and the OS setting', async ({ page }) => {
      // No stored choice: the OS setting decides.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(lesson.path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      const light = await visibleSvgs(page);
      expect(light.length, 'diagrams on the page').toBeGreaterThan(0);
      expect(light, 'one SVG shown per diagram').not.toContain(-1);

      // The OS switches to dark while the page is open, then on a fresh load.
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const darkLive = await visibleSvgs(page);
      await page.reload();
      const darkOs = await visibleSvgs(page);
      for (const [index, shown] of light.entries()) {
        expect(darkOs[index], `diagram ${index + 1}: the dark SVG shows when the OS is dark`).not.toBe(shown);
        expect(darkOs[index], `diagram ${index + 1}: exactly one SVG shows`).not.toBe(-1);
      }
      expect(darkLive, 'switching live shows the same SVGs as loading in dark').toEqual(darkOs);

      // The toggle: from the OS's dark to light, and back.
      await page.locator('.theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await visibleSvgs(page), 'toggle to light shows the light SVGs').toEqual(light);
      await page.locator('.theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await visibleSvgs(page), 'toggle to dark shows the dark SVGs').toEqual(darkOs);

      // A stored choice beats the OS: light stored, OS dark.
      await page.locator('.theme-toggle').click();
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await visibleSvgs(page), 'stored light beats a dark OS').toEqual(light);
    });
  });
}
