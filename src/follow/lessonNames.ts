/**
 * The Docker names a lesson creates (containers, volumes, networks, a Compose project), read
 * from its commands and shown files. The runner checks them before the first step, so it never
 * runs `docker rm -f ds-web` against a learner's own container that happens to share the name.
 */
import { parse } from 'yaml';
import type { LessonFile } from '../lesson-model/readLessonFile.ts';

export type NamedKind = 'container' | 'volume' | 'network' | 'compose project';

export interface LessonName {
  kind: NamedKind;
  name: string;
}

/** Reads names out of one command's text. Only what the command itself creates, not what it uses. */
export function namesInCommand(command: string): LessonName[] {
  const names: LessonName[] = [];
  const text = command.replace(/\\\n/g, ' ');
  for (const [, , name] of text.matchAll(/--name(=|\s+)([\w.-]+)/g)) names.push({ kind: 'container', name: name! });
  for (const [, kind, rest] of text.matchAll(/docker\s+(volume|network)\s+create\s+([^;&|\n]*)/g)) {
    const name = rest!.split(/\s+/).filter((word) => word && !word.startsWith('-')).at(-1);
    if (name) names.push({ kind: kind as 'volume' | 'network', name });
  }
  // -v name:/path mounts a named volume (a path or $PWD would start with / . $ or ~).
  for (const [, name] of text.matchAll(/(?:-v|--volume)(?:=|\s+)["']?([A-Za-z0-9][\w.-]*):\//g)) names.push({ kind: 'volume', name: name! });
  return names;
}

export function lessonNames(lesson: LessonFile): LessonName[] {
  const found = new Map<string, LessonName>();
  const add = (entry: LessonName) => found.set(`${entry.kind} ${entry.name}`, entry);
  for (const { block } of lesson.blocks) {
    if (block.shell !== 'bash' || block.norun) continue;
    for (const command of block.commands) namesInCommand(command.text).forEach(add);
  }
  for (const file of lesson.files) {
    if (!/^(docker-)?compose\.ya?ml$/.test(file.name)) continue;
    const project = (parse(file.content) as { name?: unknown } | null)?.name;
    if (typeof project === 'string') add({ kind: 'compose project', name: project });
  }
  return [...found.values()];
}
