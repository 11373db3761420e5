/**
 * The snippet suite's run of one lesson: its bash command blocks in page order through the step runner,
 * each command judged on its output and exit status, then a check that the lesson cleaned up after
 * itself. Printing is the reporter's (tests/snippets/run.ts).
 */
import type { Command, CommandBlock } from '../lesson-model/command-block/types.ts';
import { exerciseOf } from '../lesson-model/exercises.ts';
import type { LessonFile } from '../lesson-model/readLessonFile.ts';
import {
  describeObjects,
  newObjects,
  removeObjects,
  snapshot,
  withoutKept,
  type Snapshot,
} from './engine.ts';
import type { EngineRecorder } from './engineRecorder.ts';
import { StepRunner, type CommandOutcome } from './stepRunner.ts';

export type BlockStatus = 'passed' | 'failed' | 'not run' | 'skipped';

export interface BlockOutcome {
  block: CommandBlock;
  status: BlockStatus;
  /** For 'not run': the author's reason; for 'skipped': why. */
  reason?: string;
}

export interface LessonOutcome {
  blocks: BlockOutcome[];
  /** Ctrl-C stopped the lesson; what it had created was removed and nothing was judged. */
  interrupted: boolean;
  /** A problem that is not one block's: leftovers, or a cleanup block missing. Counted as one failed block. */
  lessonFailures: number;
  durationMs: number;
}

/** What the runner tells the reporter. Printing is the caller's business. */
export interface LessonReporter {
  blockPassed(block: CommandBlock, title: string, durationMs: number): void;
  /** `shown` is the diff of expected against printed output, or (when the output matched) the output itself. */
  commandFailed(
    block: CommandBlock,
    command: Command,
    problems: string[],
    shown: { title: string; text: string },
  ): void;
  blockNotRun(block: CommandBlock, status: 'not run' | 'skipped', reason: string): void;
  leftovers(file: string, found: string[], removalProblems: string[], countedOn: string): void;
  interrupted(removed: string[], removalProblems: string[]): void;
}

/** A lesson that is running: what its cleanup needs. */
interface RunningLesson {
  before: Snapshot;
  recorder?: EngineRecorder | undefined;
  /** Images the lesson may leave for the next lessons of its course (src/lesson-model/courseImages.ts). */
  kept: ReadonlySet<string>;
}

/**
 * What the lesson created and left: recorded objects that are new since `before` (see engine.ts),
 * except the course's images it may keep.
 */
async function leftBy(running: RunningLesson): Promise<ReturnType<typeof newObjects>> {
  await running.recorder?.settled();
  const after = await snapshot();
  return withoutKept(newObjects(running.before, after, running.recorder?.created), running.kept, after);
}

const PLATFORM_REASON = 'PowerShell block';

function blockTitle(block: CommandBlock, heading: string, part: ReturnType<typeof exerciseOf>): string {
  if (part?.role === 'solution')
    return `exercise "${part.exercise.title}": solution (its check failed before it, as it should)`;
  if (part) return `exercise "${part.exercise.title}": check`;
  return block.title ?? heading;
}

/**
 * An exercise's check must fail before its solution runs (docs/practice.md): one that already passes
 * at that point of the lesson proves nothing about the learner's work. Runs the check's commands until
 * one does not print what the lesson shows; returns undefined when one failed (as it should), or what
 * the passing check printed.
 */
async function checkPassesEarly(runner: StepRunner, check: CommandBlock): Promise<string | undefined> {
  const printed: string[] = [];
  for await (const outcome of runner.runBlock(check)) {
    if (!outcome.ok) return undefined;
    printed.push(`$ ${outcome.command.text}`, outcome.result.output.trimEnd());
  }
  return printed.filter(Boolean).join('\n');
}

/** Problems with one command's outcome, in the words the report prints. */
function judge({ result, expectedExit, match }: CommandOutcome, timeoutSeconds: number) {
  const problems: string[] = [];
  if (result.timedOut)
    problems.push(
      `timed out after ${timeoutSeconds} s (the block's timeout; raise it with timeout=… if the step is slow)`,
    );
  else if (result.exitCode === null) problems.push('the shell died while the command ran');
  else if (result.exitCode !== expectedExit) {
    problems.push(
      expectedExit === 0
        ? `exited with status ${result.exitCode}; the lesson expects it to succeed`
        : `exited with status ${result.exitCode}; the lesson expects status ${expectedExit} (exit=${expectedExit})`,
    );
  }
  if (!match.ok) problems.push(match.explanation);
  // When only the exit status is wrong, what the command printed still helps: show it as kept lines.
  const printed = result.output.trimEnd();
  const shown = match.ok
    ? { title: 'it printed:', text: printed || '(nothing)' }
    : { title: 'expected (-) against printed (+):', text: match.diff };
  return { problems, shown, stop: result.timedOut || result.exitCode !== expectedExit };
}

/**
 * @param recorder the engine recorder the session's DOCKER_HOST points at (env must say so), or
 *                 undefined to attribute by difference alone
 * @param signal   Ctrl-C: the running command is killed, no further step runs, and what the lesson
 *                 created so far is removed
 * @param kept     images the lesson may leave behind for the next lessons of its course
 *                 (imagesKeptBy in src/lesson-model/courseImages.ts); anything else left is a failure
 */
export async function runLesson(
  lesson: LessonFile,
  reporter: LessonReporter,
  env: NodeJS.ProcessEnv,
  recorder: EngineRecorder | undefined,
  signal: AbortSignal,
  kept: ReadonlySet<string> = new Set(),
): Promise<LessonOutcome> {
  const started = performance.now();
  recorder?.reset();
  const before = await snapshot();
  const runner = new StepRunner({ prefix: `dockside-lesson-${lesson.slug}-`, env });
  // Files the lesson shows (```yaml file=compose.yaml) are in the reader's folder before the first command.
  runner.writeFiles(lesson.files);
  const running: RunningLesson = { before, recorder, kept };
  const onAbort = () => runner.kill();
  signal.addEventListener('abort', onAbort);

  const outcomes: BlockOutcome[] = [];
  let stopped: string | undefined; // why the remaining (non-cleanup) blocks are skipped

  try {
    for (const found of lesson.blocks) {
      const { block, heading } = found;
      if (signal.aborted) break;
      if (block.shell !== 'bash') {
        outcomes.push({ block, status: 'not run', reason: PLATFORM_REASON });
        reporter.blockNotRun(block, 'not run', PLATFORM_REASON);
        continue;
      }
      if (block.norun !== undefined) {
        outcomes.push({ block, status: 'not run', reason: block.norun });
        reporter.blockNotRun(block, 'not run', block.norun);
        continue;
      }
      if (stopped && !block.cleanup) {
        outcomes.push({ block, status: 'skipped', reason: stopped });
        reporter.blockNotRun(block, 'skipped', stopped);
        continue;
      }
      // After a timeout the runner starts a fresh session in the same folder, so cleanup steps still run.
      const blockStarted = performance.now();
      let failed = false;
      const part = exerciseOf(lesson.exercises, found);
      const check = part?.role === 'solution' ? part.exercise.check[0]?.block : undefined;
      if (part && check) {
        const passedEarly = await checkPassesEarly(runner, check);
        if (passedEarly !== undefined) {
          failed = true;
          reporter.commandFailed(
            check,
            check.commands[0]!,
            [
              `the check of the exercise "${part.exercise.title}" passes before its solution has run, so it proves nothing about the learner's work`,
              'make it test what the task creates (a name, a port, a file, a label) and what the lesson had not made yet',
            ],
            { title: 'the check printed, before the solution:', text: passedEarly },
          );
        }
      }
      for await (const outcome of runner.runBlock(block)) {
        if (signal.aborted) break;
        const verdict = judge(outcome, block.timeout);
        if (verdict.problems.length) {
          failed = true;
          reporter.commandFailed(block, outcome.command, verdict.problems, verdict.shown);
        }
        if (verdict.stop) {
          // Later steps build on this one; running them would only report the same failure again.
          stopped ??= `an earlier step failed (${lesson.file}:${outcome.command.line})`;
          break;
        }
      }
      if (signal.aborted) break;
      outcomes.push({ block, status: failed ? 'failed' : 'passed' });
      if (!failed)
        reporter.blockPassed(block, blockTitle(block, heading, part), performance.now() - blockStarted);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await runner.endSession();
  }

  if (signal.aborted) {
    const left = await leftBy(running);
    const problems = left.length ? await removeObjects(left) : [];
    reporter.interrupted(describeObjects(left), problems);
    await runner.close();
    return {
      blocks: outcomes,
      interrupted: true,
      lessonFailures: 0,
      durationMs: performance.now() - started,
    };
  }

  // Leftovers: what the lesson created and did not remove; its cleanup step should have removed it.
  let lessonFailures = 0;
  const left = await leftBy(running);
  if (left.length) {
    const problems = await removeObjects(left);
    const stillThere = await leftBy(running);
    const removalProblems = [
      ...problems,
      ...(stillThere.length ? [`still there: ${describeObjects(stillThere).join('; ')}`] : []),
    ];
    const cleanupBlock = [...outcomes]
      .reverse()
      .find((outcome) => outcome.block.cleanup && outcome.status === 'passed');
    let countedOn: string;
    if (cleanupBlock) {
      cleanupBlock.status = 'failed';
      countedOn = `counted as a failure of the cleanup block at ${lesson.file}:${cleanupBlock.block.line}`;
    } else {
      lessonFailures += 1;
      const anyCleanup = outcomes.some((outcome) => outcome.block.cleanup);
      countedOn = anyCleanup
        ? 'counted as one failed block (the cleanup block did not pass)'
        : 'counted as one failed block: the lesson has no cleanup block (a ```console cleanup fence)';
    }
    reporter.leftovers(lesson.file, describeObjects(left), removalProblems, countedOn);
  }

  await runner.close();
  return { blocks: outcomes, interrupted: false, lessonFailures, durationMs: performance.now() - started };
}
