/**
 * Reads a docker command's arguments far enough for the command lint: which subcommand, which
 * options with which values, and the image. Only the subcommands the lint looks into are known
 * (run, create, pull, exec); whether a flag exists at all is the real docker CLI's job
 * (scripts/checks/docker-cli.ts).
 *
 * To find the image of `docker run` we must know which options take a value: in
 * `docker run --restart on-failure:3 busybox:1.37` the image is the third word, not the second.
 * The tables below are `docker <command> --help` of Docker 28 (plus hidden aliases such as --net).
 * An option in neither table is a typo or newer than the table: the call is then marked uncertain
 * and the lint does not guess which word is the image (the docker-cli check reports the typo).
 */
import type { ShellWord } from './types.ts';

export type DockerVerb = 'run' | 'create' | 'pull' | 'exec';

export interface DockerOption {
  /** As typed, without a value: "-p", "--publish", "-d". */
  name: string;
  /** The long name it stands for, without dashes: "publish", "detach". */
  long: string;
  value?: string;
  /** The word holding the option (and its value, when attached). */
  word: ShellWord;
  valueWord?: ShellWord;
}

export interface DockerCall {
  verb: DockerVerb;
  options: DockerOption[];
  /** Words after the options: for run/create the image and the container's command. */
  positionals: ShellWord[];
  /** An option we do not know stood where a value might follow: the positionals are not known. */
  uncertain: boolean;
}

/** Short options and the long names they stand for; `-a` differs between run (attach) and pull (all tags). */
const SHORT: Record<string, string> = {
  d: 'detach',
  i: 'interactive',
  t: 'tty',
  P: 'publish-all',
  q: 'quiet',
  p: 'publish',
  v: 'volume',
  e: 'env',
  u: 'user',
  w: 'workdir',
  m: 'memory',
  c: 'cpu-shares',
  h: 'hostname',
  l: 'label',
  a: 'attach',
};
const SHORT_BY_VERB: Partial<Record<DockerVerb, Record<string, string>>> = { pull: { a: 'all-tags' } };

/** `docker create`'s switches; `docker run` has these and --detach, --sig-proxy. */
const CREATE_BOOLEAN = [
  'disable-content-trust',
  'help',
  'init',
  'interactive',
  'no-healthcheck',
  'oom-kill-disable',
  'privileged',
  'publish-all',
  'quiet',
  'read-only',
  'rm',
  'tty',
  'use-api-socket',
];
const BOOLEAN: Record<DockerVerb, Set<string>> = {
  run: new Set([...CREATE_BOOLEAN, 'detach', 'sig-proxy']),
  create: new Set(CREATE_BOOLEAN),
  pull: new Set(['all-tags', 'disable-content-trust', 'help', 'quiet']),
  exec: new Set(['detach', 'help', 'interactive', 'privileged', 'tty']),
};

const CONTAINER_VALUES = [
  'add-host',
  'annotation',
  'attach',
  'blkio-weight',
  'blkio-weight-device',
  'cap-add',
  'cap-drop',
  'cgroup-parent',
  'cgroupns',
  'cidfile',
  'cpu-count',
  'cpu-percent',
  'cpu-period',
  'cpu-quota',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'cpu-shares',
  'cpus',
  'cpuset-cpus',
  'cpuset-mems',
  'device',
  'device-cgroup-rule',
  'device-read-bps',
  'device-read-iops',
  'device-write-bps',
  'device-write-iops',
  'dns',
  'dns-opt',
  'dns-option',
  'dns-search',
  'domainname',
  'entrypoint',
  'env',
  'env-file',
  'expose',
  'gpus',
  'group-add',
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-start-interval',
  'health-start-period',
  'health-timeout',
  'hostname',
  'io-maxbandwidth',
  'io-maxiops',
  'ip',
  'ip6',
  'ipc',
  'isolation',
  'kernel-memory',
  'label',
  'label-file',
  'link',
  'link-local-ip',
  'log-driver',
  'log-opt',
  'mac-address',
  'memory',
  'memory-reservation',
  'memory-swap',
  'memory-swappiness',
  'mount',
  'name',
  'net',
  'net-alias',
  'network',
  'network-alias',
  'oom-score-adj',
  'pid',
  'pids-limit',
  'platform',
  'publish',
  'pull',
  'restart',
  'runtime',
  'security-opt',
  'shm-size',
  'stop-signal',
  'stop-timeout',
  'storage-opt',
  'sysctl',
  'tmpfs',
  'ulimit',
  'user',
  'userns',
  'uts',
  'volume',
  'volume-driver',
  'volumes-from',
  'workdir',
];
const WITH_VALUE: Record<DockerVerb, Set<string>> = {
  run: new Set([...CONTAINER_VALUES, 'detach-keys']),
  create: new Set(CONTAINER_VALUES),
  pull: new Set(['platform']),
  exec: new Set(['detach-keys', 'env', 'env-file', 'user', 'workdir']),
};

/** Options of `docker` itself, before the subcommand, that take a value. */
const GLOBAL_WITH_VALUE = new Set([
  '-H',
  '--host',
  '-c',
  '--context',
  '-l',
  '--log-level',
  '--config',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
]);

/** `docker container run` is `docker run`. */
const VERBS: Record<string, DockerVerb> = {
  run: 'run',
  'container run': 'run',
  create: 'create',
  'container create': 'create',
  pull: 'pull',
  'image pull': 'pull',
  exec: 'exec',
  'container exec': 'exec',
};

/** Index of the first word after docker's own options (`docker -H x --debug run …` → the `run`). */
export function subcommandIndex(args: ShellWord[]): number {
  let i = 0;
  while (i < args.length && args[i]!.text.startsWith('-')) {
    const text = args[i]!.text;
    i += GLOBAL_WITH_VALUE.has(text) ? 2 : 1;
  }
  return i;
}

/** Reads `args` (the words after `docker`); undefined for subcommands the lint does not look into. */
export function readDockerCall(args: ShellWord[]): DockerCall | undefined {
  const at = subcommandIndex(args);
  const one = args[at]?.text ?? '';
  const two = `${one} ${args[at + 1]?.text ?? ''}`;
  const verb = VERBS[two] ?? VERBS[one];
  if (!verb) return undefined;
  const rest = args.slice(at + (VERBS[two] ? 2 : 1));
  const booleans = BOOLEAN[verb];
  const valued = WITH_VALUE[verb];
  const options: DockerOption[] = [];
  const unsure = (): DockerCall => ({ verb, options, positionals: [], uncertain: true });
  let i = 0;
  for (; i < rest.length; i += 1) {
    const word = rest[i]!;
    const text = word.text;
    if (text === '--') {
      i += 1;
      break;
    }
    if (!text.startsWith('-') || text === '-') break; // the first positional: options end here for docker run
    if (text.startsWith('--')) {
      const [name, value] = splitOnce(text.slice(2), '=');
      const option: DockerOption = { name: `--${name}`, long: name, word };
      if (value !== undefined) option.value = value;
      else if (valued.has(name)) {
        if (i + 1 < rest.length) {
          option.valueWord = rest[++i]!;
          option.value = option.valueWord.text;
        }
      } else if (!booleans.has(name)) return unsure();
      options.push(option);
      continue;
    }
    // A cluster of short options: -it, -dp 8080:80, -p8080:80, -eKEY=value.
    for (let k = 1; k < text.length; k += 1) {
      const letter = text[k]!;
      const long = SHORT_BY_VERB[verb]?.[letter] ?? SHORT[letter];
      if (long === undefined || (!booleans.has(long) && !valued.has(long))) return unsure();
      const option: DockerOption = { name: `-${letter}`, long, word };
      if (valued.has(long)) {
        if (k + 1 < text.length) option.value = text.slice(k + 1).replace(/^=/, '');
        else if (i + 1 < rest.length) {
          option.valueWord = rest[++i]!;
          option.value = option.valueWord.text;
        }
        options.push(option);
        break;
      }
      options.push(option);
    }
  }
  return { verb, options, positionals: rest.slice(i), uncertain: false };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** How an image reference names its version, for the "pin every image" rule. */
export type ImagePin = { kind: 'digest' } | { kind: 'tag'; tag: string } | { kind: 'none' };

/** `redis:8` → tag 8; `registry:5000/team/app` → none (the colon belongs to the host); `x@sha256:…` → digest. */
export function imagePin(reference: string): ImagePin {
  if (reference.includes('@')) return { kind: 'digest' };
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  return colon === -1 ? { kind: 'none' } : { kind: 'tag', tag: reference.slice(colon + 1) };
}
