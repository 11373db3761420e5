/**
 * From a command block's command to the programs it runs: `sudo docker …`, `time docker …`,
 * `for c in …; do docker exec "$c" …; done` and `DIGEST=$(docker image inspect …)` all run docker.
 * Used by the command lint and the docker CLI check (scripts/checks/).
 */
import type { Shell } from '../command-block/types.ts';
import { parseBash } from './parseBash.ts';
import { parsePowerShell } from './parsePowerShell.ts';
import { allPipelines, type Pipeline, type ShellWord, type SimpleCommand } from './types.ts';

export function parseShell(text: string, shell: Shell): Pipeline[] {
  return shell === 'powershell' ? parsePowerShell(text) : parseBash(text);
}

export interface ProgramCall {
  /** The program's name as typed, lower-cased for PowerShell (its commands ignore case). */
  name: string;
  /** Its arguments, after the name. */
  args: ShellWord[];
  /** The word naming the program (for its position). */
  nameWord: ShellWord;
  /** More arguments arrive at run time (`… | xargs docker rm`), so `args` is not the whole command. */
  incomplete: boolean;
}

/** Options of wrapper commands that take a value (`sudo -u user docker …`). */
const WRAPPERS: Record<string, { valueOptions: string[]; takesOperand?: boolean; incomplete?: boolean }> = {
  sudo: { valueOptions: ['-u', '-g', '-h', '-p', '-C', '-U', '-r', '-t', '-D', '-R'] },
  env: { valueOptions: ['-u', '-C', '-S'] },
  time: { valueOptions: ['-f', '-o'] },
  command: { valueOptions: [] },
  exec: { valueOptions: ['-a'] },
  nohup: { valueOptions: [] },
  nice: { valueOptions: ['-n'] },
  timeout: { valueOptions: ['-s', '-k'], takesOperand: true },
  xargs: { valueOptions: ['-I', '-L', '-n', '-P', '-d', '-E', '-s', '-a'], incomplete: true },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The program a simple command runs, looking through wrappers; undefined when it is not known before run time. */
export function programOf(command: SimpleCommand, shell: Shell): ProgramCall | undefined {
  let words = command.words;
  let incomplete = false;
  for (;;) {
    const first = words[0];
    if (!first || first.dynamic) return undefined;
    const name = shell === 'powershell' ? first.text.toLowerCase() : first.text;
    const wrapper = shell === 'bash' ? WRAPPERS[path(name)] : undefined;
    if (!wrapper) return { name: path(name), args: words.slice(1), nameWord: first, incomplete };
    // `command -v docker` looks docker up; it does not run it.
    if (name === 'command' && ['-v', '-V'].includes(words[1]?.text ?? '')) return undefined;
    incomplete ||= Boolean(wrapper.incomplete);
    let i = 1;
    while (i < words.length) {
      const text = words[i]!.text;
      if (text === '--') {
        i += 1;
        break;
      }
      if (wrapper.valueOptions.includes(text)) i += 2;
      else if (text.startsWith('-') || (name === 'env' || name === 'sudo' ? ASSIGNMENT.test(text) : false))
        i += 1;
      else break;
    }
    if (wrapper.takesOperand) i += 1;
    words = words.slice(i);
  }
}

/** `/usr/bin/docker` and `docker.exe` are docker too. */
function path(name: string): string {
  return name.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
}

/** Every program call of a command, also inside `$(…)` and loops, in source order. */
export function programCalls(text: string, shell: Shell): ProgramCall[] {
  return allPipelines(parseShell(text, shell)).flatMap((pipeline) =>
    pipeline.commands.flatMap((command) => {
      const call = programOf(command, shell);
      return call ? [call] : [];
    }),
  );
}

/** Line of `offset` in a command whose first line is `firstLine` (continuation lines follow it). */
export function lineAt(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}
