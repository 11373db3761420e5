/**
 * Walks a learner through one lesson: each step shows its heading, why, and the commands; Enter
 * runs them in one bash session (the snippet suite's), output streams live, and afterwards the
 * suite's matcher says whether it matched. Only commands from the lesson run, as the parser read them.
 */
import type { Command, CommandBlock } from '../lesson-model/command-block/types.ts';
import { PROMPTS } from '../lesson-model/command-block/types.ts';
import { displayLine, outputLines } from '../lesson-model/command-block/matchOutput.ts';
import { removesSomething } from '../lesson-model/shell/dockerEffects.ts';
import { exec } from '../runtime/exec.ts';
import { StepRunner } from '../runtime/stepRunner.ts';
import { lessonNames, type LessonName } from '../lesson-model/lessonNames.ts';
import type { FollowExercise, FollowLesson } from './lessonSource.ts';
import { madeByRunner, rememberMade, sameName } from './madeByRunner.ts';
import type { Messages } from './messages.ts';
import { existingNames, removeCommand } from './preflight.ts';
import type { Terminal } from './terminal.ts';

export interface FollowOptions {
  lesson: FollowLesson;
  terminal: Terminal;
  say: Messages;
  /** What the learner types to come back to this lesson, said on leaving. */
  again: string;
}

type StepResult = 'matched' | 'differs' | 'skipped' | 'quit';

export class LessonFollower {
  /** The lesson's working directory and bash session; the folder outlives sessions that a timeout or Ctrl-C ended. */
  private readonly runner = new StepRunner({ prefix: 'dockside-follow-' });
  private readonly names: LessonName[];
  private quitting = false;

  constructor(private readonly options: FollowOptions) {
    this.names = lessonNames(options.lesson);
  }

  /** Names of the lesson that exist and were not made by this runner: the learner's own. */
  async collisions(): Promise<{ foreign: LessonName[]; leftover: LessonName[] }> {
    const made = madeByRunner(this.options.lesson.slug);
    const existing = await existingNames(this.names);
    return {
      foreign: existing.filter((name) => !made.some((m) => sameName(m, name))),
      leftover: existing.filter((name) => made.some((m) => sameName(m, name))),
    };
  }

  async removeNames(names: LessonName[]): Promise<void> {
    // Containers before the networks and volumes they use.
    const order: LessonName['kind'][] = ['container', 'compose project', 'network', 'volume'];
    for (const name of names.toSorted((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
      const [program, ...args] = removeCommand(name);
      await exec(program!, args, { timeoutMs: 60_000 });
    }
    await this.recordMade();
  }

  /** Writes the files the lesson shows into the working directory, as the page tells the reader to. */
  prepareFiles(): void {
    const { terminal, say, lesson } = this.options;
    terminal.line(terminal.paint('dim', say.workingIn(this.runner.workDir)));
    for (const name of this.runner.writeFiles(lesson.files))
      terminal.line(terminal.paint('dim', say.wroteFile(name)));
  }

  private async recordMade(): Promise<void> {
    const existing = await existingNames(this.names);
    // Everything of the lesson's that exists now was either made by us or already ours.
    rememberMade(this.options.lesson.slug, existing);
  }

  private showBlock(block: CommandBlock): void {
    const { terminal } = this.options;
    const prompt = PROMPTS[block.shell];
    for (const command of block.commands) {
      command.lines.forEach((text, index) =>
        terminal.line(
          `  ${terminal.paint('dim', index === 0 ? prompt.command : prompt.continuation)}${terminal.paint('bold', text)}`,
        ),
      );
    }
  }

  /** Runs every command of a block; returns whether all printed what the lesson shows. */
  private async runBlock(block: CommandBlock, quiet = false): Promise<boolean> {
    const { terminal, say } = this.options;
    let allMatched = true;
    const onCommand = quiet
      ? (command: Command) => terminal.line(terminal.paint('dim', `$ ${command.lines.join(' ')}`))
      : undefined;
    const onOutput = (chunk: string) => terminal.write(quiet ? terminal.paint('dim', chunk) : chunk);
    for await (const { result, expectedExit, match, ok } of this.runner.runBlock(block, {
      onOutput,
      ...(onCommand ? { onCommand } : {}),
    })) {
      if (result.output && !result.output.endsWith('\n')) terminal.line();
      if (this.quitting) return false;
      if (result.timedOut || result.sessionEnded) {
        terminal.line(terminal.paint('red', result.timedOut ? say.timedOut(block.timeout) : say.stopAsk));
        return false;
      }
      // A cleanup step has done its job when it succeeded: `docker rm -f` of a name the learner never
      // made (a skipped exercise) prints "No such container" instead of the name, and exits 0.
      if (quiet || ok || (block.cleanup && result.exitCode === expectedExit)) continue;
      allMatched = false;
      if (!match.ok) {
        terminal.line(terminal.paint('yellow', `✗ ${say.mismatched(match.explanation)}`));
        terminal.line(terminal.paint('dim', say.diffLegend));
        for (const line of match.diff.split('\n'))
          terminal.line(
            `    ${line.startsWith('- ') ? terminal.paint('red', line) : line.startsWith('+ ') ? terminal.paint('green', line) : line}`,
          );
      }
      if (result.exitCode !== expectedExit)
        terminal.line(terminal.paint('yellow', `✗ ${say.exitDiffers(expectedExit, result.exitCode)}`));
    }
    if (!quiet && allMatched) terminal.line(terminal.paint('green', `✓ ${say.matched}`));
    return allMatched;
  }

  private async step(
    block: CommandBlock,
    number: number,
    total: number,
    heading: string,
    lead: string,
  ): Promise<StepResult> {
    const { terminal, say } = this.options;
    terminal.line();
    terminal.line(`${terminal.paint('cyan', say.step(number, total))} · ${terminal.paint('bold', heading)}`);
    if (lead) terminal.line(terminal.paint('dim', lead));
    if (block.norun) {
      this.showBlock(block);
      terminal.line(terminal.paint('yellow', say.notRunnable(block.norun)));
      return 'skipped';
    }
    this.showBlock(block);
    let key = '';
    while (!key) key = await this.askKey(say.keys, ['enter', 's', 'q']);
    if (key === 'q' || key === 'ctrl-c') return 'quit';
    if (key === 's') {
      terminal.line(terminal.paint('dim', say.skipped));
      return 'skipped';
    }
    if (
      block.commands.some((command) => removesSomething(command.text)) &&
      !(await terminal.confirm(say.confirmRemove, false, say))
    ) {
      terminal.line(terminal.paint('dim', say.skipped));
      return 'skipped';
    }
    const matched = await this.runBlock(block);
    await this.recordMade();
    if (this.quitting) return 'quit';
    return matched ? 'matched' : 'differs';
  }

  /**
   * Shows the keys a step takes and waits for one of them. Ctrl-C asks first, as it does while a command
   * runs: 'ctrl-c' when the learner confirms, '' when they say no (the caller shows its keys again).
   */
  private async askKey(label: string, keys: readonly string[]): Promise<string> {
    const { terminal, say } = this.options;
    terminal.write(terminal.paint('dim', `${label} › `));
    const key = await terminal.key(keys, 'enter');
    terminal.line(key === 'enter' || key === 'ctrl-c' ? '' : key);
    if (key === 'ctrl-c' && !(await terminal.confirm(say.stopAsk, false, say))) return '';
    return key;
  }

  /**
   * An exercise: the learner does the task in their own terminal while the runner waits; Enter runs the
   * check against their engine and says, command by command, what holds and what is still missing.
   * Without a terminal (--yes, CI) nobody can do the task, so the runner runs the solution itself first.
   */
  private async exercise(exercise: FollowExercise, number: number, total: number): Promise<StepResult> {
    const { terminal, say } = this.options;
    terminal.line();
    terminal.line(
      `${terminal.paint('cyan', say.step(number, total))} · ${terminal.paint('bold', say.yourTurn(exercise.title))}`,
    );
    for (const line of exercise.task) terminal.line(`  ${line}`);
    const solution = exercise.solution[0]!.block;
    const check = exercise.check[0]!.block;
    if (!terminal.interactive) {
      terminal.line(terminal.paint('dim', say.solvingForYou));
      this.showBlock(solution);
      if (!(await this.runBlock(solution))) return 'differs';
      await this.recordMade();
      return (await this.checkExercise(check)) ? 'matched' : 'differs';
    }
    terminal.line(terminal.paint('dim', say.exerciseHow));
    let hintsShown = 0;
    for (;;) {
      const keys = ['enter', 'v', 's', 'q', ...(hintsShown < exercise.hints.length ? ['h'] : [])];
      const key = await this.askKey(
        hintsShown < exercise.hints.length ? say.exerciseKeysHint : say.exerciseKeys,
        keys,
      );
      if (key === 'q' || key === 'ctrl-c') return 'quit';
      if (key === 's') {
        terminal.line(terminal.paint('dim', say.skipped));
        return 'skipped';
      }
      if (key === 'h') {
        hintsShown += 1;
        terminal.line(
          terminal.paint(
            'yellow',
            say.hint(hintsShown, exercise.hints.length, exercise.hints[hintsShown - 1]!),
          ),
        );
      }
      if (key === 'v') {
        terminal.line(terminal.paint('dim', say.solutionIs));
        this.showBlock(solution);
      }
      if (key !== 'enter') continue;
      const done = await this.checkExercise(check);
      if (this.quitting) return 'quit';
      if (done) {
        // What the learner made for the task is the lesson's now: its cleanup removes it.
        await this.recordMade();
        return 'matched';
      }
      terminal.line(terminal.paint('dim', say.tryAgain));
    }
  }

  /** Runs the check's commands; each one is a fact the task asks for, reported on its own line. */
  private async checkExercise(check: CommandBlock): Promise<boolean> {
    const { terminal, say } = this.options;
    terminal.line(terminal.paint('cyan', say.checking));
    let all = true;
    for await (const { command, result, match, ok } of this.runner.runBlock(check)) {
      if (this.quitting) return false;
      const shown = command.lines.join(' ');
      if (ok) {
        terminal.line(`  ${terminal.paint('green', '✓')} ${shown}`);
        continue;
      }
      all = false;
      terminal.line(`  ${terminal.paint('red', '✗')} ${shown}`);
      // The lesson's expected lines and what the learner's engine printed, three lines at most each.
      const shortLines = (lines: string[]) => lines.slice(0, 3).join(' ⏎ ') || say.nothing;
      if (!match.ok)
        terminal.line(
          terminal.paint('dim', `    ${say.shouldPrint(shortLines(command.output.map(displayLine)))}`),
        );
      else terminal.line(terminal.paint('dim', `    ${say.exitDiffers(0, result.exitCode)}`));
      terminal.line(
        terminal.paint(
          'dim',
          `    ${say.printed(shortLines(outputLines(result.output).filter((line) => line.trim())))}`,
        ),
      );
    }
    terminal.line(
      all
        ? terminal.paint('green', `✓ ${say.exerciseDone}`)
        : terminal.paint('yellow', `✗ ${say.exerciseNotYet}`),
    );
    return all;
  }

  /**
   * Runs the steps; the learner's bash steps only (PowerShell variants are for Windows readers).
   * 'finished' when the last step was reached, 'quit' when the learner left before.
   */
  async run(): Promise<'finished' | 'quit'> {
    const { terminal, say, lesson } = this.options;
    // An exercise is one step, at its check: its solution block is shown on request, never run as a step.
    const steps = lesson.blocks.filter(
      ({ block }) => block.shell === 'bash' && block.exercise !== 'solution',
    );
    let ran = 0;
    let matched = 0;
    terminal.onInterrupt = () => void this.interrupt();
    for (const [index, { block, heading, lead }] of steps.entries()) {
      const exercise =
        block.exercise === 'check'
          ? lesson.exercises.find((candidate) => candidate.check[0]?.block.line === block.line)
          : undefined;
      const result = exercise
        ? await this.exercise(exercise, index + 1, steps.length)
        : await this.step(block, index + 1, steps.length, heading, lead);
      if (result === 'quit') {
        await this.quit();
        return 'quit';
      }
      if (result === 'matched' || result === 'differs') ran += 1;
      if (result === 'matched') matched += 1;
    }
    terminal.line();
    terminal.line(terminal.paint('bold', say.done(matched, ran)));
    await this.close();
    return 'finished';
  }

  /** Ctrl-C while a command runs: ask, then stop everything the runner started. */
  private async interrupt(): Promise<void> {
    const { terminal, say } = this.options;
    terminal.line();
    if (!(await terminal.confirm(say.stopAsk, false, say))) return;
    this.quitting = true;
    await this.runner.endSession();
  }

  /** q or Ctrl-C: offer the lesson's cleanup, then make sure nothing the runner started is left running. */
  async quit(): Promise<void> {
    const { terminal, say, lesson } = this.options;
    this.quitting = false;
    const cleanup = lesson.blocks.find(({ block }) => block.cleanup && block.shell === 'bash');
    if (cleanup && (await terminal.confirm(say.offerCleanup, true, say))) {
      terminal.line(terminal.paint('cyan', say.cleaning));
      // Names the runner made that the lesson would have removed in a later step go first, so the
      // cleanup step's `docker image rm` does not fail on a container that still uses the image.
      // Names the cleanup step removes itself are left to it, so it does not report them missing.
      const inCleanup = new Set(cleanup.block.commands.flatMap((command) => command.text.split(/\s+/)));
      const left = (await existingNames(madeByRunner(lesson.slug))).filter(
        (made) => !inCleanup.has(made.name),
      );
      if (left.length) {
        await this.removeNames(left);
        terminal.line(terminal.paint('dim', say.removedLeft(left.map((n) => n.name).join(', '))));
      }
      await this.runBlock(cleanup.block, true);
    }
    await this.recordMade();
    await this.close();
    terminal.line(say.bye(this.options.again));
  }

  async close(): Promise<void> {
    await this.runner.close();
  }
}
