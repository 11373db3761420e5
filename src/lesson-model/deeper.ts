/**
 * "Going deeper" asides: <Deeper title="…"> (src/components/lesson/Deeper.astro) holds background a
 * reader may skip, closed until opened. The title is what the closed aside shows, so one without a
 * title would be a bare "Going deeper:" line; the lesson is refused with the line to fix.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { LessonError } from './errors.ts';

export const DEEPER_ELEMENT = 'Deeper';

export function isDeeper(node: { type: string; name?: string | null }): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === DEEPER_ELEMENT;
}

/** Throws a LessonError for the first <Deeper> without a title. */
export function checkDeeperAsides(tree: Root, file: string): void {
  visit(tree, (node) => {
    if (!isDeeper(node)) return;
    const title = node.attributes.find(
      (attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'title',
    )?.value;
    if (typeof title !== 'string' || !title.trim()) {
      throw new LessonError(
        file,
        node.position?.start.line ?? 1,
        '<Deeper> has no title',
        'Say in a few words what the aside is about, as the closed aside shows it: <Deeper title="Other runtimes: gVisor and Kata">.',
      );
    }
  });
}
