/**
 * The two lesson sources of the follow-along runner agree: what the `dockside` package carries
 * (compiled data, through JSON as the bundle holds it) is what `npm run follow` reads from content/.
 */
import { describe, expect, it } from 'vitest';
import { contentLessonSource } from '../../../src/follow/contentLessons.ts';
import { dataLessonSource, toLessonData, versionLine } from '../../../src/follow/lessonData.ts';
import { LOCALES } from '../../../src/i18n/locales.ts';
import { lessonNames } from '../../../src/lesson-model/lessonNames.ts';
import { listLessonFiles } from '../../../src/lesson-model/readLessonFile.ts';

const content = contentLessonSource();
const data = toLessonData(
  content,
  { name: '@dockside-dev/cli', version: '9.8.7' },
  {
    commit: 'abc1234',
    date: '2026-12-01',
    changed: true,
  },
);
const compiled = dataLessonSource(data);

describe('lessons compiled into the package', () => {
  it.each(LOCALES)('carries every %s lesson of content/, in course order', (locale) => {
    const files = listLessonFiles(locale);
    expect(files.length).toBeGreaterThan(0);
    expect(
      compiled
        .lessons(locale)
        .map((l) => l.slug)
        .toSorted(),
    ).toEqual(
      files
        .map((file) =>
          file
            .split('/')
            .at(-1)!
            .replace(/\.mdx$/, ''),
        )
        .toSorted(),
    );
    expect(compiled.lessons(locale).map((l) => l.slug)).toEqual(content.lessons(locale).map((l) => l.slug));
  });

  it.each(LOCALES)(
    'gives each %s lesson the same steps, leads, shown files and names as content/',
    (locale) => {
      for (const [index, read] of content.lessons(locale).entries()) {
        const carried = compiled.lessons(locale)[index]!;
        expect(carried.frontmatter.title).toBe(read.frontmatter.title);
        expect(carried.blocks.length).toBe(read.blocks.length);
        read.blocks.forEach((step, n) => {
          // The parsed block itself, field by field (JSON drops only `undefined` optional fields).
          expect(carried.blocks[n]).toEqual({ block: step.block, heading: step.heading, lead: step.lead });
        });
        expect(carried.files).toEqual(read.files.map(({ name, content }) => ({ name, content })));
        expect(lessonNames(carried)).toEqual(lessonNames(read));
      }
    },
  );

  it('carries the shown files with their text (redis-cluster has a compose.yaml with a project name)', () => {
    const cluster = compiled.lessons('en').find((l) => l.slug === 'redis-cluster');
    expect(cluster?.files.map((f) => f.name)).toContain('compose.yaml');
    expect(lessonNames(cluster!).some((n) => n.kind === 'compose project')).toBe(true);
  });

  it('carries the course titles in both languages', () => {
    expect(compiled.courses).toEqual(content.courses.map(({ id, order, title }) => ({ id, order, title })));
  });

  it('says which package and which lessons it carries', () => {
    expect(versionLine(data)).toBe(
      `@dockside-dev/cli 9.8.7 · lessons abc1234+changes (2026-12-01) · ${LOCALES.map((l) => `${content.lessons(l).length} ${l}`).join(', ')}`,
    );
    expect(content.version).toBe('content/ of this clone');
  });
});
