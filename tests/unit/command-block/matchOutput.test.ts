import { describe, expect, it } from 'vitest';
import { parseCommandBlock } from '../../../src/lesson-model/command-block/parseCommandBlock.ts';
import { matchOutput } from '../../../src/lesson-model/command-block/matchOutput.ts';

const expected = (output: string) =>
  parseCommandBlock(`$ cmd\n${output}`, '', { file: 'f.mdx', line: 1 }).commands[0]!.output;

describe('matching lines', () => {
  it('accepts identical output', () => {
    expect(matchOutput(expected('hello\nworld'), 'hello\nworld\n').ok).toBe(true);
  });

  it('treats runs of spaces as one, and ignores trailing space and CR', () => {
    expect(
      matchOutput(
        expected('NAME   IMAGE\nds-web busybox:1.37'),
        'NAME IMAGE  \r\nds-web      busybox:1.37\r\n',
      ).ok,
    ).toBe(true);
  });

  it('strips terminal colour codes', () => {
    expect(matchOutput(expected('ok'), '\x1b[32mok\x1b[0m').ok).toBe(true);
  });

  it('expects no output when the lesson shows none', () => {
    const result = matchOutput([], 'surprise');
    expect(result.ok).toBe(false);
    expect(result.explanation).toBe('It printed more than the lesson shows, starting with: "surprise".');
  });

  it('reports the first differing line in plain words and as a diff', () => {
    const result = matchOutput(expected('one\ntwo\nthree'), 'one\nTWO\nthree');
    expect(result.ok).toBe(false);
    expect(result.explanation).toBe('Expected "two" but it printed "TWO".');
    expect(result.diff).toBe('  one\n- two\n+ TWO\n  three');
  });

  it('says when output stopped early', () => {
    expect(matchOutput(expected('one\ntwo'), 'one').explanation).toBe(
      'It stopped early: the lesson expects "two" next.',
    );
  });
});

describe('placeholders', () => {
  it.each([
    ['{{id}}', '3f4e5d6c7b8a', 'nothex12345!'],
    ['{{id}}', 'a'.repeat(64), 'a'.repeat(40)],
    ['{{digest}}', `sha256:${'0'.repeat(64)}`, 'sha256:abc'],
    ['{{size}}', '12.3MB', '12.3 apples'],
    ['{{ip}}', '172.18.0.2', 'localhost'],
    ['{{int}}', '42', '4.2'],
    ['Python 3.11.{{int}}', 'Python 3.11.2', 'Python 3.12.1'],
    ['{{name}}', 'eager_turing', 'EagerTuring'],
    ['Up {{time}}', 'Up 3 seconds', 'Up'],
    ['{{version}}', '29.0.1', 'twenty'],
    ['a{{any}}b', 'ab', 'ba'],
  ])('%s accepts %s and rejects %s', (pattern, good, bad) => {
    expect(matchOutput(expected(pattern), good).ok).toBe(true);
    expect(matchOutput(expected(pattern), bad).ok).toBe(false);
  });

  it('lets {{...}} stand for any number of lines, including none', () => {
    const lines = expected('start\n{{...}}\nend');
    expect(matchOutput(lines, 'start\nend').ok).toBe(true);
    expect(matchOutput(lines, 'start\na\nb\nc\nend').ok).toBe(true);
    expect(matchOutput(lines, 'start\na\nb').ok).toBe(false);
  });

  it('backtracks when elided lines look like what follows', () => {
    expect(matchOutput(expected('{{...}}\nDone'), 'Done\nmore\nDone').ok).toBe(true);
  });

  it('shows placeholders by label in the diff', () => {
    const result = matchOutput(expected('{{id:container ID}}'), 'nope');
    expect(result.diff).toBe('- ‹container ID›\n+ nope');
  });
});

describe('long output', () => {
  // 100,000 printed lines after a `{{...}}`: a noisy `docker logs` or build. The matcher must answer,
  // not overflow the stack.
  const noisy = Array.from({ length: 100_000 }, (_, n) => `log line ${n}`).join('\n');

  it('matches when the last line is the one the lesson shows', () => {
    expect(
      matchOutput(expected('{{...}}\nReady to accept connections'), `${noisy}\nReady to accept connections\n`)
        .ok,
    ).toBe(true);
  });

  it('reports a mismatch when the expected last line never comes', () => {
    const result = matchOutput(
      expected('starting\n{{...}}\nReady to accept connections'),
      `starting\n${noisy}\n`,
    );
    expect(result.ok).toBe(false);
    expect(result.explanation).toBe(
      'It stopped early: the lesson expects "Ready to accept connections" next.',
    );
    expect(result.diff.split('\n').at(-1)).toBe('- Ready to accept connections');
  });
});
