/** Fences left open: at the end of the file, and in the middle (closed by the next block's fence). */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findUnclosedFence } from '../../../src/lesson-model/fences.ts';

const find = (text: string) => findUnclosedFence(unified().use(remarkParse).parse(text) as Root, text);

describe('findUnclosedFence', () => {
  it('finds a fence left open in the middle, by the next fence-opening line inside it', () => {
    const text = [
      '```console',
      '$ docker ps',
      '',
      'Then:',
      '',
      '```console title="Next"',
      '$ docker images',
      '```',
      '',
    ].join('\n');
    expect(find(text)).toMatchObject({
      line: 1,
      opening: '```console',
      swallowed: { line: 6, what: 'fence', text: '```console title="Next"' },
    });
  });

  it("finds one by a heading in a command block's output", () => {
    const text = [
      '```console',
      '$ docker ps',
      '',
      '## Recap',
      '',
      '```mermaid',
      'flowchart LR',
      '```',
      '',
    ].join('\n');
    expect(find(text)?.swallowed).toEqual({ line: 4, what: 'heading', text: '## Recap' });
  });

  it('leaves alone a longer fence that shows a fence, and shell comments in output', () => {
    const shown = ['````mdx', '```mermaid', 'flowchart LR', '```', '````', ''].join('\n');
    expect(find(shown)).toBeUndefined();
    const comments = [
      '```console',
      '$ cat Dockerfile',
      '# syntax=docker/dockerfile:1',
      'FROM busybox:1.37',
      '```',
      '',
    ].join('\n');
    expect(find(comments)).toBeUndefined();
  });

  it('still finds a fence open at the end of the file', () => {
    const found = find('```console\n$ docker ps\n\n## Recap\n');
    expect(found).toMatchObject({ line: 1, opening: '```console' });
    expect(found?.swallowed).toBeUndefined();
  });
});
