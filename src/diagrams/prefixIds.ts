/**
 * Gives every id in a Mermaid SVG a per-diagram prefix and rewrites every reference to it.
 *
 * Why: a lesson page holds several diagrams. Mermaid names markers,
 * titles and edges from the render id plus fixed words ("…_flowchart-v2-pointEnd", "L_A_B_0",
 * "chart-title-…"), and scopes its <style> by `#<render id>`. If two SVGs on a page share an id,
 * `url(#marker)` and `aria-labelledby` resolve to whichever comes first in the document, and one diagram's CSS restyles the other.
 *
 * Works on the SVG string as Chromium serializes it (attribute values always in double quotes,
 * `"` inside them escaped, `<` and `>` escaped in text), so a small tag tokenizer is exact enough
 * and keeps this a pure function the unit tests can run without a browser.
 */

/** Attributes whose value is a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = new Set([
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-flowto',
  'aria-activedescendant',
  'aria-errormessage',
]);
/** Attributes whose value is a single `#id` fragment. */
const HREF_ATTRIBUTES = new Set(['href', 'xlink:href']);

/** `url(#x)`, `url("#x")`, `url('#x')`, and `url(&quot;#x&quot;)` as Chromium writes it inside an attribute. */
const URL_REFERENCE = /url\(\s*(&quot;|"|')?#([^\s"'&)]+)(&quot;|"|')?\s*\)/g;

const TAG = /<[^>]*>/g;
const ATTRIBUTE = /([^\s=/>]+)="([^"]*)"/g;
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

export interface PrefixResult {
  svg: string;
  /** old id → new id, for every id attribute found. */
  renamed: Map<string, string>;
}

/**
 * @param svg the SVG markup
 * @param renderId the id the diagram was rendered with: the <svg>'s own id, which Mermaid also uses
 *   as the stem of the ids it generates and as the scope of its CSS
 * @param prefix the new, page-unique stem: `renderId` becomes `prefix`, any other id `x` becomes
 *   `${prefix}-${x}`
 */
export function prefixSvgIds(svg: string, renderId: string, prefix: string): PrefixResult {
  const rename = (id: string) => (id === renderId ? prefix : `${prefix}-${id}`);

  const renamed = new Map<string, string>();
  for (const tag of svg.match(TAG) ?? []) {
    for (const [, id] of tag.matchAll(ID_ATTRIBUTE)) if (id && !renamed.has(id)) renamed.set(id, rename(id));
  }
  // A reference to an id that is not in the SVG (Mermaid's shared CSS names `#<id>-gradient`,
  // which only the "neo" look draws) still gets the prefix when Mermaid generated it from the
  // render id, so it can never match another diagram's element.
  const target = (id: string): string | undefined =>
    renamed.get(id) ?? (id.startsWith(renderId) ? rename(id) : undefined);
  return { svg: rewriteIds(svg, renamed, target), renamed };
}

/**
 * Renames the ids in `renamed` (old → new) and every reference to them; other ids stay. The
 * theme merge (mergeThemes.ts) uses it to give one render the ids of the other.
 */
export function renameSvgIds(svg: string, renamed: ReadonlyMap<string, string>): string {
  return rewriteIds(svg, renamed, (id) => renamed.get(id));
}

function rewriteIds(
  svg: string,
  renamed: ReadonlyMap<string, string>,
  target: (id: string) => string | undefined,
): string {
  const rewriteUrls = (text: string) =>
    text.replace(URL_REFERENCE, (whole, open: string | undefined, id: string, close: string | undefined) => {
      const to = target(id);
      return to ? `url(${open ?? ''}#${to}${close ?? ''})` : whole;
    });

  const rewriteTag = (tag: string) => {
    if (tag.startsWith('</') || tag.startsWith('<!')) return tag;
    return tag.replace(ATTRIBUTE, (whole, name: string, value: string) => {
      const lower = name.toLowerCase();
      if (lower === 'id') return `${name}="${renamed.get(value) ?? value}"`;
      if (HREF_ATTRIBUTES.has(lower) && value.startsWith('#')) {
        const to = target(value.slice(1));
        return to ? `${name}="#${to}"` : whole;
      }
      if (ID_LIST_ATTRIBUTES.has(lower)) {
        return `${name}="${value
          .split(/\s+/)
          .map((id) => (id ? (target(id) ?? id) : id))
          .join(' ')}"`;
      }
      return value.includes('url(') ? `${name}="${rewriteUrls(value)}"` : whole;
    });
  };

  /** CSS: `#id` in selectors (never in declarations, where `#333` is a colour), and `url(#id)` anywhere. */
  const rewriteCss = (css: string) =>
    rewriteUrls(css).replace(
      /([^{}]*)\{/g,
      (_whole, selector: string) =>
        `${selector.replace(/#(-?[A-Za-z_][\w-]*)/g, (ref, id: string) => {
          const to = renamed.get(id);
          return to ? `#${to}` : ref;
        })}{`,
    );

  // Walk the markup: tags are rewritten as tags, the text of <style> elements as CSS, other text
  // (labels) is left alone.
  let out = '';
  let inStyle = false;
  let last = 0;
  for (const match of svg.matchAll(TAG)) {
    const text = svg.slice(last, match.index);
    out += inStyle ? rewriteCss(text) : text;
    const tag = match[0];
    out += rewriteTag(tag);
    if (/^<style[\s>]/i.test(tag)) inStyle = true;
    else if (/^<\/style\s*>/i.test(tag)) inStyle = false;
    last = match.index + tag.length;
  }
  out += svg.slice(last);
  return out;
}

/** Every id attribute value in an SVG string, in document order (for checks and tests). */
export function listSvgIds(svg: string): string[] {
  const ids: string[] = [];
  for (const tag of svg.match(TAG) ?? []) for (const [, id] of tag.matchAll(ID_ATTRIBUTE)) ids.push(id!);
  return ids;
}

/** Every local reference (`url(#x)`, `href="#x"`, aria id lists) in an SVG string, with where it sits. */
export function listSvgReferences(svg: string): { id: string; in: 'attribute' | 'css' }[] {
  const refs: { id: string; in: 'attribute' | 'css' }[] = [];
  let inStyle = false;
  let last = 0;
  const fromCss = (css: string) => {
    for (const [, , id] of css.matchAll(URL_REFERENCE)) refs.push({ id: id!, in: 'css' });
  };
  for (const match of svg.matchAll(TAG)) {
    if (inStyle) fromCss(svg.slice(last, match.index));
    const tag = match[0];
    for (const [, name, value] of tag.matchAll(ATTRIBUTE)) {
      const lower = name!.toLowerCase();
      if (HREF_ATTRIBUTES.has(lower) && value!.startsWith('#')) {
        refs.push({ id: value!.slice(1), in: 'attribute' });
      } else if (ID_LIST_ATTRIBUTES.has(lower)) {
        for (const id of value!.split(/\s+/).filter(Boolean)) refs.push({ id, in: 'attribute' });
      } else {
        for (const [, , id] of value!.matchAll(URL_REFERENCE)) refs.push({ id: id!, in: 'attribute' });
      }
    }
    if (/^<style[\s>]/i.test(tag)) inStyle = true;
    else if (/^<\/style\s*>/i.test(tag)) inStyle = false;
    last = match.index + tag.length;
  }
  return refs;
}
