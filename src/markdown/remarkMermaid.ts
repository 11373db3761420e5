/**
 * Remark plugin: every ```mermaid fence becomes a <Diagram svg title description /> element
 * holding the SVG rendered at build time (src/diagrams/renderMermaid.ts). No Mermaid code reaches the
 * browser. The lead registers it in astro.config.mjs; the MDX page supplies the Diagram component.
 */
import type { Code, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isDiagramFence } from '../lesson-model/diagramFences.ts';
import { lessonPath } from './lessonPath.ts';
import {
  renderDiagram as defaultRender,
  type RenderDiagramOptions,
  type RenderedDiagram,
} from '../diagrams/renderMermaid.ts';

export interface RemarkMermaidOptions {
  /** Replaces the renderer (tests). */
  render?: (
    source: string,
    at: { file: string; line: number },
    options?: RenderDiagramOptions,
  ) => Promise<RenderedDiagram>;
}

export default function remarkMermaid(options: RemarkMermaidOptions = {}) {
  const render = options.render ?? defaultRender;
  return async function transformer(tree: Root, file: VFile): Promise<void> {
    const found: { node: Code; index: number; parent: Parent }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (isDiagramFence(node) && parent && index !== undefined) found.push({ node, index, parent });
    });
    if (found.length === 0) return;

    const where = lessonPath(file);
    const seen = new Map<string, number>();
    for (const { node, index, parent } of found) {
      const occurrence = seen.get(node.value) ?? 0;
      seen.set(node.value, occurrence + 1);
      const diagram = await render(
        node.value,
        { file: where, line: node.position?.start.line ?? 1 },
        { occurrence },
      );
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Diagram',
        attributes: (['svg', 'title', 'description'] as const).map((name) => ({
          type: 'mdxJsxAttribute',
          name,
          value: diagram[name],
        })),
        children: [],
      };
      parent.children[index] = element;
    }
  };
}
