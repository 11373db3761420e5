/**
 * Reads lesson files from disk outside Astro: for the snippet suite, the follow-along
 * runner and the project checks. Same schema and same block collector as the site.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LessonError } from './errors.ts';
import { findUnclosedFence } from './fences.ts';
import { checkDeeperAsides } from './deeper.ts';
import { collectExercises, type Exercise } from './exercises.ts';
import { collectCommandBlocks, type LessonBlock } from './lessonBlocks.ts';
import { FILES_DIR, collectShownFiles, type ShownFile } from './shownFiles.ts';
import { readFrontmatter } from './frontmatter.ts';
import { readQuiz, type LessonQuiz } from './quiz.ts';
import { LOCALES, type LessonFrontmatter, type Locale } from './schemas/lesson.ts';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');
export const LESSONS_DIR = path.join(CONTENT_DIR, 'lessons');

export interface LessonFile {
  /** Path relative to the repository root, as error messages show it. */
  file: string;
  locale: Locale;
  slug: string;
  frontmatter: LessonFrontmatter;
  tree: Root;
  blocks: LessonBlock[];
  /** The lesson's exercises ("Your turn"), each pointing at its solution and check blocks. */
  exercises: Exercise[];
  /** Files the lesson shows; runners write them into the working directory first. */
  files: ShownFile[];
  /** The self-check questions (```quiz fence, docs/practice.md), when the lesson has them and they read. */
  quiz: LessonQuiz | undefined;
  /**
   * What is wrong with the quiz, one LessonError per item: the schema check reports these. They do not
   * stop the lesson from reading (the runners never look at the quiz); the site's build fails on them.
   */
  quizProblems: LessonError[];
}

/**
 * Every lesson file (<content>/lessons/<locale>/*.mdx) of a locale, or of all, sorted by path so runs
 * are repeatable. `contentDir` is content/ unless a check reads another content tree (a test fixture).
 */
export function listLessonFiles(locale?: Locale, contentDir: string = CONTENT_DIR): string[] {
  const locales = locale ? [locale] : LOCALES;
  return locales.flatMap((loc) => {
    const dir = path.join(contentDir, 'lessons', loc);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
      .map((entry) => path.join(dir, entry.name))
      .sort();
  });
}

/**
 * Where the files a lesson shows live: content/files/ of the same content tree as the lesson
 * (<content>/lessons/<locale>/<slug>.mdx), so a lesson in a test fixture finds its fixture's files.
 * A lesson file anywhere else (the snippet suite accepts any path) uses the repository's.
 */
export function filesDirFor(absolute: string): string {
  const lessonsDir = path.dirname(path.dirname(absolute));
  return path.basename(lessonsDir) === 'lessons' ? path.join(path.dirname(lessonsDir), 'files') : FILES_DIR;
}

export function relativeToRepo(absolute: string): string {
  return path.relative(path.resolve(CONTENT_DIR, '..'), absolute);
}

export function readLessonFile(absolute: string): LessonFile {
  const file = relativeToRepo(absolute);
  const text = readFileSync(absolute, 'utf8');
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(text)) as Root;
  } catch (error) {
    const place = (error as { line?: number }).line ?? 1;
    throw new LessonError(
      file,
      place,
      `MDX does not parse: ${(error as Error).message}`,
      'Close every tag and fence; write { and < in prose as \\{ and &lt;.',
    );
  }
  const unclosed = findUnclosedFence(tree, text);
  if (unclosed?.swallowed) {
    const { line, text: swallowed, what } = unclosed.swallowed;
    throw new LessonError(
      file,
      unclosed.line,
      `the ${unclosed.opening} fence opened here is not closed before the ${what} ${swallowed} at line ${line}, so everything in between is read as this block's ${unclosed.opening === '```console' ? 'output' : 'content'}`,
      `Add a line with ${unclosed.closing} right after the block's last line, before line ${line}.`,
    );
  }
  if (unclosed) {
    throw new LessonError(
      file,
      unclosed.line,
      `the ${unclosed.opening} fence opened here is never closed, so the rest of the file is read as code`,
      `Add a line with ${unclosed.closing} right after the block's last line.`,
    );
  }
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  if (!yamlNode || yamlNode.type !== 'yaml') {
    throw new LessonError(
      file,
      1,
      'no front matter',
      'Start the file with a --- block holding title, description, course, order and objectives.',
    );
  }
  // The YAML body starts on the line after the opening ---.
  const frontmatter = readFrontmatter(yamlNode.value, file, (yamlNode.position?.start.line ?? 1) + 1);
  const locale = path.basename(path.dirname(absolute)) as Locale;
  const slug = path.basename(absolute, '.mdx');
  checkDeeperAsides(tree, file);
  const blocks = collectCommandBlocks(tree, file);
  const { quiz, problems: quizProblems } = readQuiz(tree, file);
  return {
    file,
    locale,
    slug,
    frontmatter,
    tree,
    blocks,
    exercises: collectExercises(tree, file, blocks),
    files: collectShownFiles(tree, file, slug, filesDirFor(absolute)),
    quiz,
    quizProblems,
  };
}
