/**
 * The one step runner: a lesson's working folder with its shown files, one bash session in it, and a
 * block's commands run there one after another with the verdict the lesson promises (exit status and
 * output). The snippet suite (lessonRun.ts) and the follow-along runner (src/follow) both run lessons
 * through it, so a reader, a learner and CI agree on what a step is and when it worked; each of them
 * only decides what to print.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchOutput, type OutputMatch } from '../lesson-model/command-block/matchOutput.ts';
import type { Command, CommandBlock } from '../lesson-model/command-block/types.ts';
import { BashSession, type CommandResult } from './bashSession.ts';

/**
 * Exit status a block's command must end with: the lesson may show a failure (`exit=1`), and that
 * is always its last command; every command before it must succeed.
 */
export function expectedExit(block: CommandBlock, index: number): number {
  return index === block.commands.length - 1 ? block.exit : 0;
}

/**
 * Writes the files a lesson shows (```yaml file=conf/redis.conf) into `dir`, creating folders, as the
 * page tells the reader to save them. Returns the names written, in order.
 */
export function writeShownFiles(dir: string, files: readonly { name: string; content: string }[]): string[] {
  for (const file of files) {
    const target = path.join(dir, file.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return files.map((file) => file.name);
}

export interface CommandOutcome {
  command: Command;
  /** Position of the command in its block. */
  index: number;
  result: CommandResult;
  expectedExit: number;
  match: OutputMatch;
  /** The exit status and the output are what the lesson shows. */
  ok: boolean;
}

export interface StepRunnerOptions {
  /** Start of the working folder's name under the system's temporary folder. */
  prefix: string;
  /** Environment of the session (the snippet suite points DOCKER_HOST at its recorder). */
  env?: NodeJS.ProcessEnv;
}

export interface RunBlockOptions {
  /** Called before each command runs. */
  onCommand?: (command: Command) => void;
  /** Output as it arrives, stdout and stderr merged. */
  onOutput?: (chunk: string) => void;
}

export class StepRunner {
  /** The lesson's working folder; it outlives sessions that a timeout, `exit` or Ctrl-C ended. */
  readonly workDir: string;
  private session: BashSession | undefined;
  private readonly env: NodeJS.ProcessEnv | undefined;

  constructor(options: StepRunnerOptions) {
    this.workDir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
    this.env = options.env;
  }

  /** Writes the lesson's shown files into the working folder; see writeShownFiles. */
  writeFiles(files: readonly { name: string; content: string }[]): string[] {
    return writeShownFiles(this.workDir, files);
  }

  /** A timed-out or exited session is gone: the next block gets a fresh one in the same folder. */
  private liveSession(): BashSession {
    if (!this.session?.alive) {
      void this.session?.close();
      this.session = BashSession.start({ cwd: this.workDir, ...(this.env ? { env: this.env } : {}) });
    }
    return this.session;
  }

  /**
   * Runs the block's commands in order and yields each one's outcome as soon as it finished. The
   * caller stops early by leaving its loop (a failed step, a quit); the session stays for the next block.
   */
  async *runBlock(block: CommandBlock, options: RunBlockOptions = {}): AsyncGenerator<CommandOutcome> {
    for (const [index, command] of block.commands.entries()) {
      const session = this.liveSession();
      options.onCommand?.(command);
      const result = await session.run(command.text, {
        timeoutMs: block.timeout * 1000,
        ...(options.onOutput ? { onOutput: options.onOutput } : {}),
      });
      const exit = expectedExit(block, index);
      const match = matchOutput(command.output, result.output);
      yield { command, index, result, expectedExit: exit, match, ok: match.ok && result.exitCode === exit };
    }
  }

  /** Ctrl-C: kills the running command's process group at once; the session is over. */
  kill(): void {
    // Not awaited: the running command resolves as ended, and that is what the caller waits for.
    void this.session?.kill();
  }

  /** Ends the session (the working folder stays). */
  async endSession(): Promise<void> {
    await this.session?.close();
  }

  /** Ends the session and removes the working folder. */
  async close(): Promise<void> {
    await this.endSession();
    this.session = undefined;
    try {
      rmSync(this.workDir, { recursive: true, force: true });
    } catch (error) {
      console.warn(`warning: could not remove ${this.workDir}: ${(error as Error).message}`);
    }
  }
}
