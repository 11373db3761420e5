/**
 * Check "format": every source file is as Prettier would write it (.prettierrc.json; lessons, docs
 * and the broken-lesson fixtures are left out in .prettierignore, since their line breaks are the
 * author's). `npm run format` rewrites what this check finds.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { isMain, runAlone, type CheckResult } from './lib/check.ts';

export interface FormatInput {
  /** The repository root (where .prettierrc.json and .prettierignore are). */
  root: string;
}

/** Folders never worth walking into; everything else is decided by .gitignore and .prettierignore. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.astro', '.cache']);

/** Every file under the root, relative to it (no git needed: the contributor test copies the tree without .git). */
async function sourceFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => SKIPPED_FOLDERS.has(part)));
}

export async function checkFormat({ root }: FormatInput): Promise<CheckResult> {
  const ignorePath = [path.join(root, '.gitignore'), path.join(root, '.prettierignore')];
  const problems: LessonError[] = [];
  let checked = 0;
  for (const file of await sourceFiles(root)) {
    const absolute = path.join(root, file);
    const info = await prettier.getFileInfo(absolute, { ignorePath, resolveConfig: true });
    if (info.ignored || !info.inferredParser) continue;
    const options = await prettier.resolveConfig(absolute);
    const text = await readFile(absolute, 'utf8').catch(() => null);
    if (text === null) continue;
    checked++;
    if (!(await prettier.check(text, { ...options, filepath: absolute }))) {
      problems.push(
        new LessonError(
          file,
          1,
          'is not formatted as Prettier writes it',
          'Run npm run format (or npx prettier --write ' + file + ')',
        ),
      );
    }
  }
  return { problems, notes: [], summary: `${checked} files formatted` };
}

if (isMain(import.meta))
  await runAlone('format', () => checkFormat({ root: path.resolve(import.meta.dirname, '../..') }));
