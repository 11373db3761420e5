/**
 * Check "html": every page of the built site (dist/, after the build) passes html-validate's
 * recommended rules. Each rule turned off or changed below says why; anything else html-validate
 * finds is a problem, reported at the page's line with the rule's name and what it wants.
 *
 *   npm run check:html [-- --dist <dir>]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import { isMain, runAlone, type CheckResult } from './lib/check.ts';

export interface HtmlInput {
  /** The built site. */
  distDir: string;
}

/**
 * html-validate's recommended preset, as it is: no rule is turned off. (A rule turned off here must
 * say why in a comment beside it.)
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export async function checkHtml({ distDir }: HtmlInput): Promise<CheckResult> {
  if (!existsSync(distDir))
    throw new Error(
      `there is no built site at ${relativeToRepo(distDir)}: run npm run build first (npm run check does)`,
    );
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const files = htmlFiles(distDir);
  if (!files.length) throw new Error(`${relativeToRepo(distDir)} has no .html pages: run npm run build`);
  const problems: LessonError[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results)
      for (const message of result.messages)
        problems.push(
          new LessonError(
            relativeToRepo(file),
            message.line,
            `html-validate ${message.ruleId}: ${message.message.replace(/\.$/, '')}`,
            `See https://html-validate.org/rules/${message.ruleId}.html; fix the template in src/ (or the lesson) that writes it`,
          ),
        );
  }
  return { problems, notes: [], summary: `${files.length} pages valid (html-validate:recommended)` };
}

if (isMain(import.meta)) {
  const at = process.argv.indexOf('--dist');
  const distDir = path.resolve(
    at === -1 ? path.resolve(import.meta.dirname, '../../dist') : process.argv[at + 1]!,
  );
  await runAlone('html', () => checkHtml({ distDir }));
}
