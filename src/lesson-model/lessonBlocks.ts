/**
 * Finds a lesson's command blocks in its Markdown tree, in page order, with the heading
 * and lead sentence a learner needs to know why a step exists.
 * The site's remark plugin and `readLessonFile` (snippet suite, follow-along runner) both call
 * `collectCommandBlocks`, so the page and the runners always see the same blocks.
 */
import type { Code, Heading, Nodes, Paragraph, Parent, Root } from 'mdast';
import { COMMAND_BLOCK_LANG, parseCommandBlock } from './command-block/parseCommandBlock.ts';
import type { CommandBlock } from './command-block/types.ts';
import { LessonError } from './errors.ts';

export interface LessonBlock {
  block: CommandBlock;
  /** The nearest heading above the block. */
  heading: string;
  /** The first sentence of the paragraph just above the block: the step's "why". */
  lead: string;
  /** The fence node, for the renderer to replace. */
  node: Code;
  parent: Parent;
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'code') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?。](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** Walks the tree in document order; `file` is the path used in error messages. */
export function collectCommandBlocks(tree: Root, file: string): LessonBlock[] {
  const found: LessonBlock[] = [];
  let heading = '';
  const walk = (parent: Parent) => {
    let lastParagraph: Paragraph | undefined;
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'heading') {
        heading = plainText(child as Heading);
        lastParagraph = undefined;
      } else if (child.type === 'paragraph') {
        lastParagraph = child;
      } else if (child.type === 'code' && child.lang === COMMAND_BLOCK_LANG) {
        const line = child.position?.start.line;
        if (line === undefined)
          throw new LessonError(
            file,
            1,
            'a command block has no position',
            'Report this as a bug in Dockside.',
          );
        found.push({
          block: parseCommandBlock(child.value, child.meta, { file, line }),
          heading,
          lead: lastParagraph ? firstSentence(plainText(lastParagraph)) : '',
          node: child,
          parent,
        });
      } else if ('children' in child) {
        walk(child as Parent);
      }
    }
  };
  walk(tree);
  return found;
}

/**
 * How the page groups blocks into tabs: fences that touch (no node between them) and differ in shell
 * form one group, shown as one tab per shell. Single blocks are groups of one. The remark plugin renders
 * by it; the browser tests expect the page to show exactly these groups.
 */
export function tabGroups(blocks: LessonBlock[]): LessonBlock[][] {
  const groups: LessonBlock[][] = [];
  for (const found of blocks) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    const adjacent =
      previous !== undefined &&
      previous.parent === found.parent &&
      found.parent.children.indexOf(found.node) === found.parent.children.indexOf(previous.node) + 1;
    if (group && adjacent && !group.some((member) => member.block.shell === found.block.shell))
      group.push(found);
    else groups.push([found]);
  }
  return groups;
}
