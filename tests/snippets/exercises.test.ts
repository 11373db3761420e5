/**
 * The snippet suite's proof of an exercise (docs/practice.md), on the real Docker Engine: the check
 * must fail before the solution runs, the solution must pass, and the check must pass after it. The
 * fixture lessons in tests/snippets/fixtures/ are one exercise each: proved, with a check that passes
 * before the solution (rejected: it proves nothing), and with a solution that does not do the task.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineLock } from '../../src/runtime/engineLock.ts';
import { readLessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { runLesson, type LessonReporter } from '../../src/runtime/lessonRun.ts';
import { engineUp, lockLessonEngine } from '../follow/engine.ts';

const fixture = (name: string) =>
  readLessonFile(path.resolve(import.meta.dirname, 'fixtures', `${name}.mdx`));

async function run(name: string) {
  const lesson = readLessonFile(path.resolve(import.meta.dirname, 'fixtures', `${name}.mdx`));
  const passed: string[] = [];
  const failures: { line: number; problems: string[] }[] = [];
  const reporter: LessonReporter = {
    blockPassed: (_block, title) => passed.push(title),
    commandFailed: (_block, command, problems) => failures.push({ line: command.line, problems }),
    blockNotRun: () => {},
    leftovers: (_file, found) => failures.push({ line: 0, problems: [`left: ${found.join(', ')}`] }),
    interrupted: () => {},
  };
  const outcome = await runLesson(lesson, reporter, process.env, undefined, new AbortController().signal);
  return { lesson, outcome, passed, failures, statuses: outcome.blocks.map((b) => b.status) };
}

let engineLock: EngineLock | undefined;
beforeAll(async () => {
  if (!engineUp && process.env.CI === 'true')
    throw new Error('no Docker Engine answers; these tests need one');
  engineLock = await lockLessonEngine();
}, 1_800_000);
afterAll(() => engineLock?.release());

describe.runIf(engineUp)('the snippet suite proves each exercise', () => {
  it('passes an exercise whose check fails before the solution and passes after it', async () => {
    const { passed, failures, statuses, outcome } = await run('exercise-proved');
    expect(failures).toEqual([]);
    expect(statuses).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(outcome.lessonFailures).toBe(0);
    expect(passed[1]).toContain('its check failed before it');
  });

  it('rejects an exercise whose check already passes before the solution', async () => {
    const { lesson, failures, statuses } = await run('exercise-passes-early');
    const check = lesson.exercises[0]!.check[0]!.block;
    expect(failures).toHaveLength(1);
    expect(failures[0]!.line).toBe(check.commands[0]!.line);
    expect(failures[0]!.problems.join(' ')).toMatch(
      /passes before its solution has run, so it proves nothing/,
    );
    // The solution block carries the failure; the rest of the lesson still runs and cleans up.
    expect(statuses).toEqual(['passed', 'failed', 'passed', 'passed']);
  });

  it('fails an exercise whose solution does not do what the check asks', async () => {
    const { failures, statuses } = await run('exercise-wrong-solution');
    expect(statuses).toEqual(['passed', 'passed', 'failed', 'passed']);
    expect(failures.map((f) => f.problems.join(' '))).toEqual([
      expect.stringMatching(/running busybox:1\.36.*running busybox:1\.37/),
    ]);
  });

  it('reads each fixture as one exercise with a bash solution and check', () => {
    for (const name of ['exercise-proved', 'exercise-passes-early', 'exercise-wrong-solution'])
      expect(fixture(name).exercises.map((e) => e.title)).toEqual(['Start a named container']);
  });
});
