/**
 * What CONTRIBUTING.md promises a new contributor, run for real in a temporary copy of the project:
 * `npm run new:lesson` creates an English and a Korean lesson that pass every check (the same runner
 * as `npm run check`, build and links included) except verification, which only a snippet-suite run
 * gives (the scaffold claims no run), and a build that fails leaves the previous dist/
 * exactly as it was, with nothing half-written next to it.
 *
 * The types check (astro check) is left out here: it looks at .ts and .astro files, which the
 * scaffold does not touch, and it takes most of a minute.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, REPO, type TempProject } from '../support/tempProject.ts';

const hasDocker = spawnSync('docker', ['--version']).status === 0;

/** Runs a project script the way `npm run` would, inside the copy. */
function script(project: TempProject, file: string, args: string[] = []) {
  const result = spawnSync(path.join(project.root, 'node_modules', '.bin', 'tsx'), [file, ...args], {
    cwd: project.root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    // The full check renders diagrams, formats and builds: several minutes on a busy 2-core machine.
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file of a folder with a hash of its content: equal snapshots mean nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, absolute)] =
      `${createHash('sha256').update(readFileSync(absolute)).digest('hex')} ${statSync(absolute).mtimeMs}`;
  }
  return files;
}

function frontmatterOf(file: string): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8').split('---')[1]!) as Record<string, unknown>;
}

describe('contributing a lesson (tests run in order, on one project copy)', () => {
  let project: TempProject;
  beforeAll(() => {
    project = createTempProject();
  });
  afterAll(() => project?.remove());

  // Each new:lesson run starts tsx and reads every lesson: seconds on a quiet machine, a minute on a busy one.
  it(
    'npm run new:lesson creates both languages and the shown file, last in the course or after a lesson',
    { timeout: 600_000 },
    () => {
      const first = script(project, 'scripts/new-lesson.ts', ['first-steps', '--course', 'docker-concepts']);
      expect(first.status, first.output).toBe(0);
      const second = script(project, 'scripts/new-lesson.ts', [
        'second-steps',
        '--course',
        'docker-concepts',
      ]);
      expect(second.status, second.output).toBe(0);

      for (const locale of ['en', 'ko']) {
        expect(
          frontmatterOf(path.join(project.contentDir, 'lessons', locale, 'first-steps.mdx')),
        ).toMatchObject({ course: 'docker-concepts', order: 1 });
        expect(
          frontmatterOf(path.join(project.contentDir, 'lessons', locale, 'second-steps.mdx')),
        ).toMatchObject({ course: 'docker-concepts', order: 2 });
      }
      expect(existsSync(path.join(project.contentDir, 'files', 'first-steps', 'hello.txt'))).toBe(true);

      // --after places a lesson in the middle and moves the ones after it down, in both languages.
      const middle = script(project, 'scripts/new-lesson.ts', [
        'middle-steps',
        '--course',
        'docker-concepts',
        '--after',
        'first-steps',
      ]);
      expect(middle.status, middle.output).toBe(0);
      for (const locale of ['en', 'ko'])
        expect(
          ['first-steps', 'middle-steps', 'second-steps'].map(
            (slug) => frontmatterOf(path.join(project.contentDir, 'lessons', locale, `${slug}.mdx`)).order,
          ),
        ).toEqual([1, 2, 3]);
      const nowhere = script(project, 'scripts/new-lesson.ts', [
        'lost-steps',
        '--course',
        'docker-concepts',
        '--after',
        'no-such-lesson',
      ]);
      expect(nowhere.status).not.toBe(0);
      expect(nowhere.output).toContain('its lessons in order are first-steps, middle-steps, second-steps');

      const again = script(project, 'scripts/new-lesson.ts', ['first-steps', '--course', 'docker-concepts']);
      expect(again.status).not.toBe(0);
      expect(again.output).toContain('already exists');
    },
  );

  it(
    'the scaffolded lessons pass every check, built site and links included, but are not yet verified',
    { timeout: 600_000 },
    () => {
      // types and lint read only code, which a new lesson does not touch (and each takes minutes here).
      const skip = ['types', 'lint', ...(hasDocker ? [] : ['docker-cli'])];
      const result = script(project, 'scripts/check.ts', ['--skip', ...skip]);
      for (const name of [
        'schema',
        'duplicates',
        'translations',
        'commands',
        'diagrams',
        'build',
        'links',
        'html',
      ])
        expect(result.output).toMatch(new RegExp(`✓ ${name}\\b`));
      // No run of the snippet suite, no verification: the check says which command records one.
      expect(result.status, result.output).toBe(1);
      expect(result.output).toMatch(/✗ verification +3 problems/);
      for (const slug of ['first-steps', 'middle-steps', 'second-steps'])
        expect(result.output).toMatch(
          new RegExp(
            `content/lessons/en/${slug}\\.mdx:\\d+: this lesson has no recorded pass of the snippet suite, .*Run npm run test:snippets -- ${slug}:`,
          ),
        );
      expect(result.output).toContain('3 problems');
      expect(existsSync(path.join(project.root, 'dist', 'en', 'first-steps', 'index.html'))).toBe(true);
      const korean = readFileSync(
        path.join(project.root, 'dist', 'ko', 'second-steps', 'index.html'),
        'utf8',
      );
      expect(korean).toContain('/edit/main/content/lessons/ko/second-steps.mdx');
      // The scaffold claims no run: the page says so, and nothing in the lesson says otherwise.
      expect(korean).toMatch(/<span class="lesson__verification" data-state="none">아직 검증 전<\/span>/);
      for (const locale of ['en', 'ko'])
        expect(
          frontmatterOf(path.join(project.contentDir, 'lessons', locale, 'first-steps.mdx')),
        ).not.toHaveProperty('verified');
    },
  );

  it(
    'a failed build leaves the previous dist/ as it was and no half-written site behind',
    { timeout: 300_000 },
    () => {
      const dist = path.join(project.root, 'dist');
      const before = snapshot(dist);
      expect(Object.keys(before).length).toBeGreaterThan(0);

      // A lesson the build stops on while rendering: its command block has an unknown placeholder.
      const broken = path.join(REPO, 'tests', 'broken-lessons', 'unknown-placeholder', 'content', 'lessons');
      for (const locale of ['en', 'ko'])
        cpSync(
          path.join(broken, locale, 'lesson.mdx'),
          path.join(project.contentDir, 'lessons', locale, 'broken.mdx'),
        );

      const result = script(project, 'scripts/build.ts');
      expect(result.status, result.output).not.toBe(0);
      expect(result.output).toContain('dist/ was left as it was');
      expect(result.output).toMatch(/lessons\/en\/broken\.mdx:20: unknown placeholder \{\{uid\}\}/);

      expect(snapshot(dist)).toEqual(before);
      const staging = path.join(project.root, '.cache', 'build');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    },
  );

  it('after a schema problem, types, build and links say "skipped", with no Astro stack trace', () => {
    const broken = path.join(REPO, 'tests', 'broken-lessons', 'frontmatter-wrong-type', 'content', 'lessons');
    for (const locale of ['en', 'ko'])
      cpSync(
        path.join(broken, locale, 'lesson.mdx'),
        path.join(project.contentDir, 'lessons', locale, 'wrong-type.mdx'),
      );
    const result = script(project, 'scripts/check.ts', ['schema', 'types', 'build', 'links']);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/lessons\/en\/wrong-type\.mdx:5: front matter field "order"/);
    for (const name of ['types', 'build', 'links'])
      expect(result.output).toMatch(new RegExp(`– ${name}\\s+skipped: fix the errors above first`));
    expect(result.output).not.toMatch(/Stack trace|could not run/);
  });
});
