/**
 * Drops the rules of Mermaid's embedded <style> that match nothing in the SVG. Mermaid writes
 * its whole theme (about 5 KB) into every diagram, for every element any diagram type could
 * have; three diagrams on a page would take most of the page's 10 KB gzip CSS budget. A rule stays when one of its selectors could match: every
 * class it names is used in the SVG and every element name it names occurs. That test can keep
 * a rule that does not match (it ignores combinators), never the other way round.
 */

interface Rule {
  /** `@keyframes dash` or a selector list. */
  prelude: string;
  /** The whole rule text, as written. */
  text: string;
}

/** Splits CSS into top-level rules, keeping nested blocks (@keyframes, @media) whole. */
export function splitRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let depth = 0;
  let start = 0;
  let preludeEnd = -1;
  for (let i = 0; i < css.length; i += 1) {
    const char = css[i];
    if (char === '{') {
      if (depth === 0) preludeEnd = i;
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        rules.push({ prelude: css.slice(start, preludeEnd).trim(), text: css.slice(start, i + 1).trim() });
        start = i + 1;
      }
    }
  }
  return rules;
}

function selectorCanMatch(selector: string, classes: Set<string>, elements: Set<string>): boolean {
  // Pseudo-classes and attribute tests do not decide whether the element exists.
  const simple = selector.replace(/::?[\w-]+(\([^)]*\))?/g, '').replace(/\[[^\]]*\]/g, '');
  for (const [, name] of simple.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!classes.has(name!)) return false;
  // Element names: words that start a compound selector (after start, space or combinator).
  for (const [, name] of simple.matchAll(/(?:^|[\s>+~])([a-zA-Z][\w-]*)/g))
    if (!elements.has(name!.toLowerCase())) return false;
  return true;
}

export function pruneStyles(svg: string): string {
  const classes = new Set<string>();
  for (const [, value] of svg.matchAll(/\sclass="([^"]*)"/g))
    for (const name of value!.split(/\s+/)) if (name) classes.add(name);
  const elements = new Set<string>();
  for (const [, name] of svg.matchAll(/<([a-zA-Z][\w:-]*)/g)) elements.add(name!.toLowerCase());

  return svg.replace(
    /(<style[^>]*>)([\s\S]*?)(<\/style>)/g,
    (_, open: string, css: string, close: string) => {
      const rules = splitRules(css);
      const kept = rules.filter(
        (rule) =>
          !rule.prelude.startsWith('@') &&
          rule.prelude.split(',').some((selector) => selectorCanMatch(selector.trim(), classes, elements)),
      );
      const keptText = kept.map((rule) => rule.text).join('');
      // At-rules (keyframes, media) stay only when a kept rule refers to their name.
      const atRules = rules.filter((rule) => {
        if (!rule.prelude.startsWith('@')) return false;
        const name = /^@[\w-]+\s+([\w-]+)/.exec(rule.prelude)?.[1];
        return name !== undefined && keptText.includes(name);
      });
      return open + atRules.map((rule) => rule.text).join('') + keptText + close;
    },
  );
}
