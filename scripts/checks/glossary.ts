/**
 * Check "glossary": content/glossary.yaml reads (every term in both languages, unique ids, no rejected
 * spelling that is also a term, no form that stands for two terms), and no Korean lesson uses a
 * spelling the glossary rejects. One line per use: file, line, the spelling found and the one to write.
 */
import { LessonError } from '../../src/lesson-model/errors.ts';
import {
  findRejectedTerms,
  formProblems,
  glossaryPath,
  readGlossaryFile,
  rejectedTermProblem,
} from '../../src/lesson-model/glossary.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

export async function checkGlossary({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  const glossaryFile = relativeToRepo(glossaryPath(contentDir));
  const { entries, lines, problems } = readGlossaryFile(contentDir);

  const seen = new Map<string, number>();
  const terms = new Set(entries.map((entry) => entry.ko.term));
  entries.forEach((entry, index) => {
    const line = lines[index]!;
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push(
        new LessonError(
          glossaryFile,
          line,
          `the id "${entry.id}" is already used on line ${first}`,
          'Give each term its own id',
        ),
      );
    } else seen.set(entry.id, line);
    for (const variant of entry.ko.rejected) {
      if (terms.has(variant)) {
        problems.push(
          new LessonError(
            glossaryFile,
            line,
            `"${variant}" is rejected here but is the Korean term of another entry`,
            'Remove it from ko.rejected, or change the other entry',
          ),
        );
      }
    }
  });

  problems.push(...formProblems(glossaryFile, entries, lines));

  const set = readLessons(contentDir, lessons);
  const korean = set.lessons.filter((lesson) => lesson.locale === 'ko');
  for (const lesson of korean) {
    for (const use of findRejectedTerms(lesson.tree, entries))
      problems.push(rejectedTermProblem(lesson.file, use));
  }
  return {
    problems,
    notes: unreadableNote(set),
    summary: `${entries.length} terms, ${korean.length} Korean lessons`,
  };
}

if (isMain(import.meta))
  await runAlone('glossary', () => checkGlossary({ contentDir: contentDirFromArgs() }));
