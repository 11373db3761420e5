/**
 * Reads content/courses.yaml outside Astro, with the same schema as the site's collection: entry by
 * entry, so the schema check can say which line of which course is wrong; readCourses() for the runners
 * and scripts, which need the valid list or a clear error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LessonError } from './errors.ts';
import { CONTENT_DIR, relativeToRepo } from './readLessonFile.ts';
import { courseSchema, type Course } from './schemas/course.ts';
import { YAML_FIX, yamlProblem } from './yamlErrors.ts';

export const COURSES_FILE = path.join(CONTENT_DIR, 'courses.yaml');

/** courses.yaml, validated entry by entry so each problem has its line. */
export function readCoursesFile(absolute: string): {
  courses: Course[];
  lines: number[];
  problems: LessonError[];
} {
  const file = relativeToRepo(absolute);
  /** A list that cannot be read at all: one problem, no courses. */
  const unreadable = (line: number, problem: string, fix: string) => ({
    courses: [],
    lines: [],
    problems: [new LessonError(file, line, problem, fix)],
  });
  if (!existsSync(absolute)) {
    return unreadable(
      1,
      'the course list is missing',
      'Create it: a YAML list of courses with id, order, title and description in en and ko',
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter });
  const lineOf = (node: YamlNode | undefined | null) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    return unreadable(lineCounter.linePos(error.pos[0]).line, yamlProblem(error), YAML_FIX);
  }
  if (!isSeq(doc.contents)) {
    return unreadable(
      1,
      'the course list is not a YAML list',
      'Write each course as a list item starting with "- id: …"',
    );
  }
  const courses: Course[] = [];
  /** The line of each course's id, for problems found later (a duplicate id). */
  const lines: number[] = [];
  const problems: LessonError[] = [];
  doc.contents.items.forEach((item, index) => {
    const parsed = courseSchema.safeParse(doc.toJS().at(index));
    if (parsed.success) {
      courses.push(parsed.data);
      lines.push(lineOf((doc.getIn([index, 'id'], true) as YamlNode | undefined) ?? (item as YamlNode)));
      return;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || `course ${index + 1}`;
      const node = doc.getIn([index, ...issue.path], true) as YamlNode | undefined;
      problems.push(
        new LessonError(
          file,
          lineOf(node ?? (item as YamlNode)),
          `course ${index + 1}, field "${field}": ${issue.message}`,
          'Each course needs id (lower-case-with-hyphens), order (1, 2, …), and title and description in en and ko',
        ),
      );
    }
  });
  return { courses, lines, problems };
}

/** The courses of content/courses.yaml (or another content tree's), in course order; throws the first problem. */
export function readCourses(file: string = COURSES_FILE): Course[] {
  const { courses, problems } = readCoursesFile(file);
  if (problems[0]) throw problems[0];
  return courses.toSorted((a, b) => a.order - b.order);
}
