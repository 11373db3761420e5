/**
 * Check "translations": the English and Korean versions of a lesson teach the same steps.
 * - every lesson exists in both languages;
 * - both belong to the same course at the same order (or the two outlines would differ);
 * - both have the same command blocks, in the same order: the same shell, the same commands, the
 *   same expected exit status and cleanup role (titles and prose are translated; commands are not);
 * - both show the same files and have the same number of diagrams;
 * - both have the same outline: headings by level and position, callouts by type, diagrams
 *   (src/lesson-model/outline.ts), so a section without commands, like the recap, is not lost.
 * - both have the same self-check questions: as many questions, as many options in each, the right
 *   answer at the same position (src/lesson-model/quiz.ts).
 *   Compared only when the blocks, files and diagrams match: a missing section with a block in it
 *   is already named by its block, once.
 * Each difference is listed on its own, at the line of the Korean (or the only) file, naming the
 * English line it differs from. The snippet suite runs the English commands only, so this check
 * is what makes the Korean page's commands tested too.
 */
import path from 'node:path';
import { diffArrays } from 'diff';
import { diagramFences } from '../../src/lesson-model/diagramFences.ts';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { frontmatterLine } from '../../src/lesson-model/frontmatter.ts';
import type { LessonBlock } from '../../src/lesson-model/lessonBlocks.ts';
import { lessonOutline, type OutlinePart } from '../../src/lesson-model/outline.ts';
import type { LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { LOCALES, type Locale } from '../../src/lesson-model/schemas/lesson.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

const LANGUAGE: Record<Locale, string> = { en: 'English', ko: 'Korean' };

export async function checkTranslations({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  const set = readLessons(contentDir, lessons);
  const problems: LessonError[] = [];
  const bySlug = new Map<string, Partial<Record<Locale, LessonFile>>>();
  for (const lesson of set.lessons)
    bySlug.set(lesson.slug, { ...bySlug.get(lesson.slug), [lesson.locale]: lesson });
  // A lesson that does not read still exists: do not call its translation missing.
  const unreadable = new Set(set.unreadable.map((entry) => entry.file));

  for (const [slug, versions] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    const missing = LOCALES.filter(
      (locale) =>
        !versions[locale] && ![...unreadable].some((file) => file.endsWith(path.join(locale, `${slug}.mdx`))),
    );
    const present = LOCALES.map((locale) => versions[locale]).filter((l): l is LessonFile => l !== undefined);
    for (const locale of missing) {
      const only = present[0]!;
      problems.push(
        new LessonError(
          only.file,
          1,
          `this lesson has no ${LANGUAGE[locale]} version (${path.join(path.dirname(path.dirname(only.file)), locale, `${slug}.mdx`)})`,
          `Add it with the same command blocks and diagrams, translated prose and titles (npm run new:lesson creates both files; see CONTRIBUTING.md)`,
        ),
      );
    }
    if (versions.en && versions.ko) problems.push(...compareVersions(versions.en, versions.ko));
  }
  return {
    problems,
    notes: unreadableNote(set),
    summary: `${bySlug.size} lessons in ${LOCALES.length} languages`,
  };
}

/** A block as the reader runs it: what must be the same in both languages. */
function signature(found: LessonBlock): string {
  const { block } = found;
  return JSON.stringify([
    block.shell,
    block.commands.map((command) => command.text),
    block.exit,
    block.cleanup,
    block.norun !== undefined,
  ]);
}

function describeBlock(found: LessonBlock): string {
  const [first] = found.block.commands;
  const more = found.block.commands.length > 1 ? ` and ${found.block.commands.length - 1} more` : '';
  const shell = found.block.shell === 'powershell' ? 'PowerShell block' : 'block';
  return `${shell} "${first ? `${found.block.shell === 'powershell' ? 'PS>' : '$'} ${first.lines[0]}` : ''}"${more}`;
}

/** What differs between two blocks that sit at the same place, in words. */
function blockDifference(en: LessonBlock, ko: LessonBlock): string {
  const a = en.block;
  const b = ko.block;
  if (a.shell !== b.shell) return `it is for ${b.shell}, the English one for ${a.shell}`;
  const length = Math.max(a.commands.length, b.commands.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.commands[i];
    const y = b.commands[i];
    if (x?.text === y?.text) continue;
    if (!x) return `it has an extra command "${y!.text.split('\n')[0]}" (line ${y!.line})`;
    if (!y) return `it lacks the command "${x.text.split('\n')[0]}" (English line ${x.line})`;
    return `line ${y.line} runs "${y.text.split('\n')[0]}" but English line ${x.line} runs "${x.text.split('\n')[0]}"`;
  }
  if (a.exit !== b.exit) return `it expects exit=${b.exit}, the English block exit=${a.exit}`;
  if (a.cleanup !== b.cleanup) return `only ${a.cleanup ? 'the English' : 'this'} block is marked cleanup`;
  return `only ${a.norun !== undefined ? 'the English' : 'this'} block is marked norun`;
}

export function compareVersions(en: LessonFile, ko: LessonFile): LessonError[] {
  const problems: LessonError[] = [];
  const at = (field: string) => frontmatterLine(ko.tree, [field]);
  const fix = `Keep commands, diagrams and front-matter course/order the same in ${en.file} and ${ko.file}; translate only prose, titles and objectives`;

  for (const field of ['course', 'order'] as const) {
    if (en.frontmatter[field] !== ko.frontmatter[field]) {
      problems.push(
        new LessonError(
          ko.file,
          at(field),
          `${field} is ${JSON.stringify(ko.frontmatter[field])} but the English lesson has ${JSON.stringify(en.frontmatter[field])}`,
          fix,
        ),
      );
    }
  }

  // Align the two block lists so that one inserted block is reported once, not as every later block differing.
  const changes = diffArrays(en.blocks.map(signature), ko.blocks.map(signature));
  let i = 0; // index in en.blocks
  let j = 0; // index in ko.blocks
  for (let c = 0; c < changes.length; c += 1) {
    const change = changes[c]!;
    const next = changes[c + 1];
    if (!change.added && !change.removed) {
      i += change.count ?? change.value.length;
      j += change.count ?? change.value.length;
    } else if (change.removed && next?.added) {
      // Blocks replaced by others: pair them up, report extra ones on either side.
      const removed = change.value.length;
      const added = next.value.length;
      for (let k = 0; k < Math.max(removed, added); k += 1) {
        const a = k < removed ? en.blocks[i + k] : undefined;
        const b = k < added ? ko.blocks[j + k] : undefined;
        if (a && b)
          problems.push(
            new LessonError(
              ko.file,
              b.block.line,
              `this command block differs from the English one at ${en.file}:${a.block.line}: ${blockDifference(a, b)}`,
              fix,
            ),
          );
        else if (a) problems.push(missingBlock(ko, a, j + added, en, fix));
        else if (b) problems.push(extraBlock(ko, b, fix));
      }
      i += removed;
      j += added;
      c += 1;
    } else if (change.removed) {
      for (let k = 0; k < change.value.length; k += 1)
        problems.push(missingBlock(ko, en.blocks[i + k]!, j, en, fix));
      i += change.value.length;
    } else {
      for (let k = 0; k < change.value.length; k += 1) problems.push(extraBlock(ko, ko.blocks[j + k]!, fix));
      j += change.value.length;
    }
  }

  const enFiles = en.files.map((f) => f.name).join(', ');
  const koFiles = ko.files.map((f) => f.name).join(', ');
  if (enFiles !== koFiles) {
    problems.push(
      new LessonError(
        ko.file,
        ko.files[0]?.line ?? 1,
        `it shows the files [${koFiles}] but the English lesson shows [${enFiles}]`,
        fix,
      ),
    );
  }

  const enDiagrams = diagramFences(en.tree);
  const koDiagrams = diagramFences(ko.tree);
  if (enDiagrams.length !== koDiagrams.length) {
    const line =
      koDiagrams[enDiagrams.length]?.position?.start.line ?? koDiagrams.at(-1)?.position?.start.line ?? 1;
    const where = enDiagrams.map((d) => d.position?.start.line).join(', ');
    problems.push(
      new LessonError(
        ko.file,
        line,
        `it has ${koDiagrams.length} diagram${koDiagrams.length === 1 ? '' : 's'} but the English lesson has ${enDiagrams.length}${where ? ` (at line${enDiagrams.length === 1 ? '' : 's'} ${where})` : ''}`,
        'Translate every ```mermaid diagram of the English lesson, labels and accTitle/accDescr included, and add or remove diagrams in both languages',
      ),
    );
  }
  problems.push(...compareQuizzes(en, ko));
  if (!problems.length) problems.push(...compareOutlines(en, ko));
  return problems;
}

/**
 * The self-check questions (src/lesson-model/quiz.ts): the same number of questions, the same number
 * of options in each, the right answer at the same position. A quiz with problems of its own is the
 * schema check's to report, so it is not compared.
 */
function compareQuizzes(en: LessonFile, ko: LessonFile): LessonError[] {
  if (en.quizProblems.length || ko.quizProblems.length) return [];
  const fix = `Give the Korean quiz the English quiz's questions in the same order, with the same number of options and the right answer at the same position; translate only the text`;
  const a = en.quiz;
  const b = ko.quiz;
  if (!a && !b) return [];
  if (a && !b)
    return [
      new LessonError(
        ko.file,
        ko.tree.position?.end.line ?? 1,
        `the English lesson has a quiz (${en.file}:${a.line}) and this one has none`,
        fix,
      ),
    ];
  if (!a && b)
    return [new LessonError(ko.file, b.line, `this quiz is not in the English lesson (${en.file})`, fix)];
  const problems: LessonError[] = [];
  if (a!.questions.length !== b!.questions.length) {
    problems.push(
      new LessonError(
        ko.file,
        b!.line,
        `this quiz has ${b!.questions.length} questions but the English one at ${en.file}:${a!.line} has ${a!.questions.length}`,
        fix,
      ),
    );
  }
  a!.questions.forEach((x, index) => {
    const y = b!.questions[index];
    if (!y) return;
    const n = index + 1;
    if (x.options.length !== y.options.length) {
      problems.push(
        new LessonError(
          ko.file,
          y.line,
          `question ${n} has ${y.options.length} options but English question ${n} at ${en.file}:${x.line} has ${x.options.length}`,
          fix,
        ),
      );
      return;
    }
    const right = (q: typeof x) => q.options.findIndex((option) => option.correct);
    if (right(x) !== right(y)) {
      problems.push(
        new LessonError(
          ko.file,
          y.options[right(y)]!.line,
          `the right answer of question ${n} is option ${right(y) + 1} but in English question ${n} it is option ${right(x) + 1} (${en.file}:${x.options[right(x)]!.line})`,
          fix,
        ),
      );
    }
  });
  return problems;
}

function compareOutlines(en: LessonFile, ko: LessonFile): LessonError[] {
  const a = lessonOutline(en.tree);
  const b = lessonOutline(ko.tree);
  const fix = `Give both languages the same headings (same levels, same order), callouts, going-deeper asides and diagrams; translate their text only`;
  const problems: LessonError[] = [];
  const changes = diffArrays(
    a.map((part) => part.kind),
    b.map((part) => part.kind),
  );
  let i = 0;
  let j = 0;
  const missing = (part: OutlinePart, at: number) => {
    const previous = b[at - 1];
    const next = b[at];
    const where = previous
      ? `after ${previous.label} (line ${previous.line})`
      : next
        ? `before ${next.label} (line ${next.line})`
        : 'in this file';
    return new LessonError(
      ko.file,
      previous?.line ?? next?.line ?? 1,
      `the English lesson's ${part.kind} ${part.label} at ${en.file}:${part.line} is missing ${where}`,
      fix,
    );
  };
  const extra = (part: OutlinePart) =>
    new LessonError(
      ko.file,
      part.line,
      `this ${part.kind} ${part.label} is not in the English lesson (${en.file})`,
      fix,
    );
  for (let c = 0; c < changes.length; c += 1) {
    const change = changes[c]!;
    const next = changes[c + 1];
    if (!change.added && !change.removed) {
      i += change.value.length;
      j += change.value.length;
    } else if (change.removed && next?.added) {
      const removed = change.value.length;
      const added = next.value.length;
      for (let k = 0; k < Math.max(removed, added); k += 1) {
        const x = k < removed ? a[i + k] : undefined;
        const y = k < added ? b[j + k] : undefined;
        if (x && y)
          problems.push(
            new LessonError(
              ko.file,
              y.line,
              `this ${y.label} is a ${y.kind} where the English lesson has a ${x.kind} (${x.label} at ${en.file}:${x.line})`,
              fix,
            ),
          );
        else if (x) problems.push(missing(x, j + added));
        else if (y) problems.push(extra(y));
      }
      i += removed;
      j += added;
      c += 1;
    } else if (change.removed) {
      for (const part of change.value.map((_, k) => a[i + k]!)) problems.push(missing(part, j));
      i += change.value.length;
    } else {
      for (const part of change.value.map((_, k) => b[j + k]!)) problems.push(extra(part));
      j += change.value.length;
    }
  }
  return problems;
}

/** `at` is the index in ko.blocks where the missing block belongs; we point at its neighbour. */
function missingBlock(ko: LessonFile, a: LessonBlock, at: number, en: LessonFile, fix: string): LessonError {
  const next = ko.blocks[at];
  const previous = ko.blocks[at - 1];
  const where = next ? 'before this block' : previous ? 'after this block' : 'in this file';
  const line = next?.block.line ?? previous?.block.line ?? 1;
  return new LessonError(
    ko.file,
    line,
    `the ${describeBlock(a)} at ${en.file}:${a.block.line} is missing ${where}`,
    fix,
  );
}

function extraBlock(ko: LessonFile, b: LessonBlock, fix: string): LessonError {
  return new LessonError(ko.file, b.block.line, `this ${describeBlock(b)} is not in the English lesson`, fix);
}

if (isMain(import.meta))
  await runAlone('translations', () => checkTranslations({ contentDir: contentDirFromArgs() }));
