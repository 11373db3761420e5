/**
 * Diagrams are drawn at build time: each `<figure class="diagram">` holds ONE inline `<svg>` for
 * both themes, its colours `light-dark()` custom properties that follow the page's color-scheme
 * (src/diagrams/mergeThemes.ts). Each SVG is an image with an accessible name from its own <title>.
 */
import type { Page } from '@playwright/test';
import { LESSONS, expect, luminance, test } from './site.ts';

/** Mermaid's default node lavender and note/cluster yellow, as written and as computed. */
const MERMAID_DEFAULTS = /#ececff|#fff5ad/i;
const MERMAID_DEFAULTS_COMPUTED = ['rgb(236, 236, 255)', 'rgb(255, 245, 173)'];

interface SvgInfo {
  /** Rendered at all (false when it or a wrapper inside the figure is display:none). */
  shown: boolean;
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

/**
 * Per figure, as Chromium computes them: the fill of its first node (flowchart) or actor box
 * (sequence diagram), the fill of that node's label, and every fill and stroke in the figure.
 */
function readColours(page: Page): Promise<{ node: string; label: string; all: string[] }[]> {
  return page.locator('figure.diagram').evaluateAll((figures) =>
    figures.map((figure) => {
      const node = figure.querySelector('g.node, rect.actor')!;
      const shape = node.matches('rect')
        ? node
        : node.querySelector(':scope > rect, :scope > polygon, :scope > path, :scope > g > path')!;
      // Mermaid colours an actor's name on its <tspan>s (the <text> has the box's fill).
      const box = node.matches('rect') ? node.parentElement! : node;
      const text = box.querySelector('text tspan') ?? box.querySelector('text')!;
      const all = [...figure.querySelectorAll('svg *')].flatMap((element) => {
        const style = getComputedStyle(element);
        return [style.fill, style.stroke];
      });
      return { node: getComputedStyle(shape).fill, label: getComputedStyle(text).fill, all };
    }),
  );
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

for (const lesson of LESSONS) {
  test.describe(`diagrams on ${lesson.path}`, () => {
    test("are one accessible SVG each, without Mermaid's default colours", async ({ page }) => {
      const response = await page.goto(lesson.path);
      const html = (await response?.text()) ?? '';
      expect(html, 'no Mermaid lavender (#ECECFF) or yellow (#fff5ad) in the page').not.toMatch(
        MERMAID_DEFAULTS,
      );
      const figures = await readFigures(page);
      expect(figures.length, 'every lesson has at least one diagram').toBeGreaterThan(0);
      for (const [index, figure] of figures.entries()) {
        const where = `diagram ${index + 1}`;
        expect(figure.other, `${where}: no images, canvases or unrendered Mermaid`).toEqual([]);
        expect(figure.svgs.length, `${where}: one <svg> for both themes`).toBe(1);
        const [svg] = figure.svgs;
        expect(svg!.shown, `${where}: shown`).toBe(true);
        expect(svg!.role, `${where}: role`).toBe('img');
        expect(svg!.labels.length, `${where}: aria-labelledby`).toBeGreaterThan(0);
        for (const label of svg!.labels) {
          expect(label, `${where}: aria-labelledby points at an element on the page`).not.toBeNull();
          expect(label?.tag, `${where}: the label is the SVG's <title>`).toBe('title');
          expect(label?.inside, `${where}: the <title> is inside that SVG`).toBe(true);
          expect(label?.text, `${where}: the <title> has text`).not.toBe('');
        }
      }
      // What assistive technology gets: each diagram is an image with a non-empty name.
      const shown = page.locator('figure.diagram svg[role="img"]:visible');
      await expect(shown).toHaveCount(figures.length);
      for (const svg of await shown.all()) await expect(svg).toHaveAccessibleName(/\S/);
    });

    test('change colour with the theme toggle and the OS setting, readable in both', async ({ page }) => {
      // No stored choice: the OS setting decides.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(lesson.path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      const light = await readColours(page);
      expect(light.length, 'diagrams on the page').toBeGreaterThan(0);

      // The OS switches to dark while the page is open, then on a fresh load.
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const darkLive = await readColours(page);
      await page.reload();
      const dark = await readColours(page);
      expect(darkLive, 'switching live gives the same colours as loading in dark').toEqual(dark);

      for (const [index, colours] of light.entries()) {
        const where = `diagram ${index + 1}`;
        expect(dark[index]!.node, `${where}: the node fill differs between light and dark`).not.toBe(
          colours.node,
        );
        for (const [theme, c] of [
          ['light', colours],
          ['dark', dark[index]!],
        ] as const) {
          expect(
            contrast(c.label, c.node),
            `${where}, ${theme}: label ${c.label} on node ${c.node}`,
          ).toBeGreaterThanOrEqual(4.5);
          for (const mermaid of MERMAID_DEFAULTS_COMPUTED)
            expect(c.all, `${where}, ${theme}: no Mermaid default colour`).not.toContain(mermaid);
        }
      }
      // Dark nodes on the dark page, light nodes on the light page.
      expect(luminance(dark[0]!.node)).toBeLessThan(luminance(light[0]!.node));

      // The toggle: from the OS's dark to light, and back.
      await page.locator('.theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await readColours(page), 'toggle to light gives the light colours').toEqual(light);
      await page.locator('.theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await readColours(page), 'toggle to dark gives the dark colours').toEqual(dark);

      // A stored choice beats the OS: light stored, OS dark.
      await page.locator('.theme-toggle').click();
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await readColours(page), 'stored light beats a dark OS').toEqual(light);
    });
  });
}
