/**
 * Course order, then lesson order: how the site's menu, the follow-along runner's list and the snippet
 * suite order lessons. Structural types only (no schema, no parser), so the `dockside` package can
 * bundle it with the runner.
 */
export interface OrderedLesson {
  frontmatter: { course: string; order: number };
}

export function inCourseOrder<T extends OrderedLesson>(
  lessons: readonly T[],
  courses: readonly { id: string }[],
): T[] {
  const courseIndex = (lesson: OrderedLesson) =>
    courses.findIndex((course) => course.id === lesson.frontmatter.course);
  return lessons.toSorted(
    (a, b) => courseIndex(a) - courseIndex(b) || a.frontmatter.order - b.frontmatter.order,
  );
}

/** The course's last lesson (highest order) among `lessons`, or undefined when it has none. */
export function lastLessonOf<T extends OrderedLesson>(
  courseId: string,
  lessons: readonly T[],
): T | undefined {
  return lessons
    .filter((lesson) => lesson.frontmatter.course === courseId)
    .reduce<T | undefined>(
      (last, lesson) => (!last || lesson.frontmatter.order > last.frontmatter.order ? lesson : last),
      undefined,
    );
}
