/**
 * What the browser tests share: the pages to visit (lessons come from the lesson files, never a
 * hard-coded list), a `test` that fails any test whose pages sent a request off the preview
 * server's origin, and small helpers for reading the page.
 */
import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';
import { listLessonFiles, readLessonFile, type LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { tabGroups, type LessonBlock } from '../../src/lesson-model/lessonBlocks.ts';
import type { Locale } from '../../src/lesson-model/schemas/lesson.ts';

export { expect };

export interface LessonPage {
  locale: Locale;
  slug: string;
  /** The page's path on the site, e.g. /en/images/. */
  path: string;
  /** The parsed source: front matter and command blocks, through the same parser as the site. */
  source: LessonFile;
  /** Tab groups the page must show: runs of adjacent command blocks for different shells. */
  tabGroups: LessonBlock[][];
}

export const LESSONS: LessonPage[] = listLessonFiles().map((file) => {
  const source = readLessonFile(file);
  return {
    locale: source.locale,
    slug: source.slug,
    path: `/${source.locale}/${source.slug}/`,
    source,
    // The lesson model's rule, as the remark plugin renders it; groups of one are plain blocks.
    tabGroups: tabGroups(source.blocks).filter((group) => group.length > 1),
  };
});

export const HOME_PAGES = ['/en/', '/ko/'] as const;

/** Every page a reader can reach: both home pages and every lesson in both languages. */
export const ALL_PAGES: string[] = [...HOME_PAGES, ...LESSONS.map((lesson) => lesson.path)];

export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'ko' : 'en');

/** URLs that never leave the browser. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export function leavesOrigin(request: Request, origin: string): boolean {
  const url = new URL(request.url());
  return !LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin;
}

/** A console message that reports a Content-Security-Policy violation (or a policy Chromium cannot apply). */
export const isCspMessage = (text: string) => /Content[- ]Security[- ]Policy/i.test(text);

export const test = base.extend<{
  origin: string;
  offOriginGuard: void;
  cspGuard: void;
  /** Only for the test that provokes a violation on purpose (csp.spec.ts). */
  allowCspViolations: boolean;
}>({
  allowCspViolations: [false, { option: true }],
  origin: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set: run the browser tests through playwright.config.ts');
    await use(new URL(baseURL).origin);
  },
  // Every test, every page: nothing may be fetched from anywhere but the preview server.
  offOriginGuard: [
    async ({ context, origin }, use) => {
      const away: string[] = [];
      context.on('request', (request) => {
        if (leavesOrigin(request, origin)) away.push(`${request.resourceType()} ${request.url()}`);
      });
      await use();
      expect(away, `requests that left ${origin}`).toEqual([]);
    },
    { auto: true },
  ],
  // Every test, every page: no Content-Security-Policy violation. Chromium reports each one on the
  // console ("Refused to execute inline script because it violates …"), and a policy it cannot apply
  // too; securitypolicyviolation events are collected as well, for violations it does not log.
  cspGuard: [
    async ({ context, allowCspViolations }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(
            `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
          ),
        );
      });
      context.on('console', (message) => {
        if (isCspMessage(message.text()))
          violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
      });
      await use();
      if (!allowCspViolations) expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** Parses `rgb(r, g, b)` / `rgba(…)` and returns the relative luminance (0 black … 1 white). */
export function luminance(color: string): number {
  const parts = color.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) throw new Error(`not an rgb() colour: ${color}`);
  const [r, g, b] = parts.slice(0, 3).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export async function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** The rendered command block of a source block: the figure carries the fence's line number. */
export function commandBlock(page: Page, block: LessonBlock): Locator {
  return page.locator(`figure.cmd[data-line="${block.block.line}"]`);
}

/**
 * Opens every closed disclosure that holds command blocks (an exercise's solution), by its summary as a
 * reader would; works without JavaScript too.
 */
export async function openDisclosures(page: Page): Promise<void> {
  const closed = page.locator('details:not([open])').filter({ has: page.locator('figure.cmd') });
  while (await closed.count()) await closed.first().locator(':scope > summary').click();
}

/** Shows a block that sits in a closed disclosure or a hidden tab panel: opens it, or chooses its shell. */
export async function reveal(page: Page, cmd: Locator): Promise<void> {
  if (await cmd.isVisible()) return;
  // An exercise's solution sits in a closed <details>: open it as a learner would, by its summary.
  const closed = page.locator('details:not([open])').filter({ has: cmd });
  if (await closed.count()) await closed.last().locator(':scope > summary').click();
  if (await cmd.isVisible()) return;
  const shell = await cmd.getAttribute('data-shell');
  const group = page.locator('.cmd-tabs').filter({ has: cmd });
  await group.locator(`[role="tab"][data-shell="${shell}"]`).click();
  await expect(cmd).toBeVisible();
}

/**
 * Emulates an operating system as the page sees it: the User-Agent header, navigator.userAgent,
 * navigator.platform and navigator.userAgentData (Chromium's DevTools protocol). Call before goto.
 */
export async function emulatePlatform(page: Page, os: 'Windows' | 'Linux' | 'macOS'): Promise<void> {
  const profiles = {
    Windows: { ua: 'Windows NT 10.0; Win64; x64', platform: 'Win32', version: '15.0.0' },
    Linux: { ua: 'X11; Linux x86_64', platform: 'Linux x86_64', version: '6.1.0' },
    macOS: { ua: 'Macintosh; Intel Mac OS X 10_15_7', platform: 'MacIntel', version: '15.1.0' },
  } as const;
  const profile = profiles[os];
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setUserAgentOverride', {
    userAgent: `Mozilla/5.0 (${profile.ua}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36`,
    platform: profile.platform,
    userAgentMetadata: {
      brands: [{ brand: 'Chromium', version: '140' }],
      platform: os,
      platformVersion: profile.version,
      architecture: 'x86',
      model: '',
      mobile: false,
    },
  });
}
