/**
 * The lessons compiled into the `dockside` package: plain data (JSON) made from a clone's content/
 * when the package is built (scripts/build-cli.ts), and the LessonSource that serves it. Only what
 * running a lesson needs goes in: front matter, steps with heading and lead, shown files.
 */
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { inCourseOrder, type FollowLesson, type LessonSource } from './lessonSource.ts';

export interface LessonData {
  /** The npm package carrying the data: what `dockside --version` says and `npx` needs. */
  package: { name: string; version: string };
  /** The lessons' version: the last commit that touched content/, and whether content/ had changes on top. */
  lessons: { commit: string; date: string; changed: boolean };
  courses: LessonSource['courses'];
  lessonsByLocale: Record<Locale, FollowLesson[]>;
}

/** What `dockside --version` prints, in any language: versions and counts are not translated. */
export function versionLine(data: LessonData): string {
  const { commit, date, changed } = data.lessons;
  const counts = LOCALES.map((locale) => `${data.lessonsByLocale[locale].length} ${locale}`).join(', ');
  return `${data.package.name} ${data.package.version} · lessons ${commit}${changed ? '+changes' : ''} (${date}) · ${counts}`;
}

/** Takes only the fields a run needs from each lesson: a LessonFile also holds its Markdown tree. */
export function toLessonData(
  source: LessonSource,
  pkg: LessonData['package'],
  lessons: LessonData['lessons'],
): LessonData {
  const lessonsByLocale = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      source.lessons(locale).map((lesson): FollowLesson => ({
        slug: lesson.slug,
        locale: lesson.locale,
        frontmatter: {
          title: lesson.frontmatter.title,
          course: lesson.frontmatter.course,
          order: lesson.frontmatter.order,
        },
        blocks: lesson.blocks.map(({ block, heading, lead }) => ({ block, heading, lead })),
        exercises: lesson.exercises.map(({ title, task, hints, solution, check }) => ({
          title,
          task,
          hints,
          solution: solution.map(({ block }) => ({ block })),
          check: check.map(({ block }) => ({ block })),
        })),
        files: lesson.files.map(({ name, content }) => ({ name, content })),
      })),
    ]),
  ) as Record<Locale, FollowLesson[]>;
  const courses = source.courses.map(({ id, order, title }) => ({ id, order, title }));
  // Through JSON and back, as the bundle will carry it: what the tests see is what learners get.
  return JSON.parse(JSON.stringify({ package: pkg, lessons, courses, lessonsByLocale })) as LessonData;
}

export function dataLessonSource(data: LessonData): LessonSource {
  return {
    courses: data.courses,
    lessons: (locale) => inCourseOrder(data.lessonsByLocale[locale] ?? [], data.courses),
    version: versionLine(data),
  };
}
