import { describe, expect, it } from 'vitest';
import {
  commandsOf,
  parseCommandBlock,
  parseFenceMeta,
} from '../../../src/lesson-model/command-block/parseCommandBlock.ts';
import { LessonError } from '../../../src/lesson-model/errors.ts';

const at = { file: 'content/lessons/en/sample.mdx', line: 10 };
const parse = (body: string, meta = '') => parseCommandBlock(body, meta, at);

function errorOf(run: () => unknown): LessonError {
  try {
    run();
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

describe('commands and output', () => {
  it('splits prompts, continuation lines and output, with file line numbers', () => {
    const block = parse(
      '$ docker run -d \\\n>   --name ds-web busybox:1.37 sleep 60\n{{id}}\n$ docker ps -q\n{{id}}\n',
    );
    expect(block.commands).toHaveLength(2);
    expect(block.commands[0]!.text).toBe('docker run -d \\\n  --name ds-web busybox:1.37 sleep 60');
    expect(block.commands[0]!.lines).toEqual(['docker run -d \\', '  --name ds-web busybox:1.37 sleep 60']);
    expect(block.commands[0]!.line).toBe(11);
    expect(block.commands[1]!.line).toBe(14);
    expect(block.commands[1]!.output[0]!.line).toBe(15);
  });

  it('copies commands only: no prompts, no output, continuation kept', () => {
    const block = parse('$ echo one \\\n> two\none two\n$ echo three\nthree');
    expect(commandsOf(block)).toBe('echo one \\\ntwo\necho three');
  });

  it('reads a "> " line after output as output, not as a continuation', () => {
    const block = parse('$ printf "a\\n> b\\n"\na\n> b');
    expect(block.commands[0]!.lines).toHaveLength(1);
    expect(block.commands[0]!.output).toHaveLength(2);
  });

  it('keeps heredoc bodies as continuation lines', () => {
    const block = parse(
      "$ cat <<'EOF' > redis.conf\n> appendonly yes\n> EOF\n$ cat redis.conf\nappendonly yes",
    );
    expect(block.commands[0]!.text).toBe("cat <<'EOF' > redis.conf\nappendonly yes\nEOF");
  });

  it('unescapes output lines that start like a prompt', () => {
    const block = parse('$ echo "$ 5"\n\\$ 5');
    expect(block.commands[0]!.output[0]).toMatchObject({ segments: [{ kind: 'literal', text: '$ 5' }] });
  });

  it('reads PowerShell prompts with shell=powershell', () => {
    const block = parse('PS> docker ps `\n>> --all\n{{...}}', 'shell=powershell');
    expect(block.shell).toBe('powershell');
    expect(block.commands[0]!.text).toBe('docker ps `\n--all');
  });
});

describe('placeholders', () => {
  it('parses kinds, labels and elision', () => {
    const block = parse('$ docker run -d busybox:1.37\n{{id:container ID}}\n{{...}}\nUp {{time}} ago');
    const [first, second, third] = block.commands[0]!.output;
    expect(first).toMatchObject({
      kind: 'text',
      segments: [{ kind: 'placeholder', placeholder: 'id', label: 'container ID' }],
    });
    expect(second).toMatchObject({ kind: 'elision' });
    expect(third).toMatchObject({ segments: [{ text: 'Up ' }, { placeholder: 'time' }, { text: ' ago' }] });
    // No label of the author's own: the page and the diffs take the kind's label in their language.
    expect(
      third!.kind === 'text' && third!.segments[1]!.kind === 'placeholder' && third!.segments[1]!.label,
    ).toBeUndefined();
  });

  it('leaves Go templates in commands alone', () => {
    const block = parse("$ docker ps --format '{{.Names}}'\nds-web");
    expect(block.commands[0]!.text).toContain('{{.Names}}');
  });

  it('keeps escaped braces literal', () => {
    const block = parse('$ echo "{{x}}"\n\\{{x}}');
    expect(block.commands[0]!.output[0]).toMatchObject({ segments: [{ kind: 'literal', text: '{{x}}' }] });
  });

  it('names the line and the known kinds for an unknown placeholder', () => {
    const error = errorOf(() => parse('$ docker ps\n\n{{uid}}'));
    expect(error.line).toBe(13);
    expect(error.message).toMatch(
      /^content\/lessons\/en\/sample\.mdx:13: unknown placeholder \{\{uid\}\}\. Use one of: \{\{id\}\}/,
    );
  });

  it('rejects an unclosed placeholder', () => {
    expect(errorOf(() => parse('$ docker ps\n{{id')).message).toMatch(
      /:12: placeholder "\{\{id" is not closed/,
    );
  });

  it('rejects {{...}} inside a line', () => {
    expect(errorOf(() => parse('$ docker ps\nfoo {{...}}')).message).toMatch(/alone on its own line/);
  });
});

describe('fence options', () => {
  it('reads quoted values, flags and numbers', () => {
    const block = parse('$ true', 'title="Clean \\"up\\"" cleanup timeout=120 exit=1 norun="macOS only"');
    expect(block).toMatchObject({
      title: 'Clean "up"',
      cleanup: true,
      timeout: 120,
      exit: 1,
      norun: 'macOS only',
    });
  });

  it('defaults to bash, 60 s, exit 0', () => {
    expect(parse('$ true')).toMatchObject({ shell: 'bash', timeout: 60, exit: 0, cleanup: false });
  });

  it.each([
    ['norun', /option "norun" needs a value\. Write norun=/],
    ['shell=fish', /unknown shell "fish"/],
    ['colour=red', /unknown command-block option "colour"/],
    ['timeout=soon', /timeout=soon is not a whole number/],
    ['title="a" title="b"', /option "title" is given twice/],
    ['cleanup=yes', /takes no value/],
  ])('rejects %s at the fence line', (meta, message) => {
    const error = errorOf(() => parse('$ true', meta));
    expect(error.line).toBe(10);
    expect(error.message).toMatch(message);
  });

  it('splits meta into pairs', () => {
    expect([...parseFenceMeta('a=1 b="two words" c', at)]).toEqual([
      ['a', '1'],
      ['b', 'two words'],
      ['c', true],
    ]);
  });
});

describe('structural mistakes', () => {
  it('rejects a block without commands', () => {
    expect(errorOf(() => parse('')).message).toMatch(/command block has no command/);
  });

  it('rejects output before the first command, hinting at the shell', () => {
    const error = errorOf(() => parse('PS> docker ps'));
    expect(error.message).toMatch(
      /:11: output line "PS> docker ps" comes before any command\. This looks like a PowerShell prompt: set shell=powershell/,
    );
  });

  it('rejects a dangling backslash', () => {
    expect(errorOf(() => parse('$ docker run \\\nhello')).message).toMatch(
      /:11: the command ends with "\\" but no continuation line follows/,
    );
  });

  it('rejects an empty prompt', () => {
    expect(errorOf(() => parse('$ ')).message).toMatch(/prompt "\$" with no command/);
  });
});
