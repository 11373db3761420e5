/**
 * The verification check (scripts/checks/verification.ts) on small content trees: a lesson in both
 * languages, a file it shows, and a record made the way the snippet suite makes one after a pass
 * (recordOf on the lesson as it was, written by writeRecord). Then the lesson changes, and the check
 * must name exactly the file and line that changed and say which command records a new pass.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkVerification } from '../../../scripts/checks/verification.ts';
import { readLessonFile, relativeToRepo } from '../../../src/lesson-model/readLessonFile.ts';
import {
  recordOf,
  recordPath,
  writeRecord,
  type EngineFacts,
} from '../../../src/lesson-model/verification.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');

const REFERENCE: EngineFacts = {
  server: '28.5.2',
  client: '28.5.2',
  api: '1.51',
  os: 'Debian GNU/Linux forky/sid',
  arch: 'amd64',
  storageDriver: 'overlayfs',
  imageStore: 'containerd',
  images: 'stand-ins',
};

const frontmatter = (title: string, objectives: string[]) =>
  [
    '---',
    `title: ${title}`,
    'description: A small lesson for the verification check and nothing else.',
    'course: docker-concepts',
    'order: 1',
    'objectives:',
    ...objectives.map((objective) => `  - ${objective}`),
    '---',
  ].join('\n');

const body = (words: { run: string; show: string; clean: string; label: string }) => `
## ${words.run}

${words.run}.

\`\`\`console title="${words.run}"
$ docker run -d --name ds-check busybox:1.37 sleep 60
{{id:${words.label}}}
\`\`\`

## ${words.show}

\`\`\`text file=hello.txt
\`\`\`

\`\`\`console
$ docker exec ds-check echo hi
hi
\`\`\`

## ${words.clean}

\`\`\`console cleanup
$ docker rm -f ds-check
ds-check
\`\`\`
`;

const EN = `${frontmatter('A lesson to verify', ['Run a container', 'Remove it again'])}\n${body({ run: 'Run it', show: 'Look', clean: 'Clean up', label: 'container ID' })}`;
const KO = `${frontmatter('검증할 레슨', ['컨테이너를 실행합니다', '컨테이너를 지웁니다'])}\n${body({ run: '실행하기', show: '살펴보기', clean: '정리', label: '컨테이너 ID' })}`;

/** Line of the first line containing `text` in a lesson, as the check reports it. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const trees: string[] = [];
afterEach(() => trees.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A content tree with the lesson in both languages; `recorded` makes a record of it as it is now. */
function contentTree(options: { recorded?: EngineFacts | false } = {}) {
  const contentDir = mkdtempSync(path.join(os.tmpdir(), 'dockside-verification-'));
  trees.push(contentDir);
  cpSync(path.join(REPO, 'content', 'courses.yaml'), path.join(contentDir, 'courses.yaml'));
  const lessonFile = (locale: string) => path.join(contentDir, 'lessons', locale, 'sample.mdx');
  for (const [locale, text] of [
    ['en', EN],
    ['ko', KO],
  ] as const) {
    mkdirSync(path.dirname(lessonFile(locale)), { recursive: true });
    writeFileSync(lessonFile(locale), text);
  }
  const shown = path.join(contentDir, 'files', 'sample', 'hello.txt');
  mkdirSync(path.dirname(shown), { recursive: true });
  writeFileSync(shown, 'Hello\n');
  if (options.recorded !== false) {
    const lesson = readLessonFile(lessonFile('en'));
    writeRecord(
      contentDir,
      recordOf('sample', lesson.blocks, lesson.files, options.recorded ?? REFERENCE, '2026-12-02'),
    );
  }
  const edit = (locale: 'en' | 'ko', from: string, to: string) => {
    const text = readFileSync(lessonFile(locale), 'utf8');
    expect(text).toContain(from);
    writeFileSync(lessonFile(locale), text.replace(from, to));
  };
  const check = async () => (await checkVerification({ contentDir })).problems;
  return {
    contentDir,
    edit,
    check,
    shown,
    file: (locale: 'en' | 'ko') => relativeToRepo(lessonFile(locale)),
    text: (locale: 'en' | 'ko') => readFileSync(lessonFile(locale), 'utf8'),
  };
}

describe('the verification check', () => {
  it('passes a lesson that is exactly what its record says passed', async () => {
    const tree = contentTree();
    expect(await tree.check()).toEqual([]);
    const result = await checkVerification({ contentDir: tree.contentDir });
    expect(result.summary).toBe('3 of 3 runnable blocks verified');
    expect(result.notes).toEqual([]);
  });

  it('fails a lesson with no record, at its first runnable block, saying how to record one', async () => {
    const tree = contentTree({ recorded: false });
    const problems = await tree.check();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      `${tree.file('en')}:${lineOf(tree.text('en'), '```console title=')}`,
    ]);
    expect(problems[0]!.problem).toContain('no recorded pass of the snippet suite');
    expect(problems[0]!.fix).toContain('npm run test:snippets -- sample');
    expect(problems[0]!.message).toBe(
      `${problems[0]!.file}:${problems[0]!.line}: ${problems[0]!.problem}. ${problems[0]!.fix}`,
    );
  });

  it('names the block that changed after the recorded pass (once, though both languages changed)', async () => {
    const tree = contentTree();
    for (const locale of ['en', 'ko'] as const)
      tree.edit(locale, '$ docker exec ds-check echo hi\nhi', '$ docker exec ds-check echo hello\nhello');
    const problems = await tree.check();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      `${tree.file('en')}:${lineOf(tree.text('en'), 'echo hello') - 1}`,
    ]);
    expect(problems[0]!.problem).toBe(
      "this command block changed after the lesson's last recorded pass (2026-12-02, Docker Engine 28.5.2 (containerd image store)), so the page shows it as not yet verified",
    );
    expect(problems[0]!.fix).toBe(
      `Run npm run test:snippets -- sample: a passing run records it in ${relativeToRepo(recordPath(tree.contentDir, 'sample'))}; commit that file`,
    );
  });

  it('leaves prose, titles and placeholder labels alone', async () => {
    const tree = contentTree();
    tree.edit('en', '\nRun it.\n', '\nRun it, and see what Docker prints.\n');
    tree.edit('en', 'title="Run it"', 'title="Start the container"');
    tree.edit('ko', '{{id:컨테이너 ID}}', '{{id:새 컨테이너의 ID}}');
    expect(await tree.check()).toEqual([]);
  });

  it('names a new block, and a lesson that lost its last block', async () => {
    const added = contentTree();
    for (const locale of ['en', 'ko'] as const)
      added.edit(
        locale,
        '```console cleanup',
        '```console\n$ docker ps -q --filter name=ds-check\n{{id}}\n```\n\n```console cleanup',
      );
    const problems = await added.check();
    expect(problems.map((p) => [p.line, p.problem.split(' (')[0]])).toEqual([
      [
        lineOf(added.text('en'), 'docker ps -q') - 1,
        "this command block changed after the lesson's last recorded pass",
      ],
      [
        lineOf(added.text('en'), '```console cleanup'),
        "this command block was not part of the lesson's last recorded pass",
      ],
    ]);

    const removed = contentTree();
    for (const locale of ['en', 'ko'] as const)
      removed.edit(locale, '```console cleanup\n$ docker rm -f ds-check\nds-check\n```\n', '');
    const lost = await removed.check();
    expect(lost).toHaveLength(1);
    expect(lost[0]!.line).toBe(lineOf(removed.text('en'), 'docker exec') - 1);
    expect(lost[0]!.problem).toContain(
      'its last recorded pass (2026-12-02, Docker Engine 28.5.2 (containerd image store)) ran 3',
    );
  });

  it('names a shown file that changed, at the file', async () => {
    const tree = contentTree();
    writeFileSync(tree.shown, 'Hello, again\n');
    const problems = await tree.check();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([`${relativeToRepo(tree.shown)}:1`]);
    expect(problems[0]!.problem).toContain('changed after the last recorded pass');
    expect(problems[0]!.fix).toContain('npm run test:snippets -- sample');
  });

  it('names a Korean block whose expected output differs from the English block that passed', async () => {
    const tree = contentTree();
    tree.edit('ko', '\nhi\n', '\n안녕\n');
    const problems = await tree.check();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      `${tree.file('ko')}:${lineOf(tree.text('ko'), 'docker exec') - 1}`,
    ]);
    expect(problems[0]!.problem).toContain(`differs from the English block at ${tree.file('en')}:`);
  });

  it('rejects a record that does not parse, and a record of no lesson', async () => {
    const tree = contentTree();
    const record = recordPath(tree.contentDir, 'sample');
    const text = readFileSync(record, 'utf8');
    writeFileSync(record, text.replace(/"imageStore": "containerd"/, '"imageStore": "zfs"'));
    writeFileSync(recordPath(tree.contentDir, 'gone'), text);
    const problems = await tree.check();
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}`).sort()).toEqual([
      'gone.json:1',
      `sample.json:${text.split('\n').findIndex((line) => line.includes('imageStore')) + 1}`,
    ]);
    expect(problems.find((p) => p.file.endsWith('sample.json'))!.fix).toContain(
      'delete the file and run npm run test:snippets -- sample',
    );
  });

  it('notes, without failing, a lesson verified on an engine other than the reference', async () => {
    const tree = contentTree({
      recorded: { ...REFERENCE, server: '29.1.0', storageDriver: 'overlay2', imageStore: 'classic' },
    });
    const result = await checkVerification({ contentDir: tree.contentDir });
    expect(result.problems).toEqual([]);
    expect(result.notes.join('\n')).toContain('sample (Docker Engine 29.1.0 (overlay2 storage driver))');
  });
});
