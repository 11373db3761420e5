/**
 * One bash session that runs commands exactly as a reader pastes them, one after another, keeping
 * the shell's state between them (working directory, variables, `cd`, `export`) like a terminal does.
 * The snippet suite runs a lesson in one session; the follow-along runner (`npm run follow`) will too.
 * It reports nothing itself: callers get each command's output and exit status and decide what to show.
 *
 * How a command runs. bash reads no commands from its stdin (stdin is /dev/null, so a command that reads
 * input sees end-of-file instead of swallowing the next command). A small driver loop reads each command
 * from file descriptor 3 and runs it with `eval` in the session's own shell, with fd 3 closed for the
 * command. stdout and stderr are one pipe (`exec 2>&1`), so output arrives in the order it was printed.
 *
 * The end-of-command marker. After a command, the driver reads one more record from fd 3, a marker
 * made of random bytes that the caller sent along with the command, and prints a newline, the marker and
 * the exit status. The command cannot print the marker: it is still unread in the pipe while the command
 * runs, exists in no variable and is new for every command. Everything before "\n<marker>" is exactly
 * what the command printed.
 *
 * Timeouts. bash starts as the leader of its own process group; a command that runs past its timeout
 * gets the group SIGTERM, then SIGKILL, which ends the session (its shell state is gone; start another).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BashSessionOptions {
  /** Working directory. Default: a new empty temporary directory, removed by close(). */
  cwd?: string;
  /** Environment of the shell. Default: this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** The bash to run. Default: `bash` from PATH. */
  bash?: string;
}

export interface RunOptions {
  /** Milliseconds the command may run before the session is killed. Default: 60 000. */
  timeoutMs?: number;
  /** Called with output as it arrives (stdout and stderr merged, in order). */
  onOutput?: (chunk: string) => void;
}

export interface CommandResult {
  /** Everything the command printed, stdout and stderr merged in order. */
  output: string;
  /** The command's exit status; null when it timed out or the session died before it finished. */
  exitCode: number | null;
  timedOut: boolean;
  /** The session is over: the command timed out, ran `exit`, or the shell died. */
  sessionEnded: boolean;
  durationMs: number;
}

/** Grace between SIGTERM and SIGKILL when a command times out or the session closes. */
const KILL_GRACE_MS = 2_000;

// The driver. Runs in `bash -c`, so nothing of it is in the history or visible as a command.
//  - `exec > >(exec cat) 2>&1`: commands write to a real pipe (Node's stdio is a socket pair, on which
//    opening /dev/stdout fails), and stderr joins stdout in one ordered stream.
//  - `__dockside_restore "$status"` before each eval: `$?` inside a command is the previous command's
//    status, as in a terminal.
const DRIVER = String.raw`
exec > >(exec cat) 2>&1
__dockside_restore() { return "$1"; }
__dockside_status=0
while IFS= read -r -d '' __dockside_command <&3; do
  __dockside_restore "$__dockside_status"
  eval "$__dockside_command" 3<&-
  __dockside_status=$?
  IFS= read -r -d '' __dockside_marker <&3 || break
  printf '\n%s %d\n' "$__dockside_marker" "$__dockside_status"
  unset __dockside_marker
done
`;

interface Pending {
  marker: string;
  output: string;
  /** Characters of `output` already passed to onOutput. */
  streamed: number;
  options: RunOptions;
  started: number;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  resolve: (result: CommandResult) => void;
}

export class BashSession {
  readonly cwd: string;
  private readonly child: ChildProcess;
  private readonly ownsCwd: boolean;
  private pending: Pending | undefined;
  private exited = false;
  /** Set once everything in the process group has been killed after the shell closed. */
  private groupGone = false;
  private exitCode: number | null = null;
  private readonly exitPromise: Promise<void>;
  /** Output that arrived while no command was running (a background job writing late). */
  private stray = '';

  private constructor(options: BashSessionOptions) {
    this.ownsCwd = options.cwd === undefined;
    this.cwd = options.cwd ?? mkdtempSync(path.join(os.tmpdir(), 'dockside-session-'));
    this.child = spawn(options.bash ?? 'bash', ['--noprofile', '--norc', '-c', DRIVER], {
      cwd: this.cwd,
      env: options.env ?? process.env,
      // stdin /dev/null; stdout carries everything; stderr only bash's own errors before `exec 2>&1`; fd 3 commands.
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so a timeout can end the command with everything it started.
      detached: true,
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => this.receive(chunk));
    // A killed session resets its pipes; that is reported through 'close', not as a crash of the caller.
    for (const stream of this.child.stdio) stream?.on('error', () => {});
    // bash exiting is not the end: a background job can still hold the output pipe. Give it a moment
    // to flush, then end the group so the pipe closes.
    this.child.on('exit', () => {
      setTimeout(() => this.signalGroup('SIGKILL'), KILL_GRACE_MS).unref();
    });
    this.exitPromise = new Promise((resolve) => {
      const done = (code: number | null) => {
        this.exited = true;
        this.exitCode = code;
        // Whatever is left in the group (a job that closed its output) ends with the session.
        this.signalGroup('SIGKILL');
        this.groupGone = true;
        this.finishPending(null);
        resolve();
      };
      this.child.on('close', (code, signal) =>
        done(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null)),
      );
      this.child.on('error', (error) => {
        this.stray += `bash could not start: ${error.message}\n`;
        done(null);
      });
    });
  }

  /** Starts a session. */
  static start(options: BashSessionOptions = {}): BashSession {
    return new BashSession(options);
  }

  /** fd 3 of the shell: where commands and markers go. */
  private get commandPipe(): Writable {
    return this.child.stdio[3] as Writable;
  }

  /** Whether the shell is still there to run commands. */
  get alive(): boolean {
    return !this.exited;
  }

  /** Output printed between commands (by background jobs), cleared when read. */
  takeStrayOutput(): string {
    const text = this.stray;
    this.stray = '';
    return text;
  }

  /**
   * Runs one command as pasted: its text may span several lines (continuations, heredocs).
   * Commands run one at a time; call run() again after the previous one has resolved.
   */
  run(command: string, options: RunOptions = {}): Promise<CommandResult> {
    if (this.pending) throw new Error('BashSession.run: the previous command is still running');
    const started = performance.now();
    if (this.exited) {
      return Promise.resolve({
        output: '',
        exitCode: null,
        timedOut: false,
        sessionEnded: true,
        durationMs: 0,
      });
    }
    if (command.includes('\0')) throw new Error('BashSession.run: a command cannot contain a NUL character');
    return new Promise((resolve) => {
      const marker = `__dockside_end_${randomBytes(16).toString('hex')}__`;
      const pending: Pending = {
        marker,
        output: '',
        streamed: 0,
        options,
        started,
        timedOut: false,
        resolve,
      };
      this.pending = pending;
      pending.timer = setTimeout(() => {
        pending.timedOut = true;
        this.killGroup();
      }, options.timeoutMs ?? 60_000);
      // The marker follows the command in the pipe; the driver reads it only after the command is done.
      this.commandPipe.write(`${command}\0${marker}\0`, (error) => {
        if (error) this.finishPending(null);
      });
    });
  }

  private receive(chunk: string) {
    const pending = this.pending;
    if (!pending) {
      this.stray += chunk;
      return;
    }
    pending.output += chunk;
    const end = pending.output.indexOf(`\n${pending.marker} `);
    if (end !== -1) {
      const lineEnd = pending.output.indexOf('\n', end + 1 + pending.marker.length);
      if (lineEnd === -1) return; // the status has not fully arrived yet
      const status = Number(pending.output.slice(end + 1 + pending.marker.length + 1, lineEnd));
      // Anything after the marker line is a background job's output; keep it for takeStrayOutput().
      this.stray += pending.output.slice(lineEnd + 1);
      pending.output = pending.output.slice(0, end);
      this.finishPending(status);
      return;
    }
    // Stream what cannot be the start of the marker line.
    const sentinel = `\n${pending.marker} `;
    let keep = 0;
    for (let length = Math.min(sentinel.length, pending.output.length); length > 0; length -= 1) {
      if (pending.output.endsWith(sentinel.slice(0, length))) {
        keep = length;
        break;
      }
    }
    this.stream(pending, pending.output.length - keep);
  }

  private stream(pending: Pending, upTo: number) {
    if (upTo > pending.streamed && pending.options.onOutput)
      pending.options.onOutput(pending.output.slice(pending.streamed, upTo));
    pending.streamed = Math.max(pending.streamed, upTo);
  }

  private finishPending(status: number | null) {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.stream(pending, pending.output.length);
    const sessionEnded = status === null || pending.timedOut;
    pending.resolve({
      output: pending.output,
      // A command that ends the shell (`exit 3`) reports the shell's exit status.
      exitCode: pending.timedOut ? null : (status ?? this.exitCode),
      timedOut: pending.timedOut,
      sessionEnded,
      durationMs: performance.now() - pending.started,
    });
  }

  /** Sends a signal to every process of the session (bash, the command, its children, background jobs). */
  private signalGroup(signal: NodeJS.Signals) {
    const pid = this.child.pid;
    // Once the group is known to be gone its number may belong to someone else: never signal it again.
    if (pid === undefined || this.groupGone) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Nobody left in the group.
    }
  }

  /** SIGTERM to the whole session, then SIGKILL to what is left after a grace period. */
  private killGroup() {
    this.signalGroup('SIGTERM');
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), KILL_GRACE_MS);
    timer.unref();
    void this.exitPromise.then(() => clearTimeout(timer));
  }

  /** Kills the session now (Ctrl-C in a runner): the running command, if any, resolves as ended. */
  async kill(): Promise<void> {
    this.killGroup();
    await this.exitPromise;
  }

  /**
   * Ends the session: the shell reads end-of-file and exits; background jobs it left are killed;
   * the temporary working directory (if this session made it) is removed.
   */
  async close(): Promise<void> {
    if (!this.exited) {
      this.commandPipe.end();
      const timer = setTimeout(() => this.killGroup(), KILL_GRACE_MS);
      await this.exitPromise;
      clearTimeout(timer);
    }
    if (this.ownsCwd) rmSync(this.cwd, { recursive: true, force: true });
  }
}
