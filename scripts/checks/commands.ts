/**
 * Check "commands": what a lesson tells readers to run is safe and repeatable.
 * - every image is pinned to a tag or a digest, never the implicit (or explicit) `latest`:
 *   `docker run` / `create` / `pull`, `FROM` in Dockerfiles and `image:` in Compose files, both in
 *   fences and in the files a lesson shows;
 * - no download is piped into a shell (`curl … | sh`, `sh -c "$(curl …)"`, `irm … | iex`);
 * - `--privileged`, `--use-api-socket` and a mounted Docker socket appear only inside a
 *   `<Callout type="warning">` that explains the risk;
 * - published ports listen on 127.0.0.1 unless the block's `public-port="reason"` says why not.
 * Commands are split into words by src/lesson-model/shell/ (bash and PowerShell); whether docker
 * accepts the flags at all is the docker-cli check's job.
 */
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { visitParents, EXIT } from 'unist-util-visit-parents';
import type { CommandBlock, Shell } from '../../src/lesson-model/command-block/types.ts';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { relativeToRepo, type LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { lineAt, parseShell, programOf } from '../../src/lesson-model/shell/commands.ts';
import { imagePin, readDockerCall, type DockerOption } from '../../src/lesson-model/shell/dockerArgs.ts';
import { allPipelines, type Pipeline } from '../../src/lesson-model/shell/types.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

export async function checkCommands({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  const set = readLessons(contentDir, lessons);
  const problems: LessonError[] = [];
  const shownFilesSeen = new Set<string>();
  let commands = 0;
  for (const lesson of set.lessons) {
    for (const found of lesson.blocks) {
      commands += found.block.commands.length;
      problems.push(...lintCommandBlock(found.block, insideWarningCallout(lesson.tree, found.node)));
    }
    problems.push(...lintFences(lesson));
    // A shown file is one file however many lessons show it: lint it once, at its own lines.
    for (const shown of lesson.files) {
      const file = relativeToRepo(path.join(contentDir, 'files', lesson.slug, shown.name));
      if (shownFilesSeen.has(file)) continue;
      shownFilesSeen.add(file);
      problems.push(...lintImagesInFile(shown.content, kindOfFile(shown.name, shown.lang), file, 1));
    }
  }
  return {
    problems,
    notes: unreadableNote(set),
    summary: `${commands} commands in ${set.lessons.length} lessons`,
  };
}

// ---------------------------------------------------------------------------------------------
// Command blocks

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);
const DOWNLOADERS = new Set([
  'curl',
  'wget',
  'fetch',
  'iwr',
  'irm',
  'invoke-webrequest',
  'invoke-restmethod',
]);
const POWERSHELL_RUNNERS = new Set(['iex', 'invoke-expression']);
const DOCKER_SOCKET = /docker\.sock|docker_engine/;

/** The rules of this check for one block. `insideWarning`: the block sits in a warning callout. */
export function lintCommandBlock(block: CommandBlock, insideWarning: boolean): LessonError[] {
  const problems: LessonError[] = [];
  for (const command of block.commands) {
    const pipelines = allPipelines(parseShell(command.text, block.shell));
    const at = (offset: number) => lineAt(command.text, offset, command.line);
    problems.push(...downloadsIntoShell(pipelines, block.shell, block.file, at));

    for (const pipeline of pipelines) {
      for (const simple of pipeline.commands) {
        const call = programOf(simple, block.shell);
        if (call?.name !== 'docker') continue;
        const docker = readDockerCall(call.args);
        if (!docker) continue;
        const image = docker.verb === 'exec' ? undefined : docker.positionals[0];
        if (image && !image.dynamic && !docker.uncertain) {
          const problem = unpinned(image.text);
          if (problem)
            problems.push(new LessonError(block.file, at(image.offset), problem.problem, problem.fix));
        }
        for (const option of docker.options) {
          const risk = hostAccess(option);
          if (risk && !insideWarning) {
            problems.push(
              new LessonError(
                block.file,
                at(option.word.offset),
                `${risk}, and this block is not inside a warning callout`,
                'Put the block inside <Callout type="warning" title="…">, saying why the container needs it and what it could do to the reader\'s machine',
              ),
            );
          }
          const port = publicPort(option);
          if (port && block.publicPort === undefined)
            problems.push(new LessonError(block.file, at(option.word.offset), port.problem, port.fix));
        }
      }
    }
  }
  return problems;
}

/** `curl … | sh`, `sh -c "$(curl …)"`, `bash <(curl …)`, `irm … | iex`, `iex (irm …)`. */
function downloadsIntoShell(
  pipelines: Pipeline[],
  shell: Shell,
  file: string,
  at: (offset: number) => number,
): LessonError[] {
  const problems: LessonError[] = [];
  const isDownload = (p: Pipeline[]) =>
    allPipelines(p).some((pl) => pl.commands.some((c) => DOWNLOADERS.has(programOf(c, shell)?.name ?? '')));
  const isRunner = (name: string) => SHELLS.has(name) || POWERSHELL_RUNNERS.has(name);
  for (const pipeline of pipelines) {
    pipeline.commands.forEach((simple, index) => {
      const call = programOf(simple, shell);
      if (!call || !isRunner(call.name)) return;
      const fromPipe =
        index > 0 &&
        pipeline.commands
          .slice(0, index)
          .some((before) => DOWNLOADERS.has(programOf(before, shell)?.name ?? '')) &&
        readsStdin(
          call.args.map((a) => a.text),
          call.name,
        );
      const fromSubstitution = call.args.some(
        (arg) => isDownload(arg.inner) || /DownloadString/i.test(arg.text),
      );
      if (fromPipe || fromSubstitution) {
        problems.push(
          new LessonError(
            file,
            at(call.nameWord.offset),
            `this command runs a downloaded script straight away (${fromPipe ? `… | ${call.name}` : `${call.name} … $(download)`}), so the reader runs whatever the server sends`,
            'Download the script to a file first, show how to read it, then run the file; or install from a package manager',
          ),
        );
      }
    });
  }
  return problems;
}

/** `sh` with no script file runs what it reads on stdin; `sh -s` does too. */
function readsStdin(args: string[], name: string): boolean {
  if (POWERSHELL_RUNNERS.has(name)) return true;
  if (args.includes('-s')) return true;
  return !args.some((arg) => !arg.startsWith('-'));
}

function hostAccess(option: DockerOption): string | undefined {
  if (option.long === 'privileged' && option.value !== 'false')
    return '--privileged gives the container full control of the host';
  if (option.long === 'use-api-socket')
    return '--use-api-socket lets the container control Docker on the host';
  if ((option.long === 'volume' || option.long === 'mount') && DOCKER_SOCKET.test(option.value ?? '')) {
    return 'mounting the Docker socket gives the container control of Docker, and so of the whole host';
  }
  return undefined;
}

const isLoopback = (host: string) => /^127\./.test(host) || host === 'localhost' || host === '::1';

/** A `-p` that listens on every interface: "8080:80", "80", "0.0.0.0:8080:80"; and `-P`. */
function publicPort(option: DockerOption): { problem: string; fix: string } | undefined {
  const fix = (suggestion: string) =>
    `Write ${suggestion} so only the reader's own computer can connect, or add public-port="why others must reach it" to the fence`;
  if (option.long === 'publish-all' && option.value !== 'false') {
    return {
      problem: `${option.name} publishes every exposed port on all network interfaces`,
      fix: fix('-p 127.0.0.1:<host port>:<container port> for each port'),
    };
  }
  if (option.long !== 'publish' || option.value === undefined || option.value.includes('$')) return undefined;
  const spec = option.value;
  const bare = spec.replace(/\/(tcp|udp|sctp)$/i, '');
  let host: string | undefined;
  let rest: string;
  if (bare.startsWith('[')) {
    host = bare.slice(1, bare.indexOf(']'));
    rest = bare.slice(bare.indexOf(']') + 2);
  } else {
    const parts = bare.split(':');
    host = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined;
    rest = parts.length >= 3 ? parts.slice(-2).join(':') : parts.length === 2 ? bare : `:${bare}`;
  }
  if (host !== undefined && host !== '' && isLoopback(host)) return undefined;
  return {
    problem: `${option.name} ${spec} publishes the port on every network interface, so other machines can connect`,
    fix: fix(`${option.name} 127.0.0.1:${rest}${spec.slice(bare.length)}`),
  };
}

/** An image reference that does not pin a version, with what to write instead. */
export function unpinned(reference: string): { problem: string; fix: string } | undefined {
  if (reference.includes('$') || reference === 'scratch') return undefined;
  const pin = imagePin(reference);
  const name = reference.replace(/:latest$/, '');
  const fix = `Pin a version, like ${name.includes('/') ? `${name}:1.2` : `${name}:<version>`} (see the image's tags on its registry), or a digest (${name}@sha256:…) for exact bytes`;
  if (pin.kind === 'none')
    return {
      problem: `image "${reference}" has no tag, so Docker uses ${reference}:latest, which changes without notice`,
      fix,
    };
  if (pin.kind === 'tag' && pin.tag === 'latest')
    return { problem: `image "${reference}" uses the tag latest, which changes without notice`, fix };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile and Compose text: fences in the prose and shown files

type FileKind = 'dockerfile' | 'compose' | 'other';

function kindOfFile(name: string, lang: string): FileKind {
  if (/^dockerfile$/i.test(lang) || /(^|[./])Dockerfile($|\.)|\.dockerfile$/i.test(name)) return 'dockerfile';
  if (/^(docker-)?compose[\w.-]*\.ya?ml$/i.test(name)) return 'compose';
  return 'other';
}

/** ```dockerfile and ```yaml fences in the lesson's prose (not shown files: those are linted as files). */
function lintFences(lesson: LessonFile): LessonError[] {
  const problems: LessonError[] = [];
  visit(lesson.tree, 'code', (code) => {
    if (code.meta && /(^|\s)file=/.test(code.meta)) return;
    const kind: FileKind = /^dockerfile$/i.test(code.lang ?? '')
      ? 'dockerfile'
      : /^ya?ml$/i.test(code.lang ?? '') && /^\s*services:/m.test(code.value)
        ? 'compose'
        : 'other';
    if (kind !== 'other')
      problems.push(...lintImagesInFile(code.value, kind, lesson.file, (code.position?.start.line ?? 0) + 1));
  });
  return problems;
}

/** `FROM image` in a Dockerfile, `image:` in a Compose file. `firstLine` is the file line of the text's first line. */
export function lintImagesInFile(
  text: string,
  kind: FileKind,
  file: string,
  firstLine: number,
): LessonError[] {
  if (kind === 'other') return [];
  const problems: LessonError[] = [];
  const stages = new Set<string>();
  text.split('\n').forEach((line, index) => {
    let reference: string | undefined;
    if (kind === 'dockerfile') {
      const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
      if (!from) return;
      if (from[2]) stages.add(from[2].toLowerCase());
      if (stages.has(from[1]!.toLowerCase()) && from[1]!.toLowerCase() !== from[2]?.toLowerCase()) return;
      reference = from[1];
    } else {
      reference = /^\s*image:\s*["']?([^"'\s#]+)/.exec(line)?.[1];
    }
    const problem = reference ? unpinned(reference) : undefined;
    if (problem) problems.push(new LessonError(file, firstLine + index, problem.problem, problem.fix));
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------

/** True when `target` sits, at any depth, inside <Callout type="warning">. */
export function insideWarningCallout(tree: Root, target: Nodes): boolean {
  const isWarning = (node: Nodes) =>
    node.type === 'mdxJsxFlowElement' &&
    node.name === 'Callout' &&
    node.attributes.some(
      (attribute) =>
        attribute.type === 'mdxJsxAttribute' && attribute.name === 'type' && attribute.value === 'warning',
    );
  let inside = false;
  visitParents(tree, (node, ancestors) => {
    if (node !== target) return;
    inside = ancestors.some((ancestor) => isWarning(ancestor));
    return EXIT;
  });
  return inside;
}

if (isMain(import.meta))
  await runAlone('commands', () => checkCommands({ contentDir: contentDirFromArgs() }));
