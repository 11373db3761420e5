/**
 * The command-block plugin hands each rendered block its verification label and the page its
 * verification line (as `verification` in the front matter Astro exports), from the lesson's record in
 * <content>/verified/<slug>.json. The browser test checks the built pages; this checks the decision for
 * a record that is there, one that no longer matches a block, and none at all.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { collectCommandBlocks } from '../../src/lesson-model/lessonBlocks.ts';
import { recordOf, writeRecord, type EngineFacts } from '../../src/lesson-model/verification.ts';
import { remarkCommandBlocks } from '../../src/markdown/remarkCommandBlocks.ts';

const ENGINE: EngineFacts = {
  server: '28.5.2+dfsg4',
  client: '28.5.2+dfsg4',
  api: '1.51',
  os: 'Debian GNU/Linux forky/sid',
  arch: 'amd64',
  storageDriver: 'overlayfs',
  imageStore: 'containerd',
  images: 'stand-ins',
};

const LESSON = [
  '## Run',
  '',
  '```console',
  '$ docker run --rm busybox:1.37 echo hi',
  'hi',
  '```',
  '```console shell=powershell',
  'PS> docker run --rm busybox:1.37 echo hi',
  'hi',
  '```',
  '',
  '## Again',
  '',
  '```console',
  '$ docker run --rm busybox:1.37 echo again',
  'again',
  '```',
].join('\n');

const contentDir = mkdtempSync(path.join(os.tmpdir(), 'dockside-remark-'));
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));
const lessonPath = path.join(contentDir, 'lessons', 'en', 'sample.mdx');
mkdirSync(path.dirname(lessonPath), { recursive: true });

function render(text: string) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCommandBlocks);
  const file = new VFile({ path: lessonPath, value: text });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const elements = tree.children.filter(
    (node: RootContent): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement',
  );
  const attribute = (element: MdxJsxFlowElement, name: string) =>
    JSON.parse(String(element.attributes.find((a) => 'name' in a && a.name === name)?.value)) as unknown;
  return {
    labels: elements.map((element) =>
      element.name === 'CommandTabs'
        ? attribute(element, 'verifications')
        : attribute(element, 'verification'),
    ),
    frontmatter: (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter,
  };
}

function record(text: string) {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(text) as Root;
  writeRecord(
    contentDir,
    recordOf('sample', collectCommandBlocks(tree, 'sample.mdx'), [], ENGINE, '2026-12-02'),
  );
}

describe('remarkCommandBlocks and verification', () => {
  it('without a record: no block is verified, and the page says so once', () => {
    const { labels, frontmatter } = render(LESSON);
    // A tab group (bash + PowerShell), then a single block; PowerShell is never run, so it has no label.
    expect(labels).toEqual([['unrecorded', null], 'unrecorded']);
    expect(frontmatter?.verification).toEqual({ state: 'none', commands: 2, verifiedCommands: 0 });
  });

  it('with a record of the lesson as it is: every runnable block verified', () => {
    record(LESSON);
    const { labels, frontmatter } = render(LESSON);
    expect(labels).toEqual([['verified', null], 'verified']);
    expect(frontmatter?.verification).toMatchObject({
      state: 'all',
      commands: 2,
      verifiedCommands: 2,
      date: '2026-12-02',
      engineVersion: '28.5.2',
      imageStore: 'containerd',
    });
  });

  it('after a block changed: that block is labelled, the others stay verified', () => {
    record(LESSON);
    const { labels, frontmatter } = render(LESSON.replace('echo again\nagain', 'echo once more\nonce more'));
    expect(labels).toEqual([['verified', null], 'changed']);
    expect(frontmatter?.verification).toMatchObject({ state: 'some', commands: 2, verifiedCommands: 1 });
  });
});
