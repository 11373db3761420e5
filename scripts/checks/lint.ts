/**
 * Check "lint": ESLint over the code (eslint.config.js: the recommended rules of ESLint,
 * typescript-eslint and eslint-plugin-astro, and promises nobody awaits), each finding as
 * `file:line: problem. fix`. `npm run lint` runs ESLint itself; `npm run lint -- --fix` applies the
 * fixes ESLint knows.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { isMain, runAlone, type CheckResult } from './lib/check.ts';

export interface LintInput {
  /** The repository root (where eslint.config.js is). */
  root: string;
  /** What to lint, relative to the root; the whole tree unless given. */
  patterns?: string[];
}

export async function checkLint({ root, patterns = ['.'] }: LintInput): Promise<CheckResult> {
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(patterns);
  const meta = eslint.getRulesMetaForResults(results);
  const problems: LessonError[] = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath);
    for (const message of result.messages) {
      const rule = message.ruleId;
      const docs = rule ? meta[rule]?.docs?.url : undefined;
      const fix = message.fix
        ? 'npm run lint -- --fix fixes it'
        : rule
          ? `Fix the code as the rule asks (${docs ?? rule}); if the rule is wrong here, add "// eslint-disable-next-line ${rule} -- <why>"`
          : 'Fix the code so that it parses';
      problems.push(
        new LessonError(
          file,
          message.line || 1,
          `${rule ? `${rule}: ` : ''}${message.message.replace(/\.$/, '')}`,
          fix,
        ),
      );
    }
  }
  return { problems, notes: [], summary: `${results.length} files, no lint problems` };
}

if (isMain(import.meta))
  await runAlone('lint', () => checkLint({ root: path.resolve(import.meta.dirname, '../..') }));
