import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { courseSchema } from './lesson-model/schemas/course.ts';
import { glossaryEntrySchema } from './lesson-model/schemas/glossary.ts';
import { lessonSchema } from './lesson-model/schemas/lesson.ts';

// content/ holds data only: lessons as MDX (content/lessons/<locale>/<slug>.mdx) and the course list.
const lessons = defineCollection({
  loader: glob({ base: './content/lessons', pattern: '*/*.mdx' }),
  schema: lessonSchema,
});

const courses = defineCollection({
  loader: file('./content/courses.yaml'),
  schema: courseSchema,
});

// The glossary: its page in each language, and the spelling the Korean lessons use (npm run check -- glossary).
const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossaryEntrySchema,
});

export const collections = { lessons, courses, glossary };
