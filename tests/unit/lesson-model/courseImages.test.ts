/**
 * Course images (src/lesson-model/courseImages.ts): lessons keep the images their course reuses, the
 * course's last lesson removes them with -f, and the suite lets exactly those stay.
 */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { courseImageProblems, imagesKeptBy } from '../../../src/lesson-model/courseImages.ts';
import { collectCommandBlocks } from '../../../src/lesson-model/lessonBlocks.ts';
import type { LessonFile } from '../../../src/lesson-model/readLessonFile.ts';
import { removedImages } from '../../../src/lesson-model/shell/dockerEffects.ts';
import { withoutKept, type DockerObject, type Snapshot } from '../../../src/runtime/engine.ts';

const FENCE = '```';
const course = {
  id: 'docker-concepts',
  images: ['busybox:1.37', 'redis:8'],
  title: { en: 'Docker concepts', ko: '도커 기본 개념' },
};

function lesson(file: string, order: number, cleanup: string): LessonFile {
  const text = `## Clean up\n\n${FENCE}console cleanup\n${cleanup}\n${FENCE}\n`;
  const tree = unified().use(remarkParse).use(remarkMdx).parse(text) as Root;
  return {
    file,
    locale: 'en',
    slug: file.replace(/\.mdx$/, ''),
    frontmatter: { course: course.id, order },
    blocks: collectCommandBlocks(tree, file),
  } as unknown as LessonFile;
}

describe('which images a lesson removes', () => {
  it('reads docker image rm, docker image remove and docker rmi, with or without -f', () => {
    expect(removedImages('docker image rm -f busybox:1.37 redis:8')).toEqual([
      { images: ['busybox:1.37', 'redis:8'], force: true },
    ]);
    expect(removedImages('docker rmi redis:8 && docker image remove --force nginx:1.30')).toEqual([
      { images: ['redis:8'], force: false },
      { images: ['nginx:1.30'], force: true },
    ]);
  });

  it('skips the value of --platform and ignores other commands', () => {
    expect(removedImages('docker image rm --platform linux/arm64 redis:8')).toEqual([
      { images: ['redis:8'], force: false },
    ]);
    expect(removedImages('docker rm -f redis:8; echo docker image rm x')).toEqual([]);
  });
});

describe("a lesson that is not the course's last", () => {
  const first = lesson('first.mdx', 1, '$ docker rm -f ds-a\nds-a');
  const last = lesson('last.mdx', 2, '$ docker image rm -f busybox:1.37 redis:8\n{{...}}');

  it('keeps the course images, and the suite lets them stay', () => {
    expect(courseImageProblems(first, course, last)).toEqual([]);
    expect([...imagesKeptBy(first, [course], [first, last])]).toEqual(['busybox:1.37', 'redis:8']);
  });

  it('is told to leave a course image alone, at the line that removes it', () => {
    const eager = lesson(
      'eager.mdx',
      1,
      '$ docker rm -f ds-a\nds-a\n$ docker image rm ds-own:1 redis:8\n{{...}}',
    );
    const problems = courseImageProblems(eager, course, last);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(6);
    expect(problems[0]!.message).toContain(
      'the cleanup removes redis:8, which other lessons of the course "Docker concepts" pull again',
    );
    expect(problems[0]!.message).toContain('Leave redis:8 out of the cleanup');
  });
});

describe("the course's last lesson", () => {
  const first = lesson('first.mdx', 1, '$ docker rm -f ds-a\nds-a');

  it('removes every course image with -f, and keeps nothing', () => {
    const last = lesson('last.mdx', 2, '$ docker image rm -f busybox:1.37 redis:8\n{{...}}');
    expect(courseImageProblems(last, course, last)).toEqual([]);
    expect(imagesKeptBy(last, [course], [first, last]).size).toBe(0);
  });

  it('is told which images it leaves, with the command to write', () => {
    const last = lesson('last.mdx', 2, '$ docker image rm -f busybox:1.37\n{{...}}');
    const [problem, ...more] = courseImageProblems(last, course, last);
    expect(more).toEqual([]);
    expect(problem!.message).toContain("its cleanup leaves the course's images redis:8 behind");
    expect(problem!.message).toContain('docker image rm -f busybox:1.37 redis:8');
  });

  it('needs -f, since a reader who skipped a lesson may not have the image', () => {
    const last = lesson('last.mdx', 2, '$ docker image rm busybox:1.37 redis:8\n{{...}}');
    const problems = courseImageProblems(last, course, last);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('removes busybox:1.37 without -f'),
      expect.stringContaining('removes redis:8 without -f'),
    ]);
  });
});

describe('what the suite counts as left behind', () => {
  const image = (key: string, imageId: string): DockerObject => ({
    kind: 'image',
    key,
    display: key,
    imageId,
  });
  const redis = image('redis:8', 'sha256:aaa');
  const byDigest = image('sha256:aaa', 'sha256:aaa'); // `docker pull redis@sha256:…`: same image, no tag
  const own = image('ds-own:1', 'sha256:bbb');
  const after: Snapshot = {
    objects: new Map([redis, byDigest, own].map((object) => [`image ${object.key}`, object])),
    imageIds: new Set(),
  };

  it("leaves out a kept image and other references to the same image, not the lesson's own", () => {
    expect(withoutKept([redis, byDigest, own], new Set(['redis:8']), after)).toEqual([own]);
  });

  it('counts everything when the lesson keeps nothing', () => {
    expect(withoutKept([redis, byDigest, own], new Set(), after)).toEqual([redis, byDigest, own]);
  });
});
