/**
 * Check "diagrams": every ```mermaid fence renders, with the renderer the build uses
 * (src/diagrams/renderMermaid.ts: Mermaid in headless Chromium, results cached in .cache/mermaid).
 * A syntax error or a missing accTitle/accDescr is reported at its lesson line before the build
 * starts, in one line instead of a build stack trace; diagrams that render go into the cache, so
 * the build after this check does not render them again.
 */
import { closeDiagramBrowser, renderDiagram } from '../../src/diagrams/renderMermaid.ts';
import { LessonError } from '../../src/lesson-model/errors.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';
import { diagramFences } from '../../src/lesson-model/diagramFences.ts';

export async function checkDiagrams({ contentDir, lessons }: ContentInput): Promise<CheckResult> {
  const set = readLessons(contentDir, lessons);
  const problems: LessonError[] = [];
  let count = 0;
  try {
    for (const lesson of set.lessons) {
      const seen = new Map<string, number>();
      for (const fence of diagramFences(lesson.tree)) {
        count += 1;
        const occurrence = seen.get(fence.value) ?? 0;
        seen.set(fence.value, occurrence + 1);
        try {
          await renderDiagram(
            fence.value,
            { file: lesson.file, line: fence.position?.start.line ?? 1 },
            { occurrence },
          );
        } catch (error) {
          // Anything but a LessonError (Chromium missing) is the check failing, not the lesson.
          if (!(error instanceof LessonError)) throw error;
          problems.push(error);
        }
      }
    }
  } finally {
    await closeDiagramBrowser();
  }
  return {
    problems,
    notes: unreadableNote(set),
    summary: `${count} diagrams in ${set.lessons.length} lessons`,
  };
}

if (isMain(import.meta))
  await runAlone('diagrams', () => checkDiagrams({ contentDir: contentDirFromArgs() }));
