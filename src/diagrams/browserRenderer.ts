/**
 * One headless Chromium page with Mermaid loaded, shared by every diagram of a build.
 *
 * - Lazy: nothing starts until the first cache miss, so a rebuild with no changed diagram never
 *   launches a browser.
 * - One browser, one page, renders one at a time (Mermaid keeps global state; Astro compiles
 *   several lessons at once, so calls are queued).
 * - Closes itself after `idleMs` without work. `astro build` does not exit the process when it is
 *   done, and an open browser would keep the build running forever; the integration
 *   (astroIntegration.ts) also closes it at the end of a build, and Playwright kills the browser
 *   if the process exits first.
 * - Mermaid is loaded from node_modules with addScriptTag({ path }), and every request the page
 *   might make is refused: rendering never touches a network.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIAGRAM_FONT_STACK, mermaidBundlePath, mermaidConfigFor, type DiagramTheme } from './config.ts';
import type { MermaidFailure } from './diagramErrors.ts';
import { launchChromiumWith } from '../utils/chromium.ts';

export type BrowserLauncher = () => Promise<Browser>;

export type RenderOutcome =
  { ok: true; svg: string; diagramType: string } | { ok: false; failure: MermaidFailure };

/** The id every diagram is rendered with; finishSvg.ts replaces it with a page-unique prefix. */
export const RENDER_ID = 'mmd';

/**
 * Diagrams render in the site's one Chromium (src/utils/chromium.ts: same binary, same flags).
 * playwright-core is imported statically here, not with the `import()` of utils/chromium.ts:
 * Astro loads this module through the Vite module runner that read astro.config.mjs, and that
 * runner is closed by the time the first diagram misses the cache; a dynamic import through it
 * fails with "Vite module runner has been closed" (seen on a cold cache).
 */
export const launchChromium: BrowserLauncher = () => launchChromiumWith(chromium);

/**
 * Runs inside the page. Plain JavaScript in a string, not a function passed to page.evaluate:
 * tsx and Vite may wrap named functions in helpers (`__name`) that do not exist in the page.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  // Mermaid 12 gives several diagram types their own theme ("redux-color"), look ("neo"),
  // layout ("elk") and fonts ("Open Sans", "trebuchet ms"); those beat the top-level settings.
  // Override every such per-diagram default the installed Mermaid has.
  const perDiagramOverrides = (theme, fontStack) => {
    const out = {};
    for (const [section, value] of Object.entries(mermaid.mermaidAPI.defaultConfig)) {
      if (!value || typeof value !== 'object' || Array.isArray(value) || section === 'themeVariables') continue;
      const o = {};
      for (const key of Object.keys(value)) {
        if (key === 'theme') o.theme = theme;
        else if (key === 'look') o.look = 'classic';
        else if (key === 'layout' && value.layout === 'elk') o.layout = 'dagre';
        else if (/FontFamily$/.test(key)) o[key] = fontStack;
      }
      if (Object.keys(o).length) out[section] = o;
    }
    return out;
  };
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);
  const merge = (a, b) => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
    return out;
  };
  // Some renderers name elements with Math.random(); a seed taken from the source makes the
  // output the same on every build.
  const seeded = (seed) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  window.__docksideRender = async (id, source, config, fontStack, seed) => {
    mermaid.initialize(merge(perDiagramOverrides(config.theme, fontStack), config));
    const realRandom = Math.random;
    Math.random = seeded(seed);
    try {
      const { svg, diagramType } = await mermaid.render(id, source);
      return { ok: true, svg, diagramType };
    } catch (error) {
      const line = error && error.hash && error.hash.loc ? error.hash.loc.first_line : undefined;
      return {
        ok: false,
        failure: {
          name: (error && error.name) || 'Error',
          message: String((error && error.message) || error),
          ...(typeof line === 'number' ? { line } : {}),
        },
      };
    } finally {
      Math.random = realRandom;
      document.body.replaceChildren();
    }
  };
})();
`;

export interface MermaidBrowserOptions {
  launch?: BrowserLauncher;
  /** Close the browser after this long without a render. */
  idleMs?: number;
  /** Give up on one diagram after this long (a runaway layout must not hang the build). */
  renderTimeoutMs?: number;
}

export class MermaidBrowser {
  /** How many times a browser was launched (the tests count these). */
  launches = 0;
  private readonly launch: BrowserLauncher;
  private readonly idleMs: number;
  private readonly renderTimeoutMs: number;
  private session: Promise<{ browser: Browser; page: Page }> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(options: MermaidBrowserOptions = {}) {
    this.launch = options.launch ?? launchChromium;
    this.idleMs = options.idleMs ?? 5_000;
    this.renderTimeoutMs = options.renderTimeoutMs ?? 60_000;
  }

  /** Renders one diagram in one theme. Calls run one after another. */
  render(source: string, theme: DiagramTheme, seed: number): Promise<RenderOutcome> {
    const run = this.queue.then(() => this.renderNow(source, theme, seed));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    try {
      await (await session).browser.close();
    } catch {
      // It failed to start or is already gone: nothing left to close.
    }
  }

  private async renderNow(source: string, theme: DiagramTheme, seed: number): Promise<RenderOutcome> {
    clearTimeout(this.idleTimer);
    try {
      const { page } = await this.open();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`Mermaid took longer than ${this.renderTimeoutMs / 1000} s to render a diagram`),
            ),
          this.renderTimeoutMs,
        );
      });
      try {
        return await Promise.race([
          page.evaluate(
            ([id, text, config, fontStack, s]) =>
              (
                window as unknown as { __docksideRender: (...args: unknown[]) => Promise<RenderOutcome> }
              ).__docksideRender(id, text, config, fontStack, s),
            [RENDER_ID, source, mermaidConfigFor(theme), DIAGRAM_FONT_STACK, seed] as const,
          ),
          timeout,
        ]);
      } catch (error) {
        // The page may be wedged; start from a fresh browser next time.
        await this.close();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    } finally {
      if (this.session) {
        this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      }
    }
  }

  private open(): Promise<{ browser: Browser; page: Page }> {
    this.session ??= (async () => {
      this.launches++;
      const browser = await this.launch();
      try {
        // A fixed viewport: a few diagram types (gantt) size themselves to the page width.
        const context = await browser.newContext({
          viewport: { width: 1200, height: 800 },
          deviceScaleFactor: 1,
        });
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
        );
        await page.addScriptTag({ path: mermaidBundlePath() });
        await page.addScriptTag({ content: PAGE_SCRIPT });
        return { browser, page };
      } catch (error) {
        await browser.close().catch(() => undefined);
        throw error;
      }
    })();
    const session = this.session;
    // A failed start is not kept: the next diagram tries again (and reports the error again).
    session.catch(() => {
      if (this.session === session) this.session = undefined;
    });
    return session;
  }
}
