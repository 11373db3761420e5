/**
 * Remembers which of a lesson's names this runner made, across runs: a learner who quit without
 * cleaning up finds them again next time, and the runner can tell them apart from the learner's own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LessonName } from '../lesson-model/lessonNames.ts';

const stateFile = () =>
  path.join(
    process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'),
    'dockside',
    'follow.json',
  );

type State = Record<string, LessonName[]>;

function readState(): State {
  try {
    return JSON.parse(readFileSync(stateFile(), 'utf8')) as State;
  } catch {
    return {};
  }
}

export function madeByRunner(slug: string): LessonName[] {
  return readState()[slug] ?? [];
}

export function rememberMade(slug: string, names: LessonName[]): void {
  const state = readState();
  if (names.length) state[slug] = names;
  else delete state[slug];
  mkdirSync(path.dirname(stateFile()), { recursive: true });
  writeFileSync(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}

export const sameName = (a: LessonName, b: LessonName) => a.kind === b.kind && a.name === b.name;
