/**
 * Finds a lesson's command blocks in its Markdown tree, in page order, with the heading
 * and lead sentence a learner needs to know why a step exists.
 * The site's remark plugin and `readLessonFile` (snippet suite, follow-along runner) both call
 * `collectCommandBlocks`, so the page and the runners always see the same blocks.
 */
import type { Code, Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
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

/** The text a reader sees in a heading or paragraph (an image's alt text is not part of it). */
const plainText = (node: Nodes) => toString(node, { includeImageAlt: false });

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?。](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** The last paragraph before `index` among its siblings, unless a heading comes between. */
function leadParagraph(parent: Parent, index: number): Nodes | undefined {
  for (let at = index - 1; at >= 0; at -= 1) {
    const sibling = parent.children[at]!;
    if (sibling.type === 'heading') return undefined;
    if (sibling.type === 'paragraph') return sibling;
  }
  return undefined;
}

/** Walks the tree in document order; `file` is the path used in error messages. */
export function collectCommandBlocks(tree: Root, file: string): LessonBlock[] {
  const found: LessonBlock[] = [];
  let heading = '';
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading') {
      heading = plainText(node);
      return SKIP;
    }
    if (node.type === 'paragraph') return SKIP;
    if (node.type !== 'code' || node.lang !== COMMAND_BLOCK_LANG || !parent || index === undefined)
      return CONTINUE;
    const line = node.position?.start.line;
    if (line === undefined)
      throw new LessonError(file, 1, 'a command block has no position', 'Report this as a bug in Dockside.');
    const lead = leadParagraph(parent, index);
    found.push({
      block: parseCommandBlock(node.value, node.meta, { file, line }),
      heading,
      lead: lead ? firstSentence(plainText(lead)) : '',
      node,
      parent,
    });
    return CONTINUE;
  });
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
