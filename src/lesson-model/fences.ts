/**
 * A fence that is never closed is the one Markdown mistake no parser reports: CommonMark lets the
 * code block run to the end of the file, so the rest of the lesson silently becomes code (and a
 * ```console block swallows every later heading as "output"). We find such fences ourselves.
 */
import type { Code, Root } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';

export interface UnclosedFence {
  /** File line of the opening fence. */
  line: number;
  /** The opening fence as written, e.g. "```console". */
  opening: string;
  /** What closes it: the same character, at least as many times. */
  closing: string;
}

const OPENING = /^(`{3,}|~{3,})(.*)$/;

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
  const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  if (end > start && closing.test(bare(lines[end - 1]))) return undefined;
  return {
    line: start,
    opening: `${marker}${opening[2]!.trim() ? opening[2]!.trim().split(/\s+/)[0] : ''}`,
    closing: marker,
  };
}
