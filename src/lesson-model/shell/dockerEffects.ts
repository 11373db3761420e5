/**
 * What a command does to the learner's Docker: the names it creates (containers, volumes, networks,
 * Compose projects) and whether it removes things. The follow-along runner checks those names before the
 * first step (so it never removes a learner's own container that shares a lesson's name) and asks before
 * a step that removes. Read with the shell parser, so only docker's own arguments count: `echo --name x`
 * names nothing, `grep -v x:/` mounts nothing, and `docker volume create data --label a=b` creates `data`.
 */
import { programCalls, type ProgramCall } from './commands.ts';
import { readDockerCall, subcommandIndex } from './dockerArgs.ts';
import type { ShellWord } from './types.ts';

export type NamedKind = 'container' | 'volume' | 'network' | 'compose project';

export interface DockerName {
  kind: NamedKind;
  name: string;
}

/** Docker's own rule for volume names; a path (/x, ./x, ~/x) or an expansion ($PWD) is a bind mount. */
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Options of `docker volume create` and `docker network create` that take a value (Docker 28's --help);
 * the first word that is neither an option nor such a value is the name.
 */
const CREATE_WITH_VALUE: Record<'volume' | 'network', Set<string>> = {
  volume: new Set([
    '-d',
    '--driver',
    '--label',
    '-o',
    '--opt',
    '--availability',
    '--group',
    '--limit-bytes',
    '--required-bytes',
    '--scope',
    '--secret',
    '--sharing',
    '--topology-preferred',
    '--topology-required',
    '--type',
  ]),
  network: new Set([
    '-d',
    '--driver',
    '--label',
    '-o',
    '--opt',
    '--aux-address',
    '--config-from',
    '--gateway',
    '--ip-range',
    '--ipam-driver',
    '--ipam-opt',
    '--scope',
    '--subnet',
  ]),
};

/** `docker compose` options that take a value, before its subcommand. */
const COMPOSE_WITH_VALUE = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--profile',
  '--env-file',
  '--project-directory',
  '--ansi',
  '--progress',
  '--parallel',
]);

/** docker subcommands that remove: `docker rm`, `docker image prune`, `docker volume remove` … */
const REMOVING = new Set(['rm', 'remove', 'rmi', 'prune']);
const OBJECT_GROUPS = new Set(['container', 'image', 'volume', 'network', 'system', 'builder', 'buildx']);

function dockerCalls(text: string): ProgramCall[] {
  return programCalls(text, 'bash').filter((call) => call.name === 'docker');
}

/** The first positional word after `from`, skipping options and their values. */
function firstPositional(words: ShellWord[], from: number, valued: Set<string>): number {
  let i = from;
  while (i < words.length) {
    const text = words[i]!.text;
    if (text === '--') return i + 1;
    if (!text.startsWith('-') || text === '-') return i;
    // `--label a=b` takes the next word; `--label=a=b` and flags do not.
    i += valued.has(text) ? 2 : 1;
  }
  return i;
}

/** `--mount type=volume,source=data,target=/data` → data; bind and tmpfs mounts name nothing. */
function mountedVolume(spec: string): string | undefined {
  const fields = new Map(
    spec.split(',').map((field) => {
      const at = field.indexOf('=');
      return at === -1 ? [field, ''] : [field.slice(0, at), field.slice(at + 1)];
    }),
  );
  if ((fields.get('type') ?? 'volume') !== 'volume') return undefined;
  const source = fields.get('source') ?? fields.get('src');
  return source && VOLUME_NAME.test(source) ? source : undefined;
}

/** `-v data:/data:ro` → data; `-v ./site:/usr/share/nginx/html` and `-v "$PWD":/x` name nothing. */
function bindOrVolume(spec: string): string | undefined {
  const at = spec.indexOf(':');
  if (at === -1) return undefined; // `-v /data`: an anonymous volume
  const source = spec.slice(0, at);
  return VOLUME_NAME.test(source) ? source : undefined;
}

/** Names that one command creates; not those it only uses. */
export function createdNames(text: string): DockerName[] {
  const names: DockerName[] = [];
  for (const { args } of dockerCalls(text)) {
    const run = readDockerCall(args);
    if (run && (run.verb === 'run' || run.verb === 'create')) {
      for (const option of run.options) {
        if (option.value === undefined || option.valueWord?.dynamic) continue;
        if (option.long === 'name') names.push({ kind: 'container', name: option.value });
        const volume =
          option.long === 'volume'
            ? bindOrVolume(option.value)
            : option.long === 'mount'
              ? mountedVolume(option.value)
              : undefined;
        if (volume) names.push({ kind: 'volume', name: volume });
      }
      continue;
    }
    const at = subcommandIndex(args);
    const group = args[at]?.text;
    if ((group === 'volume' || group === 'network') && args[at + 1]?.text === 'create') {
      const valued = CREATE_WITH_VALUE[group];
      // `docker volume create --name data` is the old spelling of `docker volume create data`.
      const named = args.findIndex((word, i) => i > at + 1 && word.text === '--name');
      const word = named !== -1 ? args[named + 1] : args[firstPositional(args, at + 2, valued)];
      if (word && !word.dynamic) names.push({ kind: group, name: word.text.replace(/^--name=/, '') });
    }
    if (group === 'compose') {
      for (let i = at + 1; i < args.length; i += 1) {
        const word = args[i]!.text;
        if (!word.startsWith('-')) break;
        const project = word === '-p' || word === '--project-name' ? args[i + 1] : undefined;
        if (project && !project.dynamic) names.push({ kind: 'compose project', name: project.text });
        else if (word.startsWith('--project-name='))
          names.push({ kind: 'compose project', name: word.slice('--project-name='.length) });
        if (COMPOSE_WITH_VALUE.has(word)) i += 1;
      }
    }
  }
  return names;
}

/** Whether a command removes containers, images, volumes, networks or files: the runner asks first. */
export function removesSomething(text: string): boolean {
  for (const call of programCalls(text, 'bash')) {
    // `rm -rf build`: the old rule asked before any rm with options; a plain `rm notes.txt` in the
    // lesson's own scratch folder does not need a question.
    if (call.name === 'rm' && call.args.some((word) => word.text.startsWith('-'))) return true;
    if (call.name !== 'docker') continue;
    const args = call.args;
    const at = subcommandIndex(args);
    const first = args[at]?.text ?? '';
    const second = args[at + 1]?.text ?? '';
    if (first === 'rm' || first === 'rmi') return true;
    if (OBJECT_GROUPS.has(first) && REMOVING.has(second)) return true;
    if (first === 'compose') {
      const sub = args[firstPositional(args, at + 1, COMPOSE_WITH_VALUE)]?.text;
      if (sub === 'down' || sub === 'rm') return true;
    }
  }
  return false;
}

/** `docker image rm` / `docker rmi`: the images one command removes, and whether it forces (`-f`). */
export interface ImageRemoval {
  images: string[];
  force: boolean;
}

/** Every `docker image rm|remove` / `docker rmi` in a bash command, with the references it names. */
export function removedImages(text: string): ImageRemoval[] {
  const removals: ImageRemoval[] = [];
  for (const { args } of dockerCalls(text)) {
    const at = subcommandIndex(args);
    const first = args[at]?.text ?? '';
    const second = args[at + 1]?.text ?? '';
    const from =
      first === 'rmi' ? at + 1 : first === 'image' && (second === 'rm' || second === 'remove') ? at + 2 : -1;
    if (from === -1) continue;
    const removal: ImageRemoval = { images: [], force: false };
    for (let i = from; i < args.length; i += 1) {
      const word = args[i]!.text;
      if (word === '--platform')
        i += 1; // the only option of `docker image rm` that takes a value
      else if (word === '-f' || word === '--force') removal.force = true;
      else if (!word.startsWith('-')) removal.images.push(word);
    }
    removals.push(removal);
  }
  return removals;
}
