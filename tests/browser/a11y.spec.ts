/** axe-core finds no serious or critical violation on any page, in the light and the dark theme. */
import AxeBuilder from '@axe-core/playwright';
import { ALL_PAGES, expect, test } from './site.ts';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of ALL_PAGES) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes
              .slice(0, 5)
              .map(
                (node) =>
                  `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('')}`,
              ),
            count: violation.nodes.length,
          }));
        expect(serious).toEqual([]);
        expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
      });
    }
  });
}
