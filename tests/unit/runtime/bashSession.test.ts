/**
 * The bash session the snippet suite and `npm run follow` run lessons in. No Docker needed: these are
 * the shell behaviours a pasted command relies on.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BashSession } from '../../../src/runtime/bashSession.ts';

let session: BashSession | undefined;
const start = () => (session = BashSession.start());
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('BashSession', () => {
  it('merges stdout and stderr in the order they were printed', async () => {
    const result = await start().run('echo one; echo two >&2; echo three');
    expect(result).toMatchObject({
      output: 'one\ntwo\nthree\n',
      exitCode: 0,
      timedOut: false,
      sessionEnded: false,
    });
  });

  it('keeps the output exactly, including a missing final newline', async () => {
    expect((await start().run('printf "no newline"')).output).toBe('no newline');
  });

  it('keeps shell state between commands, like a terminal', async () => {
    const shell = start();
    await shell.run('cd /tmp && export GREETING=hello && count=3');
    expect((await shell.run('echo "$PWD $GREETING $count"')).output).toBe('/tmp hello 3\n');
  });

  it("reports exit statuses, and $? is the previous command's status", async () => {
    const shell = start();
    expect((await shell.run('false')).exitCode).toBe(1);
    expect((await shell.run('echo "status was $?"')).output).toBe('status was 1\n');
  });

  it('runs multi-line commands as pasted: continuations and heredocs', async () => {
    const shell = start();
    expect((await shell.run('echo a \\\n  b')).output).toBe('a b\n');
    expect((await shell.run("cat <<'EOF'\n$HOME stays literal\nEOF")).output).toBe('$HOME stays literal\n');
  });

  it('gives commands an empty stdin, so a command that reads cannot swallow the next one', async () => {
    const shell = start();
    expect((await shell.run('cat; echo after cat')).output).toBe('after cat\n');
    expect((await shell.run('echo next')).output).toBe('next\n');
  });

  it('streams output as it arrives, and the stream equals the result', async () => {
    const chunks: string[] = [];
    const result = await start().run('for i in 1 2 3; do echo $i; sleep 0.05; done', {
      onOutput: (chunk) => chunks.push(chunk),
    });
    expect(chunks.join('')).toBe(result.output);
    expect(result.output).toBe('1\n2\n3\n');
  });

  it('cannot be fooled by output that looks like its end marker', async () => {
    const result = await start().run('echo "__dockside_end_00000000000000000000000000000000__ 0"; echo real');
    expect(result.output).toBe('__dockside_end_00000000000000000000000000000000__ 0\nreal\n');
  });

  it('kills a command that runs past its timeout, with everything it started, and ends the session', async () => {
    const shell = start();
    const result = await shell.run('sleep 30 & sleep 30', { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, sessionEnded: true });
    expect(shell.alive).toBe(false);
  });

  it('reports `exit` as the end of the session with its status', async () => {
    const result = await start().run('exit 3');
    expect(result).toMatchObject({ exitCode: 3, sessionEnded: true });
  });

  it('removes the temporary working directory it made', async () => {
    const shell = start();
    const dir = shell.cwd;
    expect((await shell.run('pwd')).output).toBe(`${dir}\n`);
    await shell.close();
    session = undefined;
    expect(existsSync(dir)).toBe(false);
  });
});
