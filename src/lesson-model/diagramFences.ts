/**
 * Diagrams are ```mermaid fences in a lesson. The one place that says so: the remark plugin renders
 * them, the diagrams check renders them ahead of the build, and the translations check compares them
 * between languages.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export const DIAGRAM_LANG = 'mermaid';

export function isDiagramFence(node: Code): boolean {
  return node.lang === DIAGRAM_LANG;
}

/** The diagram fences of a lesson's tree, in page order. */
export function diagramFences(tree: Root): Code[] {
  const found: Code[] = [];
  visit(tree, 'code', (node) => {
    if (isDiagramFence(node)) found.push(node);
  });
  return found;
}
