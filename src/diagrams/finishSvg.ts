/**
 * Turns the merged Mermaid SVG (mergeThemes.ts) into the SVG a lesson page embeds. Pure and cheap, so it runs on every
 * build from the cached raw SVG; the cache holds Mermaid's output only.
 *
 * - ids get a page-unique prefix (prefixIds.ts);
 * - style rules that match nothing in this diagram go (pruneStyles.ts), and so do the theme
 *   colour properties (mergeThemes.ts) that only those rules used;
 * - the root becomes `role="img"` named by its <title> and described by its <desc>, which we write
 *   from accTitle/accDescr (accessibleText.ts). `role="img"` makes a screen reader announce one
 *   image with that name instead of walking every label; Mermaid's `aria-roledescription`
 *   ("flowchart-v2") would replace the word "image" with a code name, so it goes;
 * - Mermaid's `width="100%"` + inline `max-width` become the natural size in `width`/`height`
 *   and a `--diagram-width` custom property, so the page CSS (Diagram.astro) decides how it
 *   scales and when it scrolls; the viewBox gets a small margin (EDGE_MARGIN).
 */
import { dropUnusedColours } from './mergeThemes.ts';
import { prefixSvgIds } from './prefixIds.ts';
import { pruneStyles } from './pruneStyles.ts';

/** Extra room around the drawing, in SVG units (px at natural size). */
export const EDGE_MARGIN = 8;

export interface FinishOptions {
  /** The id Mermaid rendered the diagram with. */
  renderId: string;
  /** Page-unique id stem (see idPrefix in cacheKey.ts). */
  prefix: string;
  title: string;
  description: string;
}

export function finishSvg(raw: string, options: FinishOptions): string {
  const { prefix } = options;
  let svg = dropUnusedColours(pruneStyles(prefixSvgIds(raw, options.renderId, prefix).svg));

  // Mermaid's own <title>/<desc> (it only writes them from accTitle/accDescr, which we removed;
  // dropped anyway so there is exactly one of each).
  svg = svg
    .replace(/(<svg\b[^>]*>)\s*<title\b[^>]*>[\s\S]*?<\/title>/, '$1')
    .replace(/(<svg\b[^>]*>)\s*<desc\b[^>]*>[\s\S]*?<\/desc>/, '$1');

  const rootMatch = /^\s*<svg\b[^>]*>/.exec(svg);
  if (!rootMatch) throw new Error('Mermaid returned something that does not start with <svg>');
  const root = rootMatch[0];
  const attributes = new Map<string, string>();
  for (const [, name, value] of root.matchAll(/([^\s=/<>]+)="([^"]*)"/g)) attributes.set(name!, value!);

  // A margin around the drawing: a label that the reader's font draws wider than the build
  // machine's font grows past its box instead of being cut off at the SVG's edge.
  const viewBox = (attributes.get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  let width: number | undefined;
  let height: number | undefined;
  if (viewBox.length === 4 && viewBox.every(Number.isFinite)) {
    const [x, y, w, h] = viewBox as [number, number, number, number];
    width = roundUp(w + 2 * EDGE_MARGIN);
    height = roundUp(h + 2 * EDGE_MARGIN);
    attributes.set(
      'viewBox',
      [roundDown(x - EDGE_MARGIN), roundDown(y - EDGE_MARGIN), width, height].join(' '),
    );
  }

  const style = (attributes.get('style') ?? '')
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration && !/^max-width\s*:/i.test(declaration));
  if (width !== undefined) style.push(`--diagram-width: ${width}px`);

  for (const name of [
    'width',
    'height',
    'style',
    'role',
    'aria-roledescription',
    'aria-labelledby',
    'aria-describedby',
  ])
    attributes.delete(name);
  const titleId = `${prefix}-title`;
  const descriptionId = `${prefix}-desc`;
  const ordered: [string, string][] = [
    ...[...attributes].filter(([name]) => name === 'id' || name === 'xmlns'),
    ...(width !== undefined && height !== undefined
      ? ([
          ['width', String(width)],
          ['height', String(height)],
        ] as [string, string][])
      : []),
    ...[...attributes].filter(([name]) => name !== 'id' && name !== 'xmlns'),
    ['role', 'img'],
    ['aria-labelledby', titleId],
    ['aria-describedby', descriptionId],
  ];
  if (style.length) ordered.push(['style', `${style.join('; ')};`]);
  const newRoot = `<svg ${ordered.map(([name, value]) => `${name}="${value}"`).join(' ')}>`;
  const accessible = `<title id="${titleId}">${escapeText(options.title)}</title><desc id="${descriptionId}">${escapeText(options.description)}</desc>`;
  return newRoot + accessible + svg.slice(rootMatch.index + root.length);
}

/** Two decimals are plenty for px and keep the markup short; rounding outwards never crops. */
function roundUp(n: number): number {
  return Math.ceil(n * 100) / 100;
}
function roundDown(n: number): number {
  return Math.floor(n * 100) / 100;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
