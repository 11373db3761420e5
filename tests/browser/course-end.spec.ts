/**
 * The end of a course: its last lesson (highest order) ends with "You finished …" and the next steps
 * of content/courses.yaml, in the page's language; no other lesson has that box. Lesson links lead to
 * a page of the site that exists.
 */
import { lastLessonOf } from '../../src/lesson-model/courseOrder.ts';
import { readCourses } from '../../src/lesson-model/readCourses.ts';
import { LESSONS, expect, test } from './site.ts';

const courses = readCourses();

test.describe('the course end and its next steps', () => {
  for (const lesson of LESSONS) {
    const course = courses.find((entry) => entry.id === lesson.source.frontmatter.course)!;
    const sameLocale = LESSONS.filter((other) => other.locale === lesson.locale).map((other) => other.source);
    const isLast = lastLessonOf(course.id, sameLocale)?.slug === lesson.slug;
    test(`${lesson.path} ${isLast ? 'ends the course' : 'does not end a course'}`, async ({ page }) => {
      await page.goto(lesson.path);
      const end = page.locator('.course-end');
      if (!isLast || course.next.length === 0) {
        await expect(end).toHaveCount(0);
        return;
      }
      await expect(end.getByRole('heading', { level: 2 })).toHaveText(
        lesson.locale === 'ko' ? `${course.title.ko} 코스를 마쳤습니다` : `You finished ${course.title.en}`,
      );
      const links = end.locator('li > a');
      await expect(links).toHaveText(course.next.map((step) => step.title[lesson.locale]));
      for (const [index, step] of course.next.entries()) {
        const link = links.nth(index);
        if (step.lesson) {
          await expect(link).toHaveAttribute('href', `/${lesson.locale}/${step.lesson}/`);
          const response = await page.request.get(`/${lesson.locale}/${step.lesson}/`);
          expect(response.status()).toBe(200);
        } else {
          await expect(link).toHaveAttribute('href', step.url!);
          await expect(link).toHaveAttribute('rel', 'external');
        }
      }
    });
  }
});
