/**
 * Maps a line number in one of Mermaid's error messages back to a line of the diagram source.
 *
 * Why: Mermaid parses a cleaned copy of the source (src/preprocess.ts, diagram-api/comments.ts in
 * Mermaid 12): front matter removed, `%%{…}%%` directives removed, `%%` comment lines removed
 * together with any blank lines right above them, leading blank lines trimmed. Its "line N"
 * counts lines of that copy. We replay the same steps line by line, remembering where each
 * surviving line came from. (accessibleText.ts turns accTitle/accDescr into comment lines, so
 * this also accounts for those.)
 */

/** For each line of Mermaid's cleaned text, its 1-based line in `source`. */
export function cleanedLineOrigins(source: string): number[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let index = frontMatterEnd(lines);

  // Directives: removed as text. A directive over several lines leaves one line behind, made of
  // what was before `%%{` and after `}%%`.
  const afterDirectives: { text: string; origin: number }[] = [];
  while (index < lines.length) {
    const line = lines[index]!;
    const start = line.indexOf('%%{');
    if (start === -1) {
      afterDirectives.push({ text: line, origin: index + 1 });
      index++;
      continue;
    }
    let end = index;
    while (end < lines.length - 1 && !lines[end]!.includes('}%%', end === index ? start : 0)) end++;
    const closing = lines[end]!.indexOf('}%%', end === index ? start : 0);
    const tail = closing === -1 ? '' : lines[end]!.slice(closing + 3);
    afterDirectives.push({ text: line.slice(0, start) + tail, origin: index + 1 });
    index = end + 1;
  }

  // Comments: Mermaid's /^\s*%%(?!{)[^\n]+\n?/gm also eats the blank lines just above a comment,
  // because `\s*` runs across line breaks.
  const kept: { text: string; origin: number }[] = [];
  for (const line of afterDirectives) {
    if (/^\s*%%(?!\{)./.test(line.text)) {
      while (kept.length > 0 && kept[kept.length - 1]!.text.trim() === '') kept.pop();
      continue;
    }
    kept.push(line);
  }

  // trimStart()
  let first = 0;
  while (first < kept.length && kept[first]!.text.trim() === '') first++;
  return kept.slice(first).map((line) => line.origin);
}

/** Index of the first line after a `---` front matter block (0 when there is none). */
function frontMatterEnd(lines: string[]): number {
  const opening = /^([ \t]*)---[ \t]*$/.exec(lines[0] ?? '');
  if (!opening) return 0;
  const closingFence = `${opening[1]}---`;
  // Mermaid takes the last closing fence that is followed by a line break.
  let closing = -1;
  for (let i = 1; i < lines.length - 1; i++) {
    if (lines[i]!.startsWith(closingFence) && lines[i]!.slice(closingFence.length).trim() === '') closing = i;
  }
  return closing === -1 ? 0 : closing + 1;
}

/**
 * The 1-based source line for Mermaid's reported line, or undefined when Mermaid's line is outside
 * the cleaned text.
 */
export function sourceLineFor(source: string, mermaidLine: number): number | undefined {
  const origins = cleanedLineOrigins(source);
  if (mermaidLine < 1) return origins[0];
  // A parse error at the end of the text is reported one line past the last line.
  return origins[mermaidLine - 1] ?? origins[origins.length - 1];
}

/** The 1-based line of the diagram's first statement (its type line): where "unknown type" points. */
export function firstStatementLine(source: string): number {
  return cleanedLineOrigins(source)[0] ?? 1;
}
