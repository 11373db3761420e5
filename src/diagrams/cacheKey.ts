/**
 * Names for a rendered diagram. Pure: the same inputs always give the same names, so builds are
 * reproducible and a warm rebuild finds its SVGs without starting a browser.
 */
import { createHash } from 'node:crypto';
import type { DiagramTheme } from './config.ts';

export interface CacheKeyInput {
  /** The diagram source exactly as written in the lesson (accTitle/accDescr included). */
  source: string;
  theme: DiagramTheme;
  mermaidVersion: string;
  /** Everything else that changes Mermaid's output: its config and our render step version. */
  renderConfig: unknown;
}

/** The file name (without extension) of a cached raw SVG. */
export function diagramCacheKey(input: CacheKeyInput): string {
  return sha256(stableJson([input.source, input.theme, input.mermaidVersion, input.renderConfig]));
}

/**
 * The id stem for a diagram on a page: a hash of its source, so any two different diagrams differ
 * and a rebuild gives the same ids. `occurrence` tells apart the same diagram written twice on one
 * page (0 for the first). Starts with a letter so it is a valid CSS identifier after `#`.
 */
export function idPrefix(source: string, occurrence = 0): string {
  const base = `mmd-${sha256(source).slice(0, 10)}`;
  return occurrence > 0 ? `${base}-${occurrence + 1}` : base;
}

/**
 * Seed for Math.random inside the page while this diagram renders. From the source only, not the
 * theme: gitGraph prints random commit ids, and the light and dark renders must show the same ones
 * (mergeThemes.ts compares them).
 */
export function renderSeed(source: string): number {
  return Number.parseInt(sha256(source).slice(0, 8), 16);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so key order in a config object never changes the key. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : val,
  );
}
