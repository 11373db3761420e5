import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandBlock } from '../../../src/lesson-model/command-block/parseCommandBlock.ts';
import { expectedExit, StepRunner, type CommandOutcome } from '../../../src/runtime/stepRunner.ts';

const at = { file: 'content/lessons/en/sample.mdx', line: 10 };
const runners: StepRunner[] = [];

function runner(): StepRunner {
  const made = new StepRunner({ prefix: 'dockside-step-test-' });
  runners.push(made);
  return made;
}

async function outcomes(of: StepRunner, body: string, meta = ''): Promise<CommandOutcome[]> {
  const all: CommandOutcome[] = [];
  for await (const outcome of of.runBlock(parseCommandBlock(body, meta, at))) all.push(outcome);
  return all;
}

afterEach(async () => {
  for (const made of runners.splice(0)) await made.close();
});

describe('shown files', () => {
  it('writes nested files, creating their folders (file=conf/redis.conf)', () => {
    const steps = runner();
    const written = steps.writeFiles([
      { name: 'compose.yaml', content: 'services: {}\n' },
      { name: 'conf/redis.conf', content: 'maxmemory 10mb\n' },
    ]);
    expect(written).toEqual(['compose.yaml', 'conf/redis.conf']);
    expect(readFileSync(path.join(steps.workDir, 'conf/redis.conf'), 'utf8')).toBe('maxmemory 10mb\n');
  });

  it('the commands see them in their working folder', async () => {
    const steps = runner();
    steps.writeFiles([{ name: 'conf/redis.conf', content: 'maxmemory 10mb\n' }]);
    const [outcome] = await outcomes(steps, '$ cat conf/redis.conf\nmaxmemory 10mb');
    expect(outcome!.ok).toBe(true);
  });

  it('close() removes the working folder', async () => {
    const steps = new StepRunner({ prefix: 'dockside-step-test-' });
    await outcomes(steps, '$ true');
    await steps.close();
    expect(existsSync(steps.workDir)).toBe(false);
  });
});

describe('expected exit status', () => {
  it('is the block exit for the last command and 0 before it', () => {
    const block = parseCommandBlock('$ true\n$ false', 'exit=1', at);
    expect([expectedExit(block, 0), expectedExit(block, 1)]).toEqual([0, 1]);
  });

  it('judges each command against it and against the output', async () => {
    const steps = runner();
    const [first, second] = await outcomes(
      steps,
      '$ echo one\none\n$ sh -c "echo two; exit 1"\ntwo',
      'exit=1',
    );
    expect(first).toMatchObject({ ok: true, expectedExit: 0 });
    expect(second).toMatchObject({ ok: true, expectedExit: 1 });
    expect(second!.result.exitCode).toBe(1);
  });

  it('reports a wrong status and a wrong output as not ok', async () => {
    const steps = runner();
    const [wrongExit, wrongOutput] = await outcomes(steps, '$ false\n$ echo two\nthree');
    expect(wrongExit).toMatchObject({ ok: false, expectedExit: 0 });
    expect(wrongExit!.match.ok).toBe(true);
    expect(wrongOutput!.ok).toBe(false);
    expect(wrongOutput!.match.explanation).toContain('three');
  });
});

describe('sessions', () => {
  it('keeps shell state between blocks', async () => {
    const steps = runner();
    await outcomes(steps, '$ export GREETING=hello');
    const [outcome] = await outcomes(steps, '$ echo "$GREETING"\nhello');
    expect(outcome!.ok).toBe(true);
  });

  it('starts a fresh session in the same folder after one ended', async () => {
    const steps = runner();
    await outcomes(steps, '$ mkdir kept && cd kept');
    const [ended] = await outcomes(steps, '$ exit 3');
    expect(ended!.result.sessionEnded).toBe(true);
    const [next] = await outcomes(steps, '$ pwd');
    expect(next!.result.output.trim()).toBe(steps.workDir);
    expect(existsSync(path.join(steps.workDir, 'kept'))).toBe(true);
  });
});
