/**
 * Lessons from a clone's content/ tree, read through the lesson model (the same reader as the site,
 * the snippet suite and the checks). `npm run follow` uses it, and scripts/build-cli.ts compiles
 * what it reads into the `dockside` package. Not part of the package itself: it needs the Markdown
 * parser and the schema library, which stay in the repository.
 */
import { readCourses } from '../lesson-model/readCourses.ts';
import {
  CONTENT_DIR,
  listLessonFiles,
  readLessonFile,
  relativeToRepo,
} from '../lesson-model/readLessonFile.ts';
import type { Locale } from '../i18n/locales.ts';
import { inCourseOrder, type LessonSource } from './lessonSource.ts';
import type { LessonFile } from '../lesson-model/readLessonFile.ts';

export function contentLessonSource(contentDir: string = CONTENT_DIR): LessonSource {
  const courses = readCourses(`${contentDir}/courses.yaml`);
  const read = new Map<Locale, LessonFile[]>();
  return {
    courses,
    lessons(locale) {
      if (!read.has(locale))
        read.set(locale, inCourseOrder(listLessonFiles(locale, contentDir).map(readLessonFile), courses));
      return read.get(locale)!;
    },
    version: `${relativeToRepo(contentDir) || 'content'}/ of this clone`,
  };
}
