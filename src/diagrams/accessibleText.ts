/**
 * Reads a diagram's accessible name and description (`accTitle` / `accDescr`) from its source and
 * takes those lines out before Mermaid sees it.
 *
 * Why not let Mermaid handle them: only some diagram types accept them (mindmap rejects them,
 * timeline parses and then drops them), and each draws its own <title>/<desc>. Taking them out
 * here gives every diagram type the same accessible SVG (finishSvg.ts adds the <title>/<desc>),
 * and lets a missing one fail the build before any browser starts.
 *
 * The lines are replaced by Mermaid comments, so the source keeps its line count; Mermaid drops
 * comment lines before parsing, and sourceLines.ts accounts for that.
 */

export interface AccessibleText {
  title: string | undefined;
  description: string | undefined;
  /** The source with the accTitle/accDescr lines turned into `%%` comments, same number of lines. */
  source: string;
  /** 1-based line (within the diagram) of an `accDescr {` that has no closing `}`. */
  unclosedDescriptionLine?: number;
}

const TITLE = /^\s*accTitle\s*:\s*(.*)$/;
const DESCRIPTION = /^\s*accDescr\s*:\s*(.*)$/;
const DESCRIPTION_BLOCK = /^\s*accDescr\s*\{(.*)$/;
const REPLACEMENT = '%% (accessible text)';

/** Same grammar as Mermaid: `accTitle: text`, `accDescr: text`, or `accDescr {` … `}` over several lines. */
export function extractAccessibleText(source: string): AccessibleText {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let title: string | undefined;
  let description: string | undefined;
  let unclosedDescriptionLine: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const titleMatch = TITLE.exec(line);
    if (titleMatch) {
      title = clean(titleMatch[1]!);
      lines[i] = REPLACEMENT;
      continue;
    }
    const descriptionMatch = DESCRIPTION.exec(line);
    if (descriptionMatch) {
      description = clean(descriptionMatch[1]!);
      lines[i] = REPLACEMENT;
      continue;
    }
    const blockMatch = DESCRIPTION_BLOCK.exec(line);
    if (blockMatch) {
      // Mermaid reads up to the first `}`; text after it on that line stays in the diagram.
      const parts: string[] = [];
      let rest = blockMatch[1]!;
      let j = i;
      for (;;) {
        const close = rest.indexOf('}');
        if (close !== -1) {
          parts.push(rest.slice(0, close));
          rest = rest.slice(close + 1);
          break;
        }
        parts.push(rest);
        if (j + 1 >= lines.length) {
          unclosedDescriptionLine = i + 1;
          rest = '';
          break;
        }
        rest = lines[++j]!;
      }
      description = clean(parts.join(' '));
      for (let k = i; k < j; k++) lines[k] = REPLACEMENT;
      lines[j] = rest.trim() ? rest : REPLACEMENT;
      i = j;
    }
  }
  return {
    title: title || undefined,
    description: description || undefined,
    source: lines.join('\n'),
    ...(unclosedDescriptionLine === undefined ? {} : { unclosedDescriptionLine }),
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
