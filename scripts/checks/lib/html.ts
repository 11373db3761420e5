/**
 * Just enough HTML reading for the built site: the links a page makes and the ids it has (the links
 * check), and the scripts and styles it loads (scripts/bench/page-weight.ts), from one tag scanner.
 * The pages are Astro's own output (well-formed, attributes quoted), so a small tag scanner is
 * enough; it skips comments and the insides of <script> and <style>, and reads quoted attribute
 * values with `>` in them correctly.
 */

export interface HtmlTag {
  /** Lower case. */
  name: string;
  /** Lower-case names, entities decoded; an attribute without a value is "". */
  attributes: Map<string, string>;
  /** Offset of the `<` in the page. */
  offset: number;
  /** For <script> and <style>: the text up to the closing tag. */
  body?: string;
}

export interface PageLink {
  /** The attribute value as written, entities decoded. */
  url: string;
  tag: string;
  attribute: string;
  /** Offset of the tag in the page, for its line. */
  offset: number;
}

export interface PageScan {
  links: PageLink[];
  ids: Set<string>;
}

/** Which attributes of which tags hold a URL the reader's browser follows or loads. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  form: ['action'],
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every start tag in page order (comments skipped, script and style bodies not read as tags). */
export function* scanTags(html: string): Generator<HtmlTag> {
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const name = /^<([a-zA-Z][\w:-]*)/.exec(html.slice(open, open + 64))?.[1]?.toLowerCase();
    if (!name) {
      i = open + 1;
      continue;
    }
    const { attributes, end } = readAttributes(html, open + 1 + name.length);
    i = end;
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const bodyEnd = close === -1 ? html.length : close;
      yield { name, attributes, offset: open, body: html.slice(i, bodyEnd) };
      i = bodyEnd;
    } else {
      yield { name, attributes, offset: open };
    }
  }
}

export function scanHtml(html: string): PageScan {
  const links: PageLink[] = [];
  const ids = new Set<string>();
  for (const { name, attributes, offset: open } of scanTags(html)) {
    const id = attributes.get('id');
    if (id) ids.add(id);
    if (name === 'a' && attributes.get('name')) ids.add(attributes.get('name')!);
    for (const attribute of URL_ATTRIBUTES[name] ?? []) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      const urls =
        attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) if (url) links.push({ url, tag: name, attribute, offset: open });
    }
    // <meta http-equiv="refresh" content="0; url=/en/"> is a link too.
    if (name === 'meta' && attributes.get('http-equiv')?.toLowerCase() === 'refresh') {
      const url = /url=(.+)$/i.exec(attributes.get('content') ?? '')?.[1]?.trim();
      if (url) links.push({ url, tag: name, attribute: 'content', offset: open });
    }
  }
  return { links, ids };
}

/** Attributes from just after the tag name to the closing `>`. */
function readAttributes(html: string, start: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let i = start;
  while (i < html.length) {
    while (/\s/.test(html[i] ?? '')) i += 1;
    if (html[i] === '>') return { attributes, end: i + 1 };
    if (html.startsWith('/>', i)) return { attributes, end: i + 2 };
    const name = /^[^\s=>/]+/.exec(html.slice(i, i + 256))?.[0];
    if (!name) {
      i += 1;
      continue;
    }
    i += name.length;
    while (/\s/.test(html[i] ?? '')) i += 1;
    let value = '';
    if (html[i] === '=') {
      i += 1;
      while (/\s/.test(html[i] ?? '')) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        value = html.slice(i + 1, close === -1 ? html.length : close);
        i = close === -1 ? html.length : close + 1;
      } else {
        const bare = /^[^\s>]*/.exec(html.slice(i))![0];
        value = bare;
        i += bare.length;
      }
    }
    attributes.set(name.toLowerCase(), decodeEntities(value));
  }
  return { attributes, end: html.length };
}

/** 1-based line of an offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
