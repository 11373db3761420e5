/**
 * A lesson's outline: the parts a reader sees as structure, in page order — headings (by level),
 * callouts (by type), "going deeper" asides and diagrams. The translations check compares the outlines of the two
 * languages, so a Korean lesson without its recap, or with a warning the English one lacks, is
 * named, not only one whose commands differ. Command blocks and shown files are compared on
 * their own (lessonBlocks.ts, shownFiles.ts); the outline leaves them out.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { isDeeper } from './deeper.ts';
import { isDiagramFence } from './diagramFences.ts';

export interface OutlinePart {
  /** What must match between languages: "heading 2", "warning callout", "diagram". */
  kind: string;
  /** How a contributor recognises it: "## Recap", "<Callout type=\"warning\">", "```mermaid". */
  label: string;
  line: number;
}

const text = (node: Nodes): string =>
  'value' in node && typeof node.value === 'string'
    ? node.value
    : 'children' in node
      ? (node.children as Nodes[]).map(text).join('')
      : '';

export function lessonOutline(tree: Root): OutlinePart[] {
  const parts: OutlinePart[] = [];
  const walk = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'heading') {
      parts.push({ kind: `heading ${node.depth}`, label: `${'#'.repeat(node.depth)} ${text(node)}`, line });
      return;
    }
    if (node.type === 'code' && isDiagramFence(node)) {
      parts.push({ kind: 'diagram', label: '```mermaid diagram', line });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Callout') {
      const type = node.attributes.find(
        (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'type',
      )?.value;
      const kind = typeof type === 'string' ? type : 'note';
      parts.push({ kind: `${kind} callout`, label: `<Callout type="${kind}">`, line });
    }
    if (isDeeper(node)) parts.push({ kind: 'going deeper aside', label: '<Deeper>', line });
    if ('children' in node) for (const child of (node as Parent).children as Nodes[]) walk(child);
  };
  walk(tree);
  return parts;
}
