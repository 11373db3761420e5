/**
 * The broken-lesson corpus: tests/broken-lessons/<kind>/ holds a small content tree (courses.yaml,
 * an English and a Korean lesson) with one kind of mistake contributors make, and case.yaml says
 * which check must reject it, at which file and line, and which words the problem and the fix
 * must contain.
 *
 * Every source check runs on every fixture and the problems must be exactly the expected ones: a
 * fixture that tripped a second check by accident would not show that each mistake gets its own
 * message. The verification check is not among them: no fixture is ever run by the snippet suite, so
 * none has a record (tests/unit/checks/verification.test.ts covers it). Fixtures with `build: true` are built in a temporary copy of the project and go through
 * the links check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { checkCommands } from '../../scripts/checks/commands.ts';
import { checkCourseImages } from '../../scripts/checks/course-images.ts';
import { checkDiagrams } from '../../scripts/checks/diagrams.ts';
import { checkDockerCli } from '../../scripts/checks/docker-cli.ts';
import { checkDuplicates } from '../../scripts/checks/duplicates.ts';
import { checkGlossary } from '../../scripts/checks/glossary.ts';
import type { CheckResult, ContentInput } from '../../scripts/checks/lib/check.ts';
import { checkLinks } from '../../scripts/checks/links.ts';
import { checkSchema } from '../../scripts/checks/schema.ts';
import { checkTranslations } from '../../scripts/checks/translations.ts';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import { createTempProject, type TempProject } from '../support/tempProject.ts';

const CORPUS = path.resolve(import.meta.dirname, '../broken-lessons');

interface ExpectedProblem {
  check: string;
  /** Relative to the fixture's content/ folder. */
  file: string;
  line: number;
  problem: string;
  fix: string;
}

interface Case {
  kind: string;
  mistake: string;
  build?: boolean;
  problems: ExpectedProblem[];
}

const cases: Case[] = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    kind: entry.name,
    ...(parse(readFileSync(path.join(CORPUS, entry.name, 'case.yaml'), 'utf8')) as Omit<Case, 'kind'>),
  }))
  .sort((a, b) => a.kind.localeCompare(b.kind));

/** The docker CLI check needs a docker binary (no engine); CI has one. */
const hasDocker = spawnSync('docker', ['--version']).status === 0;

const SOURCE_CHECKS: Record<string, (input: ContentInput) => Promise<CheckResult>> = {
  schema: checkSchema,
  duplicates: checkDuplicates,
  translations: checkTranslations,
  commands: checkCommands,
  'course-images': checkCourseImages,
  ...(hasDocker ? { 'docker-cli': checkDockerCli } : {}),
  diagrams: checkDiagrams,
  glossary: checkGlossary,
};

const projects: TempProject[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

async function problemsOf(entry: Case): Promise<{ check: string; error: LessonError }[]> {
  const contentDir = path.join(CORPUS, entry.kind, 'content');
  const found: { check: string; error: LessonError }[] = [];
  for (const [check, run] of Object.entries(SOURCE_CHECKS)) {
    for (const error of (await run({ contentDir })).problems) found.push({ check, error });
  }
  if (entry.build) {
    const project = createTempProject({ content: contentDir });
    projects.push(project);
    const built = await buildSite({ root: project.root });
    expect(
      built.ok,
      `the fixture must build so that its links can be checked:\n${built.output.slice(-2000)}`,
    ).toBe(true);
    for (const error of (await checkLinks({ distDir: built.outDir, contentDir })).problems)
      found.push({ check: 'links', error });
  }
  return found;
}

describe('the broken-lesson corpus', () => {
  it('has at least 20 kinds of mistake, each with a case.yaml naming its problems', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const entry of cases) {
      expect(entry.mistake, entry.kind).toBeTruthy();
      expect(entry.problems.length, entry.kind).toBeGreaterThan(0);
      for (const problem of entry.problems)
        expect(
          existsSync(path.join(CORPUS, entry.kind, 'content', problem.file)),
          `${entry.kind}: ${problem.file}`,
        ).toBe(true);
    }
  });

  for (const entry of cases) {
    const needsDocker = entry.problems.some((problem) => problem.check === 'docker-cli');
    it.skipIf(needsDocker && !hasDocker)(
      `${entry.kind}: ${entry.mistake}`,
      { timeout: entry.build ? 240_000 : 60_000 },
      async () => {
        const found = await problemsOf(entry);
        const where = (check: string, file: string, line: number) => `${check} ${file}:${line}`;
        const fileOf = (relative: string) =>
          relativeToRepo(path.join(CORPUS, entry.kind, 'content', relative));

        // Exactly the expected problems, by check and place…
        expect(found.map(({ check, error }) => where(check, error.file, error.line)).sort()).toEqual(
          entry.problems.map((p) => where(p.check, fileOf(p.file), p.line)).sort(),
        );
        // …each a one-line `file:line: problem. fix` that says what is wrong and how to fix it.
        for (const expected of entry.problems) {
          const match = found.find(
            ({ check, error }) =>
              check === expected.check &&
              error.file === fileOf(expected.file) &&
              error.line === expected.line &&
              error.problem.includes(expected.problem),
          );
          expect(
            match,
            `${where(expected.check, expected.file, expected.line)} with "${expected.problem}"; found:\n${found.map((f) => f.error.message).join('\n')}`,
          ).toBeDefined();
          const { error } = match!;
          expect(error.fix).toContain(expected.fix);
          expect(error.message).toBe(`${error.file}:${error.line}: ${error.problem}. ${error.fix}`);
          expect(error.message, 'one line per problem').not.toContain('\n');
          expect(error.message.startsWith(`${fileOf(expected.file)}:${expected.line}: `)).toBe(true);
        }
      },
    );
  }
});
