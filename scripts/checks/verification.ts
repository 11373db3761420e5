/**
 * Check "verification": every lesson is what the snippet suite last proved it to be.
 * The suite records each passing lesson in content/verified/<slug>.json (src/lesson-model/verification.ts):
 * the engine, the date and a hash of every runnable block. This check fails when
 * - a lesson has no record (it was never run, so its page says "not yet verified");
 * - a runnable block changed, was added or was removed after the last recorded pass, or a file the
 *   lesson shows changed (reported at the English block: the suite runs the English lesson);
 * - a Korean block differs from the English block that passed, in what the suite judges (output, exit,
 *   timeout), so the Korean page would show it as not yet verified;
 * - a record does not parse, or belongs to no lesson.
 * Each fix is the same: run the lesson through the suite and commit its record. Records made on an
 * engine other than the reference engine are listed as notes, not problems.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { relativeToRepo, type LessonFile } from '../../src/lesson-model/readLessonFile.ts';
import {
  compareWithRecord,
  describeEngine,
  isReferenceEngine,
  parseRecord,
  recordPath,
  RecordError,
  REFERENCE_ENGINE,
  VERIFIED_DIR_NAME,
  type VerificationRecord,
} from '../../src/lesson-model/verification.ts';
import {
  contentDirFromArgs,
  isMain,
  readLessons,
  runAlone,
  unreadableNote,
  type CheckResult,
  type ContentInput,
} from './lib/check.ts';

/** The language the snippet suite runs; the other languages are compared with it. */
const SUITE_LOCALE = 'en';

export async function checkVerification({ contentDir }: ContentInput): Promise<CheckResult> {
  const set = readLessons(contentDir);
  const problems: LessonError[] = [];
  const notes: string[] = [];
  const bySlug = new Map<string, LessonFile[]>();
  for (const lesson of set.lessons) bySlug.set(lesson.slug, [...(bySlug.get(lesson.slug) ?? []), lesson]);

  // Records first: one that does not parse or belongs to no lesson.
  const records = new Map<string, VerificationRecord>();
  const unparsable = new Set<string>();
  const verifiedDir = path.join(contentDir, VERIFIED_DIR_NAME);
  const slugsOnDisk = new Set([...bySlug.keys(), ...set.unreadable.map((entry) => lessonSlug(entry.file))]);
  for (const name of existsSync(verifiedDir) ? readdirSync(verifiedDir).sort() : []) {
    const file = path.join(verifiedDir, name);
    const slug = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !slugsOnDisk.has(slug)) {
      problems.push(
        new LessonError(
          relativeToRepo(file),
          1,
          `this verification record belongs to no lesson (there is no content/lessons/${SUITE_LOCALE}/${slug}.mdx)`,
          'Delete it: the snippet suite writes a record for each lesson it runs, named after the lesson',
        ),
      );
      continue;
    }
    try {
      records.set(slug, parseRecord(readFileSync(file, 'utf8')));
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      unparsable.add(slug);
      problems.push(
        new LessonError(
          relativeToRepo(file),
          error.line,
          `this verification record ${error.message}`,
          `Records are written only by the snippet suite: delete the file and run npm run test:snippets -- ${slug}`,
        ),
      );
    }
  }

  let blocks = 0;
  let verified = 0;
  const offReference: string[] = [];
  for (const [slug, versions] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    if (unparsable.has(slug)) continue;
    const record = records.get(slug);
    const en = versions.find((lesson) => lesson.locale === SUITE_LOCALE);
    // A lesson without its English version is the translations check's to report.
    if (!en) continue;
    const run = `npm run test:snippets -- ${slug}`;
    const fix = `Run ${run}: a passing run records it in ${relativeToRepo(recordPath(contentDir, slug))}; commit that file`;
    const since = record ? ` (${record.date}, ${describeEngine(record.engine)})` : '';
    const enNow = compareWithRecord(en.blocks, en.files, record);
    blocks += enNow.blocks.length;
    verified += enNow.blocks.filter((block) => block.verified).length;
    if (record && !isReferenceEngine(record.engine))
      offReference.push(`${slug} (${describeEngine(record.engine)})`);

    if (!record) {
      if (enNow.blocks.length === 0) continue;
      problems.push(
        new LessonError(
          en.file,
          enNow.blocks[0]!.found.block.line,
          `this lesson has no recorded pass of the snippet suite, so its page says "not yet verified"`,
          fix,
        ),
      );
      continue;
    }
    for (const block of enNow.blocks) {
      if (block.status === 'same') continue;
      problems.push(
        new LessonError(
          en.file,
          block.found.block.line,
          block.status === 'new'
            ? `this command block was not part of the lesson's last recorded pass${since}, so the page shows it as not yet verified`
            : `this command block changed after the lesson's last recorded pass${since}, so the page shows it as not yet verified`,
          fix,
        ),
      );
    }
    if (enNow.removedBlocks > 0) {
      const last = enNow.blocks.at(-1)?.found.block.line ?? 1;
      problems.push(
        new LessonError(
          en.file,
          last,
          `the lesson has ${enNow.blocks.length} runnable command block${enNow.blocks.length === 1 ? '' : 's'}, its last recorded pass${since} ran ${record.blocks.length}: the lesson without ${enNow.removedBlocks === 1 ? 'that step' : 'those steps'} has not been run`,
          fix,
        ),
      );
    }
    for (const name of enNow.changedFiles) {
      const shown = en.files.find((file) => file.name === name);
      problems.push(
        new LessonError(
          shown
            ? relativeToRepo(path.join(contentDir, 'files', slug, name))
            : relativeToRepo(recordPath(contentDir, slug)),
          1,
          shown
            ? `this file changed after the last recorded pass of the lesson that shows it${since}, so every step of the lesson shows as not yet verified`
            : `the lesson no longer shows ${name}, which its last recorded pass${since} wrote before the first command`,
          fix,
        ),
      );
    }

    // The other languages: their blocks must be the ones that passed (titles and labels translated only).
    for (const other of versions.filter((lesson) => lesson.locale !== SUITE_LOCALE)) {
      const otherNow = compareWithRecord(other.blocks, other.files, record);
      if (otherNow.blocks.length !== enNow.blocks.length) continue; // the translations check reports it
      otherNow.blocks.forEach((block, index) => {
        const english = enNow.blocks[index]!;
        if (!english.verified || block.hash === english.hash) return;
        problems.push(
          new LessonError(
            other.file,
            block.found.block.line,
            `this command block differs from the English block at ${en.file}:${english.found.block.line}, which the snippet suite ran, in its expected output, exit status or timeout, so this page shows it as not yet verified`,
            `Make its commands and output the same as the English block's: only titles and placeholder labels ({{id:…}}) are translated`,
          ),
        );
      });
    }
  }
  if (offReference.length)
    notes.push(
      `verified on an engine other than the reference (Docker Engine ${REFERENCE_ENGINE.version}, ${REFERENCE_ENGINE.imageStore} image store), and their pages say so: ${offReference.join(', ')}`,
    );
  notes.push(...unreadableNote(set));
  return { problems, notes, summary: `${verified} of ${blocks} runnable blocks verified` };
}

function lessonSlug(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

if (isMain(import.meta))
  await runAlone('verification', () => checkVerification({ contentDir: contentDirFromArgs() }));
