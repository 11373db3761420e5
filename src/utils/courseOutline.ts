/**
 * The course outline for one locale: courses in order, each with its lessons in order.
 * The home page, the sidebar and the previous/next links all read it, so they never disagree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../lesson-model/schemas/lesson.ts';
import { readingMinutes } from './readingTime.ts';

export interface OutlineLesson {
  slug: string;
  href: string;
  title: string;
  description: string;
  order: number;
  minutes: number;
  entry: CollectionEntry<'lessons'>;
}

/** Where to go after the course (courses.yaml `next`), shown at the end of its last lesson. */
export interface OutlineNextStep {
  title: string;
  text: string;
  href: string;
  /** A page on another site (opens there; the site itself still makes no third-party requests). */
  external: boolean;
}

export interface OutlineCourse {
  id: string;
  title: string;
  description: string;
  lessons: OutlineLesson[];
  next: OutlineNextStep[];
}

export const lessonHref = (locale: Locale, slug: string) => `/${locale}/${slug}/`;

/** `en/images` → `images`: the glob loader's id is the path under content/lessons. */
export const slugOf = (entry: CollectionEntry<'lessons'>) => entry.id.split('/').slice(1).join('/');
export const localeOf = (entry: CollectionEntry<'lessons'>) => entry.id.split('/')[0] as Locale;

export async function courseOutline(locale: Locale): Promise<OutlineCourse[]> {
  const [courses, lessons] = await Promise.all([getCollection('courses'), getCollection('lessons')]);
  return courses
    .toSorted((a, b) => a.data.order - b.data.order)
    .map((course) => ({
      id: course.data.id,
      title: course.data.title[locale],
      description: course.data.description[locale],
      lessons: lessons
        .filter((entry) => localeOf(entry) === locale && entry.data.course === course.data.id)
        .map((entry) => ({
          slug: slugOf(entry),
          href: lessonHref(locale, slugOf(entry)),
          title: entry.data.title,
          description: entry.data.description,
          order: entry.data.order,
          minutes: readingMinutes(entry.body ?? '', locale),
          entry,
        }))
        .toSorted((a, b) => a.order - b.order),
      next: course.data.next.map((step) => ({
        title: step.title[locale],
        text: step.text[locale],
        href: step.lesson ? lessonHref(locale, step.lesson) : step.url!,
        external: !step.lesson,
      })),
    }))
    .filter((course) => course.lessons.length > 0);
}
