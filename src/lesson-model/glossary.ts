/**
 * The glossary (content/glossary.yaml): reading it, and finding the Korean spellings it rejects in a
 * lesson's prose and diagram labels. Code (command blocks, `inline code`) is never searched: a command or a file name is
 * written as the program wants it, not as the term sheet says.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { LessonError } from './errors.ts';
import { CONTENT_DIR } from './readLessonFile.ts';
import { readYamlList, type YamlList } from './readYamlList.ts';
import { glossaryEntrySchema, type GlossaryEntry } from './schemas/glossary.ts';

export const GLOSSARY_FILE = 'glossary.yaml';

/**
 * The glossary of a content tree; a tree without one (a test fixture) uses the repository's, as a
 * lesson there uses the repository's shown files.
 */
export function glossaryPath(contentDir: string = CONTENT_DIR): string {
  const own = path.join(contentDir, GLOSSARY_FILE);
  return existsSync(own) ? own : path.join(CONTENT_DIR, GLOSSARY_FILE);
}

export function readGlossaryFile(contentDir: string = CONTENT_DIR): YamlList<GlossaryEntry> {
  return readYamlList(glossaryPath(contentDir), glossaryEntrySchema, {
    what: 'the glossary',
    create:
      'Create it: a YAML list of terms with id, and term and definition in en and ko (plus ko.rejected)',
    itemHint: 'Write each term as a list item starting with "- id: …"',
    entryFix:
      'Each term needs id (lower-case-with-hyphens), en: {term, definition} and ko: {term, definition, rejected: […]}',
    entry: 'term',
  });
}

export interface RejectedUse {
  line: number;
  found: string;
  entry: GlossaryEntry;
}

/** Prose of a lesson with the file line it starts on: text, front matter, diagram labels and JSX attribute values (titles). */
function proseOf(tree: Root): { text: string; line: number }[] {
  const pieces: { text: string; line: number }[] = [];
  visit(tree, (node: Nodes) => {
    const line = node.position?.start.line;
    if (line === undefined) return;
    if (node.type === 'text') pieces.push({ text: node.value, line });
    // Diagram labels are read like prose; the code starts on the line after the opening fence.
    else if (node.type === 'code' && node.lang === 'mermaid')
      pieces.push({ text: node.value, line: line + 1 });
    // The YAML body starts on the line after the opening ---.
    else if (node.type === 'yaml') pieces.push({ text: node.value, line: line + 1 });
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') {
          pieces.push({ text: attribute.value, line });
        }
      }
    }
  });
  return pieces;
}

/** Every use of a rejected Korean spelling in a lesson's prose, in file order. */
export function findRejectedTerms(tree: Root, entries: GlossaryEntry[]): RejectedUse[] {
  const uses: RejectedUse[] = [];
  for (const { text, line } of proseOf(tree)) {
    for (const entry of entries) {
      for (const variant of entry.ko.rejected) {
        for (let at = text.indexOf(variant); at !== -1; at = text.indexOf(variant, at + variant.length)) {
          uses.push({ line: line + (text.slice(0, at).match(/\n/g)?.length ?? 0), found: variant, entry });
        }
      }
    }
  }
  return uses.sort((a, b) => a.line - b.line);
}

export function rejectedTermProblem(file: string, use: RejectedUse): LessonError {
  return new LessonError(
    file,
    use.line,
    `"${use.found}" is not how the term sheet writes "${use.entry.en.term}"`,
    `Write "${use.entry.ko.term}" (content/glossary.yaml, CONTRIBUTING.ko.md "용어와 문체")`,
  );
}
