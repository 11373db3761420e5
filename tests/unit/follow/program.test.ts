/**
 * The runner's command line (src/follow/program.ts), shared by `npm run follow` and the `dockside`
 * package: listing, help in both languages, version, and the errors that come before Docker is needed.
 * The runs of a lesson against Docker are in tests/follow/ and tests/package/.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { contentLessonSource } from '../../../src/follow/contentLessons.ts';
import { dataLessonSource, toLessonData } from '../../../src/follow/lessonData.ts';
import { runProgram, type Invocation } from '../../../src/follow/program.ts';

const source = dataLessonSource(
  toLessonData(
    contentLessonSource(),
    { name: '@dockside-dev/cli', version: '0.0.0' },
    {
      commit: 'abc1234',
      date: '2026-12-01',
      changed: false,
    },
  ),
);
const dockside: Invocation = { command: 'dockside', follow: 'dockside follow', byDefault: 'list' };
const clone: Invocation = { command: 'npm run follow --', follow: 'npm run follow --', byDefault: 'pick' };

/** Runs the program without a terminal (stdin and stdout are pipes) and collects what it prints. */
async function run(args: string[], invocation = dockside, env: NodeJS.ProcessEnv = { LANG: 'C.UTF-8' }) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await runProgram(args, source, invocation, {
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    env,
  });
  return { code, text };
}

describe('dockside command line', () => {
  it('lists the lessons by course with no arguments, and says how to follow one', async () => {
    const { code, text } = await run([]);
    expect(code).toBe(0);
    expect(text).toMatch(/Docker concepts\n\s+1\. What is Docker \(what-is-docker\)/);
    expect(text).toContain('Redis on Docker');
    expect(text).toMatch(/ \d+\. A Redis Cluster on Docker \(redis-cluster\)/);
    // Numbered in course order, the numbers a learner types to pick one.
    const numbers = [...text.matchAll(/^ +(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(source.lessons('en').map((_, index) => index + 1));
    expect(text).toContain(
      'Follow one: dockside follow <lesson>   (for example: dockside follow what-is-docker)',
    );
    expect((await run(['list'])).text).toBe(text);
  });

  it('lists in Korean with --lang ko or a Korean LANG, and keeps --lang in the example', async () => {
    const { text } = await run(['--lang', 'ko']);
    expect(text).toContain('도커 기본 개념');
    expect(text).toContain('(예: dockside follow what-is-docker --lang ko)');
    expect((await run([], dockside, { LANG: 'ko_KR.UTF-8' })).text).toContain('레슨 하나를 따라 하려면');
  });

  it('prints help in English and in Korean', async () => {
    const en = await run(['--help']);
    expect(en.code).toBe(0);
    expect(en.text).toContain('dockside follow <lesson>   follow a lesson');
    expect(en.text).toContain('--lang en|ko');
    const ko = await run(['-h', '--lang', 'ko']);
    expect(ko.text).toContain('사용법');
    expect(ko.text).toContain('dockside follow <레슨>   레슨을 따라 합니다');
    // The descriptions line up in a terminal, where each Hangul syllable takes two columns.
    const lines = ko.text.split('\n').filter((line) => line.startsWith('  dockside'));
    const columns = (text: string) => [...text].reduce((n, c) => n + (/[가-힣]/.test(c) ? 2 : 1), 0);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((line) => columns(line.split(/(?<=\S {3,})(?=\S)/)[0]!))).size).toBe(1);
  });

  it('describes npm run follow with its own syntax', async () => {
    const { text } = await run(['--help'], clone);
    expect(text).toContain('npm run follow -- <lesson>');
    expect(text).toMatch(/^ {2}npm run follow {3,}pick a lesson/m);
  });

  it('says which lessons it carries with --version', async () => {
    const { code, text } = await run(['--version']);
    expect(code).toBe(0);
    const counts = `${source.lessons('en').length} en, ${source.lessons('ko').length} ko`;
    expect(text).toBe(`@dockside-dev/cli 0.0.0 · lessons abc1234 (2026-12-01) · ${counts}\n`);
  });

  it('rejects an unknown option or language with a pointer to --help', async () => {
    const bad = await run(['--colour']);
    expect(bad.code).toBe(2);
    expect(bad.text).toBe("Unknown option '--colour'. See: dockside --help\n");
    const lang = await run(['--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.text).toContain('--lang fr: use en or ko. See: dockside --help');
  });

  it('names the lessons when asked for one that does not exist, before touching Docker', async () => {
    const { code, text } = await run(['follow', 'no-such-lesson']);
    expect(code).toBe(1);
    expect(text).toContain(
      `There is no lesson "no-such-lesson". Lessons: ${source
        .lessons('en')
        .map((l) => l.slug)
        .join(', ')}`,
    );
  });

  it('asks for a lesson name when there is no terminal to pick one in', async () => {
    const { code, text } = await run(['follow']);
    expect(code).toBe(1);
    expect(text).toContain(
      'Name the lesson to follow (there is no terminal to pick one in): dockside follow <lesson>',
    );
    expect((await run([], clone)).text).toContain('npm run follow -- <lesson>');
  });
});
