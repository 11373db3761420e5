/**
 * Everything that decides how a Mermaid diagram looks. It lives in one place because all of it
 * is part of the cache key: change a value here and every diagram renders again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { themeVariablesFor } from './theme.ts';

export type DiagramTheme = 'light' | 'dark';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

/**
 * The site's text font stack. Diagram labels are measured with it at build time and drawn with it
 * in the reader's browser, so a box is as wide as its label in both languages. The site CSS uses
 * the same stack for diagram text.
 */
export const DIAGRAM_FONT_STACK =
  '"Noto Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif';

/**
 * Mermaid's theme for both site themes: `base`, recoloured with the site palette (theme.ts). The
 * figure background is transparent in both.
 */
export const MERMAID_THEME = 'base';

/**
 * Bump when the page-side render step changes (browserRenderer.ts, PAGE_SCRIPT) so cached SVGs
 * made by the old step are not reused. Post-processing (finishSvg.ts) runs on every build from
 * the cached raw SVG, so changing it needs no bump.
 */
export const RENDER_STEP_VERSION = 3;

/**
 * The configuration passed to `mermaid.initialize` for one theme.
 * - `layout: 'dagre'`, `look: 'classic'`: Mermaid 12 defaults to ELK and, per diagram type, to the
 *   "neo" look and the "redux-color" theme. The page script also overrides those per-diagram
 *   defaults (see PAGE_SCRIPT in browserRenderer.ts), because a per-diagram default beats nothing
 *   we set here at the top level for some diagram types.
 * - `htmlLabels: false`: labels are SVG <text>, not HTML in a fixed-size <foreignObject>, so a
 *   reader's font that is a little wider than the build machine's spills into the padding instead
 *   of being cut off or wrapping out of its box.
 * - Paddings are larger than Mermaid's defaults (15 and 8) for the same reason.
 * - `wrappingWidth: 200` (Mermaid 12: 120): lessons break long labels with <br/> where the
 *   meaning allows; at 120 px Mermaid also broke short Korean phrases such as
 *   "네임스페이스 + cgroup" in the middle.
 * - `securityLevel: 'strict'`: no click handlers or raw HTML; nothing interactive survives
 *   build-time rendering anyway.
 * - `suppressErrorRendering`: on a syntax error Mermaid would otherwise draw a "bomb" SVG; we
 *   want the exception only.
 * Every `…FontFamily` setting in Mermaid's defaults (sequence actors, journey/timeline tasks, C4 …)
 * is also set to the stack in the page, because those do not follow `fontFamily`.
 */
export function mermaidConfigFor(theme: DiagramTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    theme: MERMAID_THEME,
    darkMode: theme === 'dark',
    layout: 'dagre',
    look: 'classic',
    htmlLabels: false,
    securityLevel: 'strict',
    fontFamily: DIAGRAM_FONT_STACK,
    themeVariables: { ...themeVariablesFor(theme), fontFamily: DIAGRAM_FONT_STACK },
    flowchart: { padding: 20, diagramPadding: 16, wrappingWidth: 200 },
    suppressErrorRendering: true,
    logLevel: 'fatal',
  };
}

const require = createRequire(import.meta.url);

/** The self-contained browser bundle; it is loaded into the page from disk, never from a network. */
export function mermaidBundlePath(): string {
  return require.resolve('mermaid/dist/mermaid.min.js');
}

let cachedVersion: string | undefined;
/** The installed Mermaid version, read from its package.json (part of the cache key). */
export function mermaidVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}
