/**
 * Images a course reuses (`images:` of its entry in content/courses.yaml). A reader who takes the
 * lessons in order should pull `redis:8` once, not once per lesson, so:
 * - a lesson's cleanup leaves the course's images on the reader's machine for the next lesson;
 * - the course's last lesson (its highest `order`) removes all of them, with `docker image rm -f`,
 *   since a reader who skipped a lesson may not have every one.
 * The course-images check enforces both (problems below); the snippet suite lets these images stay
 * after a lesson that is not the last one (`imagesKeptBy`), and counts anything else left as a failure.
 */
import type { CommandBlock } from './command-block/types.ts';
import { lastLessonOf, type OrderedLesson } from './courseOrder.ts';
import { LessonError } from './errors.ts';
import type { LessonFile } from './readLessonFile.ts';
import type { Course } from './schemas/course.ts';
import { removedImages } from './shell/dockerEffects.ts';

type CourseImages = Pick<Course, 'id' | 'images'>;

/** Images the lesson may leave behind: its course's, unless it is the course's last lesson. */
export function imagesKeptBy<T extends OrderedLesson>(
  lesson: T,
  courses: readonly CourseImages[],
  lessons: readonly T[],
): Set<string> {
  const course = courses.find((entry) => entry.id === lesson.frontmatter.course);
  // Compared by order, not identity: the caller may have read the lesson again.
  if (!course || lastLessonOf(course.id, lessons)?.frontmatter.order === lesson.frontmatter.order)
    return new Set();
  return new Set(course.images);
}

/** What a lesson's cleanup blocks do with the course's images, as problems at the lines to change. */
export function courseImageProblems(
  lesson: LessonFile,
  course: CourseImages & { title: Course['title'] },
  last: LessonFile | undefined,
): LessonError[] {
  if (!course.images.length) return [];
  const shared = new Set(course.images);
  const cleanups: CommandBlock[] = lesson.blocks
    .map((found) => found.block)
    .filter((block) => block.cleanup && block.shell === 'bash');
  const problems: LessonError[] = [];
  const isLast = last?.file === lesson.file;
  const title = course.title[lesson.locale];
  const removed = new Map<string, { force: boolean; line: number }>();
  for (const block of cleanups) {
    for (const command of block.commands) {
      for (const removal of removedImages(command.text)) {
        for (const image of removal.images) {
          if (shared.has(image)) removed.set(image, { force: removal.force, line: command.line });
        }
      }
    }
  }
  if (!isLast) {
    for (const [image, { line }] of removed) {
      problems.push(
        new LessonError(
          lesson.file,
          line,
          `the cleanup removes ${image}, which other lessons of the course "${title}" pull again (it is in the course's images in content/courses.yaml)`,
          `Leave ${image} out of the cleanup and say in the text that the course's last lesson${last ? ` (${last.slug})` : ''} removes it; if no other lesson uses it, take it out of images: in content/courses.yaml instead`,
        ),
      );
    }
    return problems;
  }
  const all = `docker image rm -f ${course.images.join(' ')}`;
  const at = cleanups.at(-1)?.line ?? 1;
  const missing = course.images.filter((image) => !removed.has(image));
  if (missing.length) {
    problems.push(
      new LessonError(
        lesson.file,
        at,
        `this is the last lesson of the course "${title}", and its cleanup leaves the course's images ${missing.join(', ')} behind (the other lessons keep them for it to remove)`,
        cleanups.length
          ? `Remove them in the cleanup block: ${all}`
          : `Add a cleanup block (\`\`\`console cleanup) that removes them: ${all}`,
      ),
    );
  }
  for (const [image, { force, line }] of removed) {
    if (force) continue;
    problems.push(
      new LessonError(
        lesson.file,
        line,
        `the course's last lesson removes ${image} without -f, so the cleanup fails for a reader who skipped the lessons that pull it`,
        `Write docker image rm -f: ${all}`,
      ),
    );
  }
  return problems;
}
