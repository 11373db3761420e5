/**
 * Check "docker-cli": every docker command in every lesson (bash and PowerShell blocks, also inside
 * `$(…)`) is accepted by the real docker CLI, so a misspelt flag, a missing argument or a bad
 * `-p`/`--memory` value is caught on any machine, with no Docker Engine.
 *
 * How: the docker CLI parses and validates its arguments before it talks to an engine. We run each
 * command with DOCKER_HOST pointing at a socket that does not exist, an empty DOCKER_CONFIG, and
 * every proxy variable pointing at a closed port (so a command that would reach a registry
 * directly, like `docker manifest inspect`, fails at once instead of downloading). A command the
 * CLI accepts then fails with "Cannot connect to the Docker daemon"; one it rejects fails with its
 * own message ("unknown flag: --bogus", "'docker logs' requires 1 argument"), which we report.
 * Commands run in a scratch folder holding the lesson's shown files (so `docker compose` finds
 * compose.yaml). Values only known at run time ($PWD, $(…)) are replaced by plausible ones.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exec, type ExecResult } from '../../src/runtime/exec.ts';
import { LessonError } from '../../src/lesson-model/errors.ts';
import type { LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { lineAt, parseShell, programOf } from '../../src/lesson-model/shell/commands.ts';
import { subcommandIndex } from '../../src/lesson-model/shell/dockerArgs.ts';
import { allPipelines, resolveWord, type ShellWord } from '../../src/lesson-model/shell/types.ts';
import { writeShownFiles } from '../../src/runtime/stepRunner.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';
import { nearest } from './lib/nearest.ts';

export interface DockerCliInput extends ContentInput {
  /** The docker binary (default: `docker` on PATH). */
  docker?: string;
  /** How many docker processes at once. */
  concurrency?: number;
  /**
   * A folder to keep the CLI's verdicts in, by docker version, arguments and (for compose) the
   * shown files: the lesson loop passes one, so a command that did not change is not run again.
   */
  cacheDir?: string;
}

/** Where no Docker Engine listens: every command that gets past parsing fails to connect here. */
export const NO_ENGINE = 'unix:///nonexistent/dockside-docker-cli-check.sock';
const CLOSED_PORT_PROXY = 'http://127.0.0.1:9';
const TIMEOUT_MS = 20_000;

/** Management commands: `docker image inspect --help` is where that command's flags are listed. */
const MANAGEMENT = new Set([
  'builder',
  'buildx',
  'compose',
  'config',
  'container',
  'context',
  'image',
  'manifest',
  'network',
  'node',
  'plugin',
  'scout',
  'secret',
  'service',
  'stack',
  'swarm',
  'system',
  'trust',
  'volume',
]);
/** CLI plugins a machine may lack; a lesson using one is not wrong because this machine has no such plugin. */
const PLUGINS = new Set([
  'buildx',
  'compose',
  'scout',
  'init',
  'debug',
  'sbom',
  'extension',
  'model',
  'ai',
  'mcp',
  'desktop',
  'offload',
  'dev',
  'feedback',
]);
/** Options of docker itself that would send the command to a real engine or another config. */
const REDIRECTING_GLOBALS = new Set(['-H', '--host', '-c', '--context', '--config']);

interface Invocation {
  lesson: LessonFile;
  /** File line of the word "docker". */
  line: number;
  /** The command's text and first line, to point at the word a message names. */
  commandText: string;
  commandLine: number;
  args: ShellWord[];
  argv: string[];
  workdir: string;
}

export type Verdict =
  { kind: 'accepted' } | { kind: 'skipped'; reason: string } | { kind: 'rejected'; message: string };

/** What the CLI's exit status and output say about the command's arguments. Pure, for the tests. */
export function classifyDockerOutput(code: number | null, output: string, timedOut: boolean): Verdict {
  if (timedOut) return { kind: 'skipped', reason: `did not finish within ${TIMEOUT_MS / 1000} s` };
  if (code === 0) return { kind: 'accepted' };
  // Got past parsing: it tried to reach the engine, a registry (through our closed proxy), a terminal or a file.
  if (
    /Cannot connect to the Docker daemon|error during connect|dial unix|failed to connect to the docker API|proxyconnect|connection refused|input device is not a TTY|non TTY device|no such file or directory|no configuration file provided/i.test(
      output,
    )
  ) {
    return { kind: 'accepted' };
  }
  const plugin = /unknown command: docker (\S+)|'(\S+)' is not a docker command/.exec(output);
  const name = plugin?.[1] ?? plugin?.[2];
  if (name && PLUGINS.has(name))
    return { kind: 'skipped', reason: `the docker ${name} plugin is not installed here` };
  return { kind: 'rejected', message: firstMessageLine(output) };
}

/** The line that says what is wrong, without "docker: ", usage text or warnings. */
function firstMessageLine(output: string): string {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find(
      (l) => l && !/^(WARNING|DEPRECATED|Usage:|See '|Run 'docker)/.test(l) && !/^\s*https?:\/\//.test(l),
    );
  return (
    (line ?? output.trim()).replace(/^docker: /, '').replace(/\.$/, '') ||
    'docker exited with an error and said nothing'
  );
}

export async function checkDockerCli({
  contentDir,
  lessons,
  docker = 'docker',
  concurrency = 4,
  cacheDir,
}: DockerCliInput): Promise<CheckResult> {
  const set = readLessons(contentDir, lessons);
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'dockside-docker-cli-'));
  try {
    const env = sandboxEnv(sandbox);
    mkdirSync(env.DOCKER_CONFIG!, { recursive: true });
    // Asked once per process: the watch loop checks again on every save.
    if (!versions.has(docker)) versions.set(docker, cliVersion(docker, env, sandbox));
    const version = await versions.get(docker)!.catch((error: unknown) => {
      versions.delete(docker);
      throw error;
    });

    const invocations = set.lessons.flatMap((lesson) => invocationsOf(lesson, sandbox));
    // The same command (the Korean lesson repeats the English one) is run once.
    const verdicts = new Map<string, Promise<Verdict>>();
    const queue = new Limiter(concurrency);
    const keyOf = (inv: Invocation) =>
      JSON.stringify([inv.argv, inv.argv.includes('compose') ? inv.workdir : '']);
    const stored = verdictStore(cacheDir, version);
    for (const inv of invocations) {
      const key = keyOf(inv);
      if (verdicts.has(key)) continue;
      const storedKey = JSON.stringify([
        inv.argv,
        inv.argv.includes('compose') ? inv.lesson.files.map((file) => [file.name, file.content]) : '',
      ]);
      const known = stored.get(storedKey);
      verdicts.set(
        key,
        known
          ? Promise.resolve(known)
          : queue.run(async () => stored.set(storedKey, await runDocker(docker, inv.argv, env, inv.workdir))),
      );
    }
    await Promise.all(verdicts.values());
    stored.save();

    // For "unknown flag: --detatch", the flags the command has, to suggest --detach.
    const helps = new Map<string, Promise<string[]>>();
    const flagsOf = (argv: string[]) => {
      const sub = subcommandOf(argv);
      if (!helps.has(sub))
        helps.set(
          sub,
          run(docker, [...sub.split(' '), '--help'], env, sandbox).then((result) => [
            ...new Set(result.output.match(/--[a-z0-9][a-z0-9-]*/g) ?? []),
          ]),
        );
      return helps.get(sub)!;
    };

    const problems: LessonError[] = [];
    const skipped = new Map<string, number>();
    for (const inv of invocations) {
      const verdict = await verdicts.get(keyOf(inv))!;
      if (verdict.kind === 'skipped') skipped.set(verdict.reason, (skipped.get(verdict.reason) ?? 0) + 1);
      if (verdict.kind !== 'rejected') continue;
      const line = lineOfWordNamed(verdict.message, inv) ?? inv.line;
      const unknown = /unknown flag: (--[\w-]+)/.exec(verdict.message)?.[1];
      const suggestion = unknown ? nearest(unknown, await flagsOf(inv.argv)) : undefined;
      const fix = `${suggestion ? `Did you mean ${suggestion}? ` : ''}${fixFor(verdict.message, inv.argv, version)}`;
      problems.push(
        new LessonError(inv.lesson.file, line, `docker rejects this command: ${verdict.message}`, fix),
      );
    }
    const notes = [
      ...unreadableNote(set),
      ...[...skipped].map(([reason, count]) => `${count} command(s) not checked: ${reason}`),
    ];
    return {
      problems,
      notes,
      summary: `${invocations.length} docker commands (${verdicts.size} distinct), docker CLI ${version}`,
    };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

/** Verdicts kept on disk between runs (a no-op without a folder). Timeouts are not kept. */
function verdictStore(cacheDir: string | undefined, version: string) {
  const file =
    cacheDir && path.join(cacheDir, `docker-cli-verdicts-${version.replace(/[^\w.-]/g, '_')}.json`);
  let known: Record<string, Verdict> = {};
  if (file && existsSync(file)) {
    try {
      known = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Verdict>;
    } catch {
      known = {};
    }
  }
  let changed = false;
  return {
    get: (key: string): Verdict | undefined => known[key],
    set(key: string, verdict: Verdict): Verdict {
      if (!(verdict.kind === 'skipped' && verdict.reason.startsWith('did not finish'))) {
        known[key] = verdict;
        changed = true;
      }
      return verdict;
    },
    save() {
      if (file && changed) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(known));
      }
    },
  };
}

/** Only what the docker CLI needs, so nothing from the caller's environment reaches an engine or a registry. */
function sandboxEnv(sandbox: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: sandbox,
    LANG: 'C.UTF-8',
    DOCKER_HOST: NO_ENGINE,
    DOCKER_CONFIG: path.join(sandbox, 'config'),
    DOCKER_CLI_HINTS: 'false',
    HTTP_PROXY: CLOSED_PORT_PROXY,
    HTTPS_PROXY: CLOSED_PORT_PROXY,
    ALL_PROXY: CLOSED_PORT_PROXY,
    http_proxy: CLOSED_PORT_PROXY,
    https_proxy: CLOSED_PORT_PROXY,
    all_proxy: CLOSED_PORT_PROXY,
    NO_PROXY: '',
    no_proxy: '',
  };
}

const versions = new Map<string, Promise<string>>();

async function cliVersion(docker: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const result = await run(docker, ['--version'], env, cwd);
  if (result.code === null || result.code !== 0) {
    throw new Error(
      `this check needs the docker CLI (no engine), and "${docker} --version" failed: ${result.output.trim().split('\n')[0] ?? ''}. ` +
        'Install the docker CLI (Debian: docker.io or docker-ce-cli; macOS/Windows: Docker Desktop)',
    );
  }
  return /version ([^\s,]+)/.exec(result.output)?.[1] ?? result.output.trim();
}

/** Every docker call of a lesson, with its argv ready to run in the lesson's scratch folder. */
function invocationsOf(lesson: LessonFile, sandbox: string): Invocation[] {
  const workdir = path.join(sandbox, `${lesson.locale}-${lesson.slug}`);
  mkdirSync(workdir, { recursive: true });
  writeShownFiles(workdir, lesson.files);
  // Plausible values for what the shell would fill in: paths become the scratch folder.
  const plausible = (written: string) => (/PWD|pwd|HOME|USERPROFILE|~/.test(written) ? workdir : 'dockside');
  const found: Invocation[] = [];
  for (const { block } of lesson.blocks) {
    for (const command of block.commands) {
      for (const pipeline of allPipelines(parseShell(command.text, block.shell))) {
        for (const simple of pipeline.commands) {
          const call = programOf(simple, block.shell);
          if (call?.name !== 'docker' || call.incomplete) continue;
          found.push({
            lesson,
            line: lineAt(command.text, call.nameWord.offset, command.line),
            commandText: command.text,
            commandLine: command.line,
            args: call.args,
            argv: withoutRedirectingGlobals(call.args.map((word) => resolveWord(word, plausible))),
            workdir,
          });
        }
      }
    }
  }
  return found;
}

/** `docker -H tcp://host:2375 ps` must not reach that host: drop the option, keep the command. */
function withoutRedirectingGlobals(argv: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i += 1) {
    const [name] = argv[i]!.split('=');
    if (REDIRECTING_GLOBALS.has(name!)) {
      if (!argv[i]!.includes('=')) i += 1;
      continue;
    }
    out.push(argv[i]!);
  }
  return [...out, ...argv.slice(i)];
}

/** The line of the word a message is about ("unknown flag: --bogus" on a continuation line). */
function lineOfWordNamed(message: string, inv: Invocation): number | undefined {
  const flag =
    /unknown flag: (--?[\w-]+)/.exec(message)?.[1] ??
    /unknown shorthand flag: '.' in (-[\w-]+)/.exec(message)?.[1] ??
    /invalid argument "([^"]*)"/.exec(message)?.[1] ??
    /flag needs an argument: (?:'.' in )?(-[\w-]+)/.exec(message)?.[1];
  if (!flag) return undefined;
  const word = inv.args.find(
    (w) => w.text === flag || w.text.startsWith(`${flag}=`) || (flag.length > 2 && w.text.endsWith(flag)),
  );
  return word ? lineAt(inv.commandText, word.offset, inv.commandLine) : undefined;
}

/** The docker command's name as its help knows it: "run", "image inspect". */
function subcommandOf(argv: string[]): string {
  const rest = argv.slice(subcommandIndex(argv.map((text) => ({ text }) as ShellWord)));
  const [first = '', second] = rest;
  return MANAGEMENT.has(first) && second && !second.startsWith('-') ? `${first} ${second}` : first;
}

function fixFor(message: string, argv: string[], version: string): string {
  const sub = subcommandOf(argv);
  const help = `"docker ${sub} --help"`;
  if (/unknown (shorthand )?flag|flag needs an argument|bad flag syntax/.test(message))
    return `Use only flags that ${help} lists, spelt as it shows them (checked with docker CLI ${version})`;
  if (/requires|accepts|argument/.test(message) && !/invalid argument/.test(message))
    return `Give the command the arguments ${help} shows after "Usage:"`;
  if (/unknown command|is not a docker command/.test(message))
    return `Use a command that "docker --help" lists (checked with docker CLI ${version})`;
  return `Correct the value: ${help} explains what the command accepts`;
}

/** The docker CLI, both streams together, within TIMEOUT_MS. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<ExecResult> {
  return exec(program, args, { env, cwd, timeoutMs: TIMEOUT_MS });
}

async function runDocker(
  docker: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Verdict> {
  const result = await run(docker, argv, env, cwd);
  return classifyDockerOutput(result.code, result.output, result.timedOut);
}

/** At most `size` tasks at once. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

if (isMain(import.meta))
  await runAlone('docker-cli', () => checkDockerCli({ contentDir: contentDirFromArgs() }));
