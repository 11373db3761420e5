/**
 * Check "schema": every file under content/ is what the site expects, on its own.
 * - courses.yaml matches the course schema (src/lesson-model/schemas/course.ts);
 * - lessons/ holds only <locale>/<slug>.mdx files (anything else would be silently left out of the site);
 * - every lesson reads through the lesson model: front matter against the lesson schema, MDX,
 *   fences closed, command blocks and their placeholders, shown files, the self-check questions
 *   (```quiz: src/lesson-model/quiz.ts);
 * - its course exists in courses.yaml.
 * Other checks (duplicates, translations, …) compare lessons with each other.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { frontmatterLine } from '../../src/lesson-model/frontmatter.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import { readCoursesFile } from '../../src/lesson-model/readCourses.ts';
import { LOCALES } from '../../src/lesson-model/schemas/lesson.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

export async function checkSchema({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  const problems: LessonError[] = [];
  const { courses, problems: courseProblems } = readCoursesFile(path.join(contentDir, 'courses.yaml'));
  problems.push(...courseProblems);
  problems.push(...strayLessonFiles(contentDir));

  const set = readLessons(contentDir, lessons);
  problems.push(...set.unreadable.map((entry) => entry.error));
  const known = new Set(courses.map((course) => course.id));
  for (const lesson of set.lessons) {
    problems.push(...lesson.quizProblems);
    const { course } = lesson.frontmatter;
    if (courses.length && !known.has(course)) {
      problems.push(
        new LessonError(
          lesson.file,
          frontmatterLine(lesson.tree, ['course']),
          `course "${course}" is not in content/courses.yaml`,
          `Use one of: ${[...known].join(', ')}; a new course needs an entry in content/courses.yaml first`,
        ),
      );
    }
  }
  return {
    problems,
    notes: [],
    summary: `${set.lessons.length + set.unreadable.length} lessons, ${courses.length} courses`,
  };
}

/** Files the site would never show: a lesson must be lessons/<locale>/<slug>.mdx. */
function strayLessonFiles(contentDir: string): LessonError[] {
  const lessonsDir = path.join(contentDir, 'lessons');
  if (!existsSync(lessonsDir))
    return [
      new LessonError(
        relativeToRepo(lessonsDir),
        1,
        'there is no lessons folder',
        'Lessons live in content/lessons/en/ and content/lessons/ko/',
      ),
    ];
  const problems: LessonError[] = [];
  for (const entry of readdirSync(lessonsDir, { withFileTypes: true })) {
    const where = relativeToRepo(path.join(lessonsDir, entry.name));
    if (!entry.isDirectory() || !(LOCALES as readonly string[]).includes(entry.name)) {
      problems.push(
        new LessonError(
          where,
          1,
          `"${entry.name}" is not a language folder, so the site ignores it`,
          `Put lessons in ${LOCALES.map((l) => `content/lessons/${l}/`).join(' or ')}`,
        ),
      );
      continue;
    }
    for (const inner of readdirSync(path.join(lessonsDir, entry.name), { withFileTypes: true })) {
      if (inner.isFile() && inner.name.endsWith('.mdx')) continue;
      const stray = relativeToRepo(path.join(lessonsDir, entry.name, inner.name));
      const fix = inner.isDirectory()
        ? `Lessons are not nested: move its lessons up to content/lessons/${entry.name}/`
        : /\.(md|markdown|mdown)$/i.test(inner.name)
          ? `Rename it to ${inner.name.replace(/\.[^.]+$/, '.mdx')}: lessons are MDX`
          : `Lessons are .mdx files; files a lesson shows go in content/files/<slug>/`;
      problems.push(
        new LessonError(stray, 1, `"${inner.name}" is not a lesson file, so the site ignores it`, fix),
      );
    }
  }
  // A missing language folder is reported lesson by lesson by the translations check.
  return problems;
}

if (isMain(import.meta)) await runAlone('schema', () => checkSchema({ contentDir: contentDirFromArgs() }));
