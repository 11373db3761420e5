/**
 * Verification records (src/lesson-model/verification.ts): what a block's hash covers, how a lesson
 * compares with its record, when a run may replace a record, and the record file's format.
 * The verification check on whole content trees is in tests/unit/checks/verification.test.ts.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseCommandBlock } from '../../src/lesson-model/command-block/parseCommandBlock.ts';
import { collectCommandBlocks, type LessonBlock } from '../../src/lesson-model/lessonBlocks.ts';
import {
  blockHash,
  compareWithRecord,
  describeEngine,
  engineVersion,
  formatRecord,
  isReferenceEngine,
  parseRecord,
  recordDecision,
  recordOf,
  RecordError,
  summarize,
  type EngineFacts,
} from '../../src/lesson-model/verification.ts';

const at = { file: 'content/lessons/en/sample.mdx', line: 10 };
const hashOf = (body: string, meta = '') => blockHash(parseCommandBlock(body, meta, at));

/** What `docker version` and `docker info` report on the reference engine (CI's). */
const REFERENCE: EngineFacts = {
  server: '28.5.2+dfsg4',
  client: '28.5.2+dfsg4',
  api: '1.51',
  os: 'Debian GNU/Linux forky/sid',
  arch: 'amd64',
  storageDriver: 'overlayfs',
  imageStore: 'containerd',
  images: 'stand-ins',
};
/** A contributor's laptop: a newer engine with the classic image store. */
const LAPTOP: EngineFacts = {
  ...REFERENCE,
  server: '29.1.0',
  client: '29.1.0',
  storageDriver: 'overlay2',
  imageStore: 'classic',
  images: 'registry',
};

function lessonBlocks(markdown: string): LessonBlock[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return collectCommandBlocks(tree, 'content/lessons/en/sample.mdx');
}

const fence = (body: string, meta = '') => `\`\`\`console${meta ? ` ${meta}` : ''}\n${body}\n\`\`\`\n`;
const LESSON = [
  '## Run\n\nRun it.\n',
  fence('$ docker run --name ds-a busybox:1.37 echo hi\nhi', 'title="Run it"'),
  '## Windows\n',
  fence('PS> docker ps -q', 'shell=powershell'),
  fence('$ open -a Docker', 'norun="Docker Desktop on a Mac only"'),
  '## Clean up\n',
  fence('$ docker rm ds-a\nds-a', 'cleanup'),
].join('\n');

describe('a block hash', () => {
  const base =
    '$ docker run -d --name ds-web busybox:1.37 sleep 60\n{{id:container ID}}\n$ docker ps -q\n{{id}}';

  it('covers what the suite runs and judges, not what is translated', () => {
    // The Korean block of the same step: a translated title and translated placeholder labels.
    const korean =
      '$ docker run -d --name ds-web busybox:1.37 sleep 60\n{{id:컨테이너 ID}}\n$ docker ps -q\n{{id}}';
    expect(hashOf(korean, 'title="컨테이너 실행"')).toBe(hashOf(base, 'title="Start a container"'));
    expect(hashOf(base)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a command, an output line, a placeholder kind, the exit status or the timeout', () => {
    const hashes = [
      hashOf(base),
      hashOf(base.replace('sleep 60', 'sleep 61')),
      hashOf(base.replace('{{id}}', '{{hex}}')),
      hashOf(`${base}\nmore output`),
      hashOf(base, 'exit=1'),
      hashOf(base, 'timeout=120'),
      hashOf(base.replace('$ docker ps -q', '$ docker ps -q \\\n>   --no-trunc')),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('comparing a lesson with its record', () => {
  const blocks = lessonBlocks(LESSON);
  const files = [{ name: 'compose.yaml', content: 'services: {}\n' }];
  const record = recordOf('sample', blocks, files, REFERENCE, '2026-12-02');

  it('records the runnable blocks only (bash, not norun), in page order', () => {
    expect(record.blocks.map((block) => block.first)).toEqual([
      'docker run --name ds-a busybox:1.37 echo hi',
      'docker rm ds-a',
    ]);
    expect(Object.keys(record.files)).toEqual(['compose.yaml']);
  });

  it('finds every block verified when nothing changed', () => {
    const now = compareWithRecord(blocks, files, record);
    expect(now.blocks.map((block) => [block.status, block.verified])).toEqual([
      ['same', true],
      ['same', true],
    ]);
    expect(now).toMatchObject({ changedFiles: [], removedBlocks: 0, commands: 2, verifiedCommands: 2 });
    expect(summarize(now)).toMatchObject({
      state: 'all',
      commands: 2,
      date: '2026-12-02',
      engineVersion: '28.5.2',
      imageStore: 'containerd',
      reference: true,
    });
  });

  it('marks a changed block, and only that block', () => {
    const changed = lessonBlocks(LESSON.replace('echo hi\nhi', 'echo hello\nhello'));
    const now = compareWithRecord(changed, files, record);
    expect(now.blocks.map((block) => block.status)).toEqual(['changed', 'same']);
    expect(now.verifiedCommands).toBe(1);
    expect(summarize(now).state).toBe('some');
  });

  it('counts a block that the recorded pass did not have as new, and a removed one as removed', () => {
    const added = lessonBlocks(`${LESSON}\n${fence('$ docker ps -aq')}`);
    expect(compareWithRecord(added, files, record).blocks.map((block) => block.status)).toEqual([
      'same',
      'same',
      'new',
    ]);
    const removed = lessonBlocks(LESSON.slice(0, LESSON.indexOf('## Clean up')));
    const now = compareWithRecord(removed, files, record);
    expect(now.removedBlocks).toBe(1);
    expect(now.blocks.map((block) => block.status)).toEqual(['same']);
  });

  it('treats a block moved after a new step as changed: it runs after something that never ran before it', () => {
    const inserted = LESSON.replace('## Clean up', `${fence('$ docker ps -aq')}\n## Clean up`);
    const now = compareWithRecord(lessonBlocks(inserted), files, record);
    expect(now.blocks.map((block) => block.status)).toEqual(['same', 'changed', 'new']);
  });

  it('takes every block as unverified when a shown file changed, was added or was removed', () => {
    const edited = compareWithRecord(
      blocks,
      [{ name: 'compose.yaml', content: 'services: {a: {}}\n' }],
      record,
    );
    expect(edited.changedFiles).toEqual(['compose.yaml']);
    expect(edited.blocks.every((block) => block.status === 'same' && !block.verified)).toBe(true);
    expect(summarize(edited).state).toBe('stale');
    expect(compareWithRecord(blocks, [], record).changedFiles).toEqual(['compose.yaml']);
    expect(
      compareWithRecord(blocks, [...files, { name: 'redis.conf', content: 'x' }], record).changedFiles,
    ).toEqual(['redis.conf']);
  });

  it('says "not yet verified" for a lesson with no record', () => {
    const now = compareWithRecord(blocks, files, undefined);
    expect(now.blocks.map((block) => [block.status, block.verified])).toEqual([
      ['unrecorded', false],
      ['unrecorded', false],
    ]);
    expect(summarize(now)).toEqual({ state: 'none', commands: 2, verifiedCommands: 0 });
  });
});

describe('the reference engine and replacing records', () => {
  const blocks = lessonBlocks(LESSON);
  const onReference = recordOf('sample', blocks, [], REFERENCE, '2026-12-02');

  it('knows the reference engine by version and image store, whatever the build suffix', () => {
    expect(isReferenceEngine(REFERENCE)).toBe(true);
    expect(isReferenceEngine({ ...REFERENCE, server: '28.5.10' })).toBe(true);
    expect(isReferenceEngine({ ...REFERENCE, server: '28.50.1' })).toBe(false);
    expect(isReferenceEngine({ ...REFERENCE, imageStore: 'classic' })).toBe(false);
    expect(isReferenceEngine(LAPTOP)).toBe(false);
    expect(engineVersion('28.5.2+dfsg4')).toBe('28.5.2');
    expect(describeEngine(REFERENCE)).toBe('Docker Engine 28.5.2 (containerd image store)');
    expect(describeEngine(LAPTOP)).toBe('Docker Engine 29.1.0 (overlay2 storage driver)');
  });

  it('lets any engine record a lesson with no record or a stale one, and the reference engine always', () => {
    const unchanged = compareWithRecord(blocks, [], onReference);
    expect(recordDecision(undefined, compareWithRecord(blocks, [], undefined), LAPTOP).write).toBe(true);
    expect(recordDecision(onReference, unchanged, REFERENCE)).toEqual({ write: true, replaces: onReference });
    const edited = lessonBlocks(LESSON.replace('echo hi\nhi', 'echo hello\nhello'));
    expect(recordDecision(onReference, compareWithRecord(edited, [], onReference), LAPTOP).write).toBe(true);
    const onLaptop = recordOf('sample', blocks, [], LAPTOP, '2026-12-01');
    expect(recordDecision(onLaptop, compareWithRecord(blocks, [], onLaptop), LAPTOP).write).toBe(true);
  });

  it('never lets another engine replace a reference-engine record the lesson still matches', () => {
    const decision = recordDecision(onReference, compareWithRecord(blocks, [], onReference), LAPTOP);
    expect(decision.write).toBe(false);
    if (!decision.write) {
      expect(decision.reason).toContain('kept the record from Docker Engine 28.5.2 (containerd image store)');
      expect(decision.reason).toContain('Docker Engine 29.1.0 (overlay2 storage driver)');
    }
  });
});

describe('the record file', () => {
  const record = recordOf(
    'sample',
    lessonBlocks(LESSON),
    [
      { name: 'b.yaml', content: 'b' },
      { name: 'a.conf', content: 'a' },
    ],
    REFERENCE,
    '2026-12-02',
  );

  it('reads back what it wrote, one block a line and files in name order', () => {
    const text = formatRecord(record);
    expect(parseRecord(text)).toEqual(record);
    const lines = text.split('\n');
    expect(lines.filter((line) => line.includes('"hash"'))).toHaveLength(2);
    expect(lines.findIndex((line) => line.includes('a.conf'))).toBeLessThan(
      lines.findIndex((line) => line.includes('b.yaml')),
    );
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes an empty list of files as {}', () => {
    expect(formatRecord({ ...record, files: {} })).toContain('"files": {}');
  });

  it('names the line of a problem', () => {
    const text = formatRecord(record);
    const badDate = text.replace('"2026-12-02"', '"2 December"');
    let error: unknown;
    try {
      parseRecord(badDate);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).message).toContain('field "date"');
    expect((error as RecordError).line).toBe(text.split('\n').findIndex((l) => l.includes('"date"')) + 1);
    expect(() => parseRecord(text.replace('"blocks": [', '"blocks": [,'))).toThrow(/is not JSON/);
    expect(() => parseRecord(text.replace('"format": 1', '"format": 0'))).toThrow(/field "format"/);
  });
});
