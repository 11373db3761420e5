/**
 * Runs a program to completion and collects what it printed. The one spawn-and-collect of the
 * project: the follow-along runner, the snippet suite, the stand-in builder and its contract test
 * (`docker`, `mmdebstrap` and friends), and the checks, build and bench scripts (`astro check`,
 * `astro build`, the docker CLI). Never for a lesson's commands: those go through bashSession.ts,
 * as a reader types them.
 */
import { spawn } from 'node:child_process';

export interface ExecResult {
  /** Exit status; null when the program was killed (timeout or signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams, interleaved as they came (what a terminal would have shown). */
  output: string;
  timedOut: boolean;
}

export interface ExecOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Print the program's output as it comes (long builds), besides collecting it. */
  echo?: boolean;
  /** Aborting it kills the program (SIGTERM); the result then has code null. */
  signal?: AbortSignal;
}

export function exec(
  program: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      output += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      const message = error.name === 'AbortError' ? '' : String(error.message);
      resolve({ code: null, stdout, stderr: stderr + message, output: output + message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output, timedOut });
    });
  });
}

export class ExecError extends Error {
  readonly result: ExecResult;
  constructor(command: string, result: ExecResult) {
    const why = result.timedOut ? 'timed out' : `exited with ${result.code}`;
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-15).join('\n');
    super(`${command} ${why}${detail ? `:\n${detail}` : ''}`);
    this.name = 'ExecError';
    this.result = result;
  }
}

/** Like exec, but returns stdout and throws ExecError unless the program exits with 0. */
export async function execOk(
  program: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<string> {
  const result = await exec(program, args, options);
  if (result.code !== 0) throw new ExecError(`${program} ${args.join(' ')}`, result);
  return result.stdout;
}

/** `docker …` with a timeout (60 s unless given): the suite's own calls to the engine must never hang it. */
export function docker(args: readonly string[], options: ExecOptions = {}): Promise<string> {
  return execOk('docker', args, { timeoutMs: 60_000, ...options });
}
