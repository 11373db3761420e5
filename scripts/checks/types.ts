/**
 * Check "types": `astro check` (TypeScript in strict mode over .ts and .astro files, and the
 * content collections against their schemas), with each diagnostic turned into `file:line: …`.
 */
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { exec } from '../../src/runtime/exec.ts';
import { isMain, runAlone, type CheckResult } from './lib/check.ts';

export interface TypesInput {
  /** The project root (where astro.config.mjs is). */
  root: string;
}

/** `src/x.ts:10:5 - error ts(2345): Argument of type …` (astro check's plain output). */
const DIAGNOSTIC = /^(.+?):(\d+):(\d+) - (error|warning) (ts\(\d+\)|[\w-]+): (.*)$/;

export function parseAstroCheckOutput(output: string): LessonError[] {
  const plain = stripVTControlCharacters(output);
  return plain
    .split('\n')
    .map((line) => DIAGNOSTIC.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null && match[4] === 'error')
    .map(
      ([, file, line, column, , code, message]) =>
        new LessonError(
          file!,
          Number(line),
          `${code} at column ${column}: ${message!.replace(/\.$/, '')}`,
          'Fix the type error (npx astro check shows it in context)',
        ),
    );
}

export async function checkTypes({ root }: TypesInput): Promise<CheckResult> {
  const astro = path.join(root, 'node_modules', '.bin', 'astro');
  const { code, output } = await exec(astro, ['check', '--root', root], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const problems = parseAstroCheckOutput(output);
  if (code !== 0 && problems.length === 0) {
    // It failed without a diagnostic we could read (a config error): show its own words.
    const tail = output.trim().split('\n').slice(-8).join('\n    ');
    throw new Error(`astro check exited with ${code}:\n    ${tail}`);
  }
  const files = /Result \((\d+) files?\)/.exec(output)?.[1];
  return { problems, notes: [], summary: `${files ?? 'all'} files, no type errors` };
}

if (isMain(import.meta))
  await runAlone('types', () => checkTypes({ root: path.resolve(import.meta.dirname, '../..') }));
