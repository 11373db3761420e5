/**
 * Turns ```console fences into <CommandBlock> elements, and runs of adjacent fences for
 * different shells into one <CommandTabs>. Parsing happens here, once, through
 * collectCommandBlocks; the components only render the parsed block they receive as JSON.
 * A parse error fails the build with the file and line (LessonError).
 *
 * Verification is worked out here too, from the lesson's record (content/verified/<slug>.json, see
 * src/lesson-model/verification.ts): each runnable block gets its status, and the page's summary line
 * travels to the page as `verification` in the front matter Astro exports (remarkPluginFrontmatter).
 * This plugin runs before remarkShownFiles, so the shown-file fences it hashes are still in the tree.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { lessonPath } from './lessonPath.ts';
import { collectExercises } from '../lesson-model/exercises.ts';
import { collectCommandBlocks, tabGroups, type LessonBlock } from '../lesson-model/lessonBlocks.ts';
import { filesDirFor } from '../lesson-model/readLessonFile.ts';
import { collectShownFiles } from '../lesson-model/shownFiles.ts';
import {
  compareWithRecord,
  contentDirOf,
  readRecord,
  RecordError,
  summarize,
  type LessonVerification,
} from '../lesson-model/verification.ts';

/**
 * What a rendered block says about verification: `verified` (it passed as it is), `changed` (the lesson
 * has a record but this block is not what passed), `unrecorded` (the lesson has no record yet), or
 * nothing for blocks the suite never runs (PowerShell, norun).
 */
export type BlockVerificationLabel = 'verified' | 'changed' | 'unrecorded';

/** The components get the parsed blocks as JSON: they render, they never parse. */
function element(
  name: 'CommandBlock' | 'CommandTabs',
  attributes: Record<string, unknown>,
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({
      type: 'mdxJsxAttribute',
      name: key,
      value: JSON.stringify(value),
    })),
    children: [],
  };
}

function verificationOf(
  tree: Root,
  file: VFile,
  source: string,
  blocks: LessonBlock[],
): LessonVerification | undefined {
  if (!file.path) return undefined;
  const absolute = path.resolve(file.path);
  const slug = path.basename(absolute, path.extname(absolute));
  let record;
  try {
    record = readRecord(contentDirOf(absolute), slug);
  } catch (error) {
    // A record that does not parse counts as none here; the verification check names the problem.
    if (!(error instanceof RecordError)) throw error;
  }
  const files = collectShownFiles(tree, source, slug, filesDirFor(absolute));
  return compareWithRecord(blocks, files, record);
}

export function remarkCommandBlocks() {
  return (tree: Root, file: VFile) => {
    const source = lessonPath(file);
    const blocks = collectCommandBlocks(tree, source);
    // Before the fences are replaced: the exercises are found by their fences.
    const exercises = collectExercises(tree, source, blocks);
    const verification = verificationOf(tree, file, source, blocks);
    const labelOf = (found: LessonBlock): BlockVerificationLabel | null => {
      const verified = verification?.blocks.find((block) => block.found.node === found.node);
      if (!verification || !verified) return null;
      if (!verification.record) return 'unrecorded';
      return verified.verified ? 'verified' : 'changed';
    };
    if (verification) {
      const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
      astro.frontmatter = { ...astro.frontmatter, verification: summarize(verification) };
    }
    const replaced = new Map<LessonBlock, MdxJsxFlowElement>();
    for (const group of tabGroups(blocks)) {
      const [first] = group;
      if (!first) continue;
      const siblings = first.parent.children;
      const start = siblings.indexOf(first.node);
      const replacement =
        group.length === 1
          ? element('CommandBlock', { block: first.block, verification: labelOf(first) })
          : element('CommandTabs', {
              blocks: group.map((member) => member.block),
              verifications: group.map(labelOf),
            });
      siblings.splice(start, group.length, replacement);
      for (const member of group) replaced.set(member, replacement);
    }
    // An exercise's solution goes behind a disclosure and its check under "Check your work"
    // (src/components/lesson/ExerciseSolution.astro, ExerciseCheck.astro).
    for (const exercise of exercises) {
      for (const [role, wrapper] of [
        ['solution', 'ExerciseSolution'],
        ['check', 'ExerciseCheck'],
      ] as const) {
        const rendered = replaced.get(exercise[role][0]!)!;
        const siblings = exercise.node.children;
        const at = siblings.indexOf(rendered);
        if (at !== -1) siblings.splice(at, 1, { ...wrapperElement(wrapper), children: [rendered] });
      }
    }
  };
}

function wrapperElement(name: 'ExerciseSolution' | 'ExerciseCheck'): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: [], children: [] };
}
