/**
 * The Docker names a lesson creates (containers, volumes, networks, a Compose project), read from its
 * commands (shell/dockerEffects.ts) and shown Compose files. The follow-along runner checks them before
 * the first step, so it never runs `docker rm -f ds-web` against a learner's own container that happens
 * to share the name.
 */
import { parse } from 'yaml';
import type { CommandBlock } from './command-block/types.ts';
import { createdNames, type DockerName, type NamedKind } from './shell/dockerEffects.ts';

export type { NamedKind };
export type LessonName = DockerName;

/** A lesson's blocks and shown files: a LessonFile, or the follow-along runner's compiled lesson. */
export interface LessonParts {
  blocks: readonly { block: CommandBlock }[];
  files: readonly { name: string; content: string }[];
}

export function lessonNames(lesson: LessonParts): LessonName[] {
  const found = new Map<string, LessonName>();
  const add = (entry: LessonName) => found.set(`${entry.kind} ${entry.name}`, entry);
  for (const { block } of lesson.blocks) {
    if (block.shell !== 'bash' || block.norun) continue;
    for (const command of block.commands) createdNames(command.text).forEach(add);
  }
  for (const file of lesson.files) {
    if (!/^(docker-)?compose\.ya?ml$/.test(file.name)) continue;
    const project = (parse(file.content) as { name?: unknown } | null)?.name;
    if (typeof project === 'string') add({ kind: 'compose project', name: project });
  }
  return [...found.values()];
}
