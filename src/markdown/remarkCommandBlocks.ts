/**
 * Turns ```console fences into <CommandBlock> elements, and runs of adjacent fences for
 * different shells into one <CommandTabs>. Parsing happens here, once, through
 * collectCommandBlocks; the components only render the parsed block they receive as JSON.
 * A parse error fails the build with the file and line (LessonError).
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { lessonPath } from './lessonPath.ts';
import { collectCommandBlocks, tabGroups } from '../lesson-model/lessonBlocks.ts';

/** The components get the parsed blocks as JSON: they render, they never parse. */
function element(
  name: 'CommandBlock' | 'CommandTabs',
  attribute: 'block' | 'blocks',
  value: unknown,
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: [{ type: 'mdxJsxAttribute', name: attribute, value: JSON.stringify(value) }],
    children: [],
  };
}

export function remarkCommandBlocks() {
  return (tree: Root, file: VFile) => {
    const source = lessonPath(file);
    for (const group of tabGroups(collectCommandBlocks(tree, source))) {
      const [first] = group;
      if (!first) continue;
      const siblings = first.parent.children;
      const start = siblings.indexOf(first.node);
      const replacement =
        group.length === 1
          ? element('CommandBlock', 'block', first.block)
          : element(
              'CommandTabs',
              'blocks',
              group.map((member) => member.block),
            );
      siblings.splice(start, group.length, replacement);
    }
  };
}
