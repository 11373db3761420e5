/** The html check runs html-validate's recommended rules on every page of a built site. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHtml } from '../../../scripts/checks/html.ts';

const page = (body: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Page</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

let dist = '';
function site(pages: Record<string, string>): string {
  dist = mkdtempSync(path.join(tmpdir(), 'dockside-html-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), html);
  }
  return dist;
}
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('html check', () => {
  it('passes valid pages', async () => {
    const result = await checkHtml({
      distDir: site({ 'en/index.html': page('<main>\n<p>Hello</p>\n</main>') }),
    });
    expect(result.problems).toEqual([]);
    expect(result.summary).toContain('1 pages');
  });

  it('reports unnamed landmarks and inline styles at the page line, with the rule', async () => {
    const result = await checkHtml({
      distDir: site({
        'en/a/index.html': page(
          '<main>\n<aside><p>one</p></aside>\n<aside><p>two</p></aside>\n<p style="color: red">x</p>\n</main>',
        ),
      }),
    });
    const messages = result.problems.map((problem) => problem.message);
    expect(messages.some((m) => /en\/a\/index\.html:9: html-validate unique-landmark/.test(m))).toBe(true);
    expect(messages.some((m) => /en\/a\/index\.html:11: html-validate no-inline-style/.test(m))).toBe(true);
    expect(messages.every((m) => m.includes('html-validate.org/rules/'))).toBe(true);
  });

  it('says to build first when there is no site', async () => {
    await expect(checkHtml({ distDir: path.join(tmpdir(), 'dockside-no-such-dist') })).rejects.toThrow(
      /npm run build/,
    );
  });
});
