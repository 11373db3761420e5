/** Replaces ```lang file=name fences by <ShownFile> with the file's text (see lesson-model/shownFiles.ts). */
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { lessonPath } from './lessonPath.ts';
import { collectShownFiles } from '../lesson-model/shownFiles.ts';

export function remarkShownFiles() {
  return (tree: Root, file: VFile) => {
    const source = lessonPath(file);
    const slug = path.basename(source, path.extname(source));
    for (const shown of collectShownFiles(tree, source, slug)) {
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'ShownFile',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'name', value: shown.name },
          { type: 'mdxJsxAttribute', name: 'lang', value: shown.lang },
          { type: 'mdxJsxAttribute', name: 'content', value: shown.content },
        ],
        children: [],
      };
      const siblings = shown.parent.children;
      siblings.splice(siblings.indexOf(shown.node), 1, element);
    }
  };
}
