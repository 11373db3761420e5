/**
 * A Mermaid diagram from a lesson, as the one SVG the page embeds, its colours following the
 * page's theme.
 *
 * Steps: read accTitle/accDescr (a diagram without them fails the build, before any browser
 * starts) → for each site palette (light, dark), look the raw SVG up in the disk cache, or render
 * it in Chromium and store it → merge the two into one SVG whose differing colours are
 * light-dark() custom properties (mergeThemes.ts) → give ids a page-unique prefix and write the
 * accessible name (finishSvg.ts).
 *
 * The cache holds Mermaid's raw output per palette, keyed by everything that changes it (source,
 * Mermaid version, config including the palette's themeVariables, render step): a palette change
 * misses the cache. Merging and finishing are pure and cheap and run on every build from the
 * cached renders, so changing them needs no key change and can never serve a stale merge.
 */
import { LessonError } from '../lesson-model/errors.ts';
import { extractAccessibleText } from './accessibleText.ts';
import { MermaidBrowser, RENDER_ID, type MermaidBrowserOptions } from './browserRenderer.ts';
import { diagramCacheKey, idPrefix, renderSeed } from './cacheKey.ts';
import {
  DIAGRAM_THEMES,
  RENDER_STEP_VERSION,
  mermaidConfigFor,
  mermaidVersion,
  type DiagramTheme,
} from './config.ts';
import { createDiskCache, type SvgCache } from './diskCache.ts';
import { fileLine, mermaidFailureToLessonError, type DiagramLocation } from './diagramErrors.ts';
import { finishSvg } from './finishSvg.ts';
import { ThemeMergeError, mergeThemeRenders } from './mergeThemes.ts';

export type { DiagramLocation } from './diagramErrors.ts';

export interface RenderedDiagram {
  /** The SVG for both site themes (colours are light-dark() custom properties), ids prefixed. */
  svg: string;
  /** From accTitle: the diagram's accessible name. */
  title: string;
  /** From accDescr: the diagram's accessible description. */
  description: string;
}

export interface RenderDiagramOptions {
  /**
   * 0 for the first time this exact source appears on a page, 1 for the second … Two identical
   * diagrams on one page would otherwise get identical ids.
   */
  occurrence?: number;
}

/** What a renderer needs; the tests swap in their own cache and launcher. */
export interface DiagramRendererDependencies {
  cache: SvgCache;
  browser: Pick<MermaidBrowser, 'render' | 'close'>;
  mermaidVersion: string;
}

export interface DiagramRenderer {
  renderDiagram(
    source: string,
    at: DiagramLocation,
    options?: RenderDiagramOptions,
  ): Promise<RenderedDiagram>;
  close(): Promise<void>;
}

const ACCESSIBLE_TEXT_FIX =
  'Add, right after the diagram type line, "accTitle: <a short name for the diagram>" and ' +
  '"accDescr: <one or two sentences saying what it shows>"; screen readers read these instead of the drawing';

export function createDiagramRenderer(dependencies: DiagramRendererDependencies): DiagramRenderer {
  const { cache, browser } = dependencies;

  async function renderDiagram(
    source: string,
    at: DiagramLocation,
    options: RenderDiagramOptions = {},
  ): Promise<RenderedDiagram> {
    const accessible = extractAccessibleText(source);
    if (accessible.unclosedDescriptionLine !== undefined) {
      throw new LessonError(
        at.file,
        fileLine(at, accessible.unclosedDescriptionLine),
        'this "accDescr {" has no closing "}"',
        'End the description with "}"',
      );
    }
    const missing = [
      accessible.title ? undefined : 'accTitle',
      accessible.description ? undefined : 'accDescr',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new LessonError(
        at.file,
        at.line,
        `this mermaid diagram has no ${missing.join(' and no ')}`,
        ACCESSIBLE_TEXT_FIX,
      );
    }
    const title = accessible.title!;
    const description = accessible.description!;

    const raw = {} as Record<DiagramTheme, string>;
    for (const theme of DIAGRAM_THEMES) {
      const key = diagramCacheKey({
        source,
        theme,
        mermaidVersion: dependencies.mermaidVersion,
        renderConfig: { config: mermaidConfigFor(theme), renderStep: RENDER_STEP_VERSION },
      });
      let svg = cache.get(key);
      if (svg === undefined) {
        const outcome = await browser.render(accessible.source, theme, renderSeed(source));
        if (!outcome.ok) throw mermaidFailureToLessonError(outcome.failure, accessible.source, at);
        svg = outcome.svg;
        cache.set(key, svg);
      }
      raw[theme] = svg;
    }

    let merged: string;
    try {
      merged = mergeThemeRenders(raw.light, raw.dark, `#${RENDER_ID}`).svg;
    } catch (error) {
      if (!(error instanceof ThemeMergeError)) throw error;
      throw new LessonError(
        at.file,
        at.line,
        `Mermaid drew this diagram differently for the light and the dark theme, not only in colour: ${error.message}` +
          (error.light || error.dark ? ` (light: "${error.light}", dark: "${error.dark}")` : ''),
        'Remove any theme, themeVariables, look or layout settings from the diagram (front matter "config:" or a %%{init}%% line): ' +
          'the build sets them for both themes. If it has none, this is a bug in src/diagrams/mergeThemes.ts, not in the lesson',
      );
    }
    const svg = finishSvg(merged, {
      renderId: RENDER_ID,
      prefix: idPrefix(source, options.occurrence),
      title,
      description,
    });
    return { svg, title, description };
  }

  return { renderDiagram, close: () => browser.close() };
}

/**
 * The build's one renderer (disk cache under .cache/mermaid, Chromium started on the first miss).
 * Kept on globalThis: Astro may load this module more than once (config loader, Vite SSR), and all
 * copies must share one browser so that closing it at the end of the build closes the right one.
 */
const SHARED = Symbol.for('dockside.diagrams.renderer');
type Shared = { renderer?: DiagramRenderer };

function shared(): DiagramRenderer {
  const holder = globalThis as typeof globalThis & { [SHARED]?: Shared };
  holder[SHARED] ??= {};
  holder[SHARED].renderer ??= createDiagramRenderer({
    cache: createDiskCache(),
    browser: new MermaidBrowser(browserOptionsFromEnv()),
    mermaidVersion: mermaidVersion(),
  });
  return holder[SHARED].renderer;
}

function browserOptionsFromEnv(): MermaidBrowserOptions {
  const idle = Number(process.env.DOCKSIDE_DIAGRAM_IDLE_MS);
  return Number.isFinite(idle) && idle > 0 ? { idleMs: idle } : {};
}

/** Renders a lesson's Mermaid diagram (one SVG for both themes, accessible name and description). */
export function renderDiagram(
  source: string,
  at: DiagramLocation,
  options?: RenderDiagramOptions,
): Promise<RenderedDiagram> {
  return shared().renderDiagram(source, at, options);
}

/** Closes the shared browser, if one was started. Call at the end of a build (astroIntegration.ts does). */
export async function closeDiagramBrowser(): Promise<void> {
  const holder = globalThis as typeof globalThis & { [SHARED]?: Shared };
  await holder[SHARED]?.renderer?.close();
}
