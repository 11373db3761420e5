/**
 * A fence that is never closed is the one Markdown mistake no parser reports: CommonMark lets the
 * code block run to the end of the file, so the rest of the lesson silently becomes code (and a
 * ```console block swallows every later heading as "output"). We find such fences ourselves.
 *
 * A fence left open in the middle of a file is quieter still: the next block's closing ``` closes
 * it, so the file parses, and the prose and the block in between become this block's output. Two
 * lines give it away inside a fenced block:
 * - a fence-opening line with an info string (```console, ```mermaid, ~~~yaml) of the same
 *   character and at least the same length: a closing fence cannot carry an info string, so the
 *   author meant to open a new block, and a block that shows a fence uses a longer fence around it;
 * - in a command block (```console), a Markdown heading (## …) after a blank line: docker prints
 *   no such line, the lesson's next section does.
 */
import type { Code, Root } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import { COMMAND_BLOCK_LANG } from './command-block/parseCommandBlock.ts';

export interface UnclosedFence {
  /** File line of the opening fence. */
  line: number;
  /** The opening fence as written, e.g. "```console". */
  opening: string;
  /** What closes it: the same character, at least as many times. */
  closing: string;
  /**
   * When the fence is closed later by another block's fence: the first line inside it that shows
   * the author meant it closed before, e.g. { line: 30, text: "```console" }.
   */
  swallowed?: { line: number; text: string; what: 'fence' | 'heading' };
}

const OPENING = /^(`{3,}|~{3,})(.*)$/;
const HEADING = /^#{2,6}\s+\S/;

export function findUnclosedFence(tree: Root, text: string): UnclosedFence | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let found: UnclosedFence | undefined;
  visit(tree, 'code', (node) => {
    found = unclosed(node, lines);
    return found ? EXIT : undefined;
  });
  return found;
}

/** A fence inside JSX, a list or a blockquote is indented or quoted; strip what the container adds. */
const bare = (line: string | undefined) => (line ?? '').replace(/^(\s*>)*\s*/, '');

function unclosed(node: Code, lines: string[]): UnclosedFence | undefined {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined) return undefined;
  const opening = OPENING.exec(bare(lines[start - 1]));
  if (!opening) return undefined; // an indented code block has no fence to close
  const marker = opening[1]!;
  const fence = {
    line: start,
    opening: `${marker}${opening[2]!.trim() ? opening[2]!.trim().split(/\s+/)[0] : ''}`,
    closing: marker,
  };
  const char = marker[0] === '`' ? '`' : '~';
  const closing = new RegExp(`^\\s*${char}{${marker.length},}\\s*$`);
  if (!(end > start && closing.test(bare(lines[end - 1])))) return fence;

  const inner = new RegExp(`^${char}{${marker.length},}\\s*[^\\s${char}]`);
  for (let at = start + 1; at < end; at += 1) {
    const line = bare(lines[at - 1]);
    if (inner.test(line)) return { ...fence, swallowed: { line: at, text: line.trim(), what: 'fence' } };
    if (node.lang === COMMAND_BLOCK_LANG && HEADING.test(line) && bare(lines[at - 2]).trim() === '')
      return { ...fence, swallowed: { line: at, text: line.trim(), what: 'heading' } };
  }
  return undefined;
}
