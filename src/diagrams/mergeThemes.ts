/**
 * Merges a diagram's light and dark renders into one SVG whose colours follow the page's theme.
 *
 * Why: Mermaid cannot draw with `var(--accent)` (its `base` theme does colour maths on the
 * values, theme.ts), so the build draws each diagram twice, once per site palette. A page that
 * carried both SVGs and hid one would carry every label, path and style rule twice. Both renders
 * come from the same source, font and seed, so they are the same markup except for colours; here
 * every colour that differs becomes a custom property, defined once per diagram at the top of
 * its <style> as `--cN: light-dark(<light>, <dark>)`, and the page inlines the one SVG.
 *
 * light-dark() picks by the element's `color-scheme`, which global.css sets on :root from
 * `data-theme` (the header toggle, or the OS choice the theme script copies there) and which
 * SVG content inherits; without JavaScript `color-scheme: light dark` follows the OS. So the
 * diagram switches with the rest of the page and needs no CSS of its own for it.
 *
 * "Same markup" is checked, not assumed: anything but a colour that differs (a label, a
 * coordinate, an element) throws a ThemeMergeError; renderMermaid.ts turns it into a build error
 * at the lesson's line. One exception is allowed and undone first: ids. Mermaid numbers some
 * elements from counters that live as long as the page (sequence diagram lifelines are
 * `actor3`, then `actor7` on the next render), so the two renders may name the same element
 * differently. When both have the same number of ids, the dark render's ids (and every reference
 * to them) are renamed to the light render's, position by position, before comparing.
 *
 * A differing colour can sit in the <style> text, in a style="" attribute or in a presentation
 * attribute (fill="…"); `var()` works in all three in Chromium. In the diagram types lessons use,
 * the presentation attributes that differ are also set by the <style> rules, which win over them.
 */
import { listSvgIds, renameSvgIds } from './prefixIds.ts';

/**
 * The colour syntaxes Mermaid writes: hex (3–8 digits), rgb()/rgba(), hsl()/hsla(), and CSS colour
 * names (khroma's invert() gives `black` in one palette and a hex value in the other). A word that
 * is a colour name in a label is the same in both renders, so it stays as it is: only colours that
 * differ are replaced.
 */
const NAMED_COLOURS =
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet ' +
  'brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue ' +
  'darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange ' +
  'darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise ' +
  'darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia ' +
  'gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ' +
  'ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
  'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue ' +
  'lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon ' +
  'mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
  'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin ' +
  'navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen ' +
  'paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red ' +
  'rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue ' +
  'slategray slategrey snow springgreen steelblue tan teal thistle tomato transparent turquoise violet ' +
  'wheat white whitesmoke yellow yellowgreen';
const COLOUR = new RegExp(
  `#[0-9a-fA-F]{3,8}\\b|(?:rgba?|hsla?)\\([^()]*\\)|(?<![\\w-])(?:${NAMED_COLOURS.split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\w-])`,
  'gi',
);

/** The name of the i-th custom property of a merged diagram. Short: it appears at every use. */
export const colourProperty = (index: number) => `--c${index}`;

export class ThemeMergeError extends Error {
  constructor(
    message: string,
    /** About 60 characters of the light render around the first difference. */
    readonly light: string,
    /** The same stretch of the dark render. */
    readonly dark: string,
  ) {
    super(message);
    this.name = 'ThemeMergeError';
  }
}

export interface MergedSvg {
  svg: string;
  /** Custom property → [light, dark] colour, in order of first use. */
  colours: Map<string, [string, string]>;
}

/**
 * @param light the raw SVG for the light palette
 * @param dark the raw SVG for the dark palette, from the same source
 * @param rootSelector the CSS selector of the SVG root (`#<render id>`); the custom properties
 *   are defined on it, so each diagram carries its own and they never leak into the page
 */
export function mergeThemeRenders(light: string, dark: string, rootSelector: string): MergedSvg {
  const sameIds = alignIds(light, dark);

  const lightParts = light.split(COLOUR);
  const darkParts = sameIds.split(COLOUR);
  const lightColours = light.match(COLOUR) ?? [];
  const darkColours = sameIds.match(COLOUR) ?? [];
  for (let i = 0; i < Math.max(lightParts.length, darkParts.length); i++) {
    if (lightParts[i] !== darkParts[i]) throw differenceError(light, sameIds);
  }

  const colours = new Map<string, [string, string]>();
  const byPair = new Map<string, string>();
  let out = lightParts[0]!;
  for (let i = 0; i < lightColours.length; i++) {
    const l = lightColours[i]!;
    const d = darkColours[i]!;
    if (l === d) {
      out += l;
    } else {
      const pair = `${l}\u0000${d}`;
      let name = byPair.get(pair);
      if (name === undefined) {
        name = colourProperty(byPair.size);
        byPair.set(pair, name);
        colours.set(name, [l, d]);
      }
      out += `var(${name})`;
    }
    out += lightParts[i + 1]!;
  }
  if (colours.size === 0) return { svg: out, colours };

  const rule = `${rootSelector}{${[...colours]
    .map(([name, [l, d]]) => `${name}:light-dark(${l},${d});`)
    .join('')}}`;
  const withRule = out.replace(/<style\b[^>]*>/, (open) => open + rule);
  return {
    svg: withRule !== out ? withRule : out.replace(/^(\s*<svg\b[^>]*>)/, `$1<style>${rule}</style>`),
    colours,
  };
}

/** The dark render with its ids renamed to the light render's (see the header comment). */
function alignIds(light: string, dark: string): string {
  const lightIds = listSvgIds(light);
  const darkIds = listSvgIds(dark);
  if (lightIds.length !== darkIds.length)
    throw new ThemeMergeError(
      `the light render has ${lightIds.length} elements with an id and the dark render ${darkIds.length}`,
      '',
      '',
    );
  const renamed = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const [index, from] of darkIds.entries()) {
    const to = lightIds[index]!;
    if ((renamed.get(from) ?? to) !== to || (taken.get(to) ?? from) !== from)
      throw new ThemeMergeError(
        `the ids of the two renders do not correspond one to one ("${from}" in the dark render, "${to}" in the light render)`,
        to,
        from,
      );
    renamed.set(from, to);
    taken.set(to, from);
  }
  for (const [from, to] of renamed) if (from === to) renamed.delete(from);
  return renamed.size === 0 ? dark : renameSvgIds(dark, renamed);
}

/** Where the two renders first differ in something other than a colour. */
function differenceError(light: string, dark: string): ThemeMergeError {
  // Compare with every colour blanked out, so the first difference found is not a colour.
  const blank = (svg: string) => svg.replace(COLOUR, '#');
  const a = blank(light);
  const b = blank(dark);
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 30), at + 30);
  return new ThemeMergeError('the light and dark renders differ in more than colours', around(a), around(b));
}

/**
 * Drops the definitions of colour properties nothing uses any more (pruneStyles.ts removes the
 * rules for elements a diagram does not have, and with them the last use of some colours).
 */
export function dropUnusedColours(svg: string): string {
  return svg.replace(/(--c\d+):light-dark\([^;{}]*\);/g, (declaration, name: string) =>
    svg.includes(`var(${name})`) ? declaration : '',
  );
}
