import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkMermaid from '../../../src/markdown/remarkMermaid.ts';
import type { RenderDiagramOptions } from '../../../src/diagrams/renderMermaid.ts';

const lesson = [
  '# Images', //                                   1
  '', //                                           2
  '```mermaid', //                                 3
  'flowchart LR', //                               4
  '  a --> b', //                                  5
  '```', //                                        6
  '', //                                           7
  '<Callout type="note">', //                      8
  '```mermaid', //                                 9
  'flowchart LR', //                               10
  '  a --> b', //                                  11
  '```', //                                        12
  '</Callout>', //                                 13
  '', //                                           14
  '```console', //                                 15
  '$ docker ps', //                                16
  '```', //                                        17
].join('\n');

describe('remarkMermaid', () => {
  it('replaces each mermaid fence, also inside JSX, with a <Diagram> element and passes file and fence line', async () => {
    const calls: { source: string; at: { file: string; line: number }; options?: RenderDiagramOptions }[] =
      [];
    const render = async (
      source: string,
      at: { file: string; line: number },
      options?: RenderDiagramOptions,
    ) => {
      calls.push({ source, at, ...(options ? { options } : {}) });
      return {
        svg: `<svg>S${calls.length}</svg>`,
        title: 'T',
        description: 'D',
      };
    };
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMermaid, { render });
    const file = new VFile({
      path: path.join(process.cwd(), 'content/lessons/en/images.mdx'),
      value: lesson,
    });
    const tree = await processor.run(processor.parse(file), file);

    expect(calls.map((call) => call.at)).toEqual([
      { file: path.join('content', 'lessons', 'en', 'images.mdx'), line: 3 },
      { file: path.join('content', 'lessons', 'en', 'images.mdx'), line: 9 },
    ]);
    expect(calls[0]!.source).toBe('flowchart LR\n  a --> b');
    // The same diagram twice on one page must get different ids.
    expect(calls.map((call) => call.options?.occurrence)).toEqual([0, 1]);

    const json = JSON.stringify(tree);
    expect(json).not.toContain('"lang":"mermaid"');
    expect(json).toContain('"lang":"console"');
    const first = (tree as unknown as { children: unknown[] }).children[1];
    expect(first).toEqual({
      type: 'mdxJsxFlowElement',
      name: 'Diagram',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'svg', value: '<svg>S1</svg>' },
        { type: 'mdxJsxAttribute', name: 'title', value: 'T' },
        { type: 'mdxJsxAttribute', name: 'description', value: 'D' },
      ],
      children: [],
    });
  });

  it('lets a renderer error (a LessonError) fail the file', async () => {
    const render = async () => {
      throw new Error('content/lessons/en/images.mdx:4: broken');
    };
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMermaid, { render });
    const file = new VFile({ path: 'content/lessons/en/images.mdx', value: lesson });
    await expect(processor.run(processor.parse(file), file)).rejects.toThrow('images.mdx:4: broken');
  });
});
