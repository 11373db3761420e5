/**
 * The Content-Security-Policy: every page carries the policy from src/security/csp.ts in a <meta>,
 * scripts run only from the site's own files and the hashed theme script, and the browser really
 * enforces it. (Every other test fails on any violation too: the cspGuard in site.ts.)
 */
import { META_CSP } from '../../src/security/csp.ts';
import { ALL_PAGES, expect, test } from './site.ts';

const scriptSrc = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1) ?? [];

test('the policy allows no inline script but the hashed one, and no other origin', () => {
  const sources = scriptSrc(META_CSP);
  expect(sources).toContain("'self'");
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
  // 'wasm-unsafe-eval': the search's WebAssembly (src/security/csp.ts; search.spec.ts shows it is needed).
  for (const source of sources) expect(source).toMatch(/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/);
  expect(META_CSP).not.toMatch(/https?:|\*/);
});

test('the root page, which only redirects, carries the policy too', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1];
  expect(meta?.replace(/&#39;/g, "'")).toBe(META_CSP);
});

for (const path of [...ALL_PAGES, '/404.html']) {
  test(`${path} carries the policy, and its scripts run under it`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      META_CSP,
    );
    // The hashed head script ran (it sets the theme and the `js` class) …
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    await expect(page.locator('html')).toHaveClass(/\bjs\b/);
    // … and so did the site's module script from /_astro/ (it shows the theme switch).
    await expect(page.locator('.theme-toggle')).toBeVisible();
  });
}

test.describe('enforcement', () => {
  test.use({ allowCspViolations: true });
  test('the browser blocks an inline script the policy does not allow', async ({ page }) => {
    await page.goto('/en/');
    const blocked = page.waitForEvent('console', (message) =>
      /Content Security Policy/i.test(message.text()),
    );
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran, 'an injected inline script ran').toBe(false);
    expect((await blocked).text()).toMatch(/script-src/);
  });
});
