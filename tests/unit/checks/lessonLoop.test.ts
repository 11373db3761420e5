/**
 * The lesson loop (`npm run check -- <lesson>`, `--watch`): results come from the cache only while
 * what a check read is unchanged, and an edit is checked again by the real checks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonSlugOf, runLessonLoop } from '../../../scripts/checks/lib/lessonLoop.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../broken-lessons/unclosed-fence-mid-file/content');
const work = mkdtempSync(path.join(os.tmpdir(), 'dockside-loop-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the lesson loop', () => {
  const contentDir = path.join(work, 'content');
  const cacheDir = path.join(work, 'cache');
  cpSync(FIXTURE, contentDir, { recursive: true });
  const options = { slugs: ['lesson'], checks: ['schema', 'translations', 'commands'], contentDir, cacheDir };
  const en = path.join(contentDir, 'lessons', 'en', 'lesson.mdx');

  it('checks a lesson, answers from the cache while it is unchanged, and checks it again once edited', async () => {
    const first = await runLessonLoop(options);
    expect(first).toMatchObject({ problems: 1, cached: 0 });
    expect(first.ran).toBe(5); // schema and commands: 2 files each; translations: 1 pair

    const again = await runLessonLoop(options);
    expect(again).toMatchObject({ problems: 1, ran: 0, cached: 5 });

    // Close the fence: the English file (schema, commands) and the pair (translations) are read again.
    const text = readFileSync(en, 'utf8').replace('hello\n\n## Look', 'hello\n```\n\n## Look');
    writeFileSync(en, text);
    const fixed = await runLessonLoop(options);
    expect(fixed).toMatchObject({ problems: 0, ran: 3, cached: 2 });
  });

  it('takes a slug or a path to either language', () => {
    expect(lessonSlugOf('lesson', contentDir)).toBe('lesson');
    expect(lessonSlugOf(en, contentDir)).toBe('lesson');
    expect(lessonSlugOf('no-such-lesson', contentDir)).toBeUndefined();
  });
});
