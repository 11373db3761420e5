/**
 * Links the first use of each glossary term in a lesson to its entry on the glossary page of the
 * lesson's language (content/glossary.yaml). The rule (what counts as a use, where it is looked for)
 * is the lesson model's: findFirstUses in src/lesson-model/glossary.ts; this plugin only finds the
 * lesson's language, reads the glossary and writes the links. It runs after the plugins that turn
 * fences into elements, so command blocks, diagrams, shown files and the quiz are elements by then.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { findFirstUses, glossaryPath, linkFirstUses, readGlossaryFile } from '../lesson-model/glossary.ts';
import type { GlossaryEntry } from '../lesson-model/schemas/glossary.ts';
import { lessonPath } from './lessonPath.ts';

/**
 * A lesson page is /<locale>/<slug>/ and the glossary /<locale>/glossary/, so a relative link works
 * on every host and base path, as the lessons' own links to each other (../images/) do. The id is the
 * anchor the glossary page gives each entry.
 */
export const glossaryHref = (entry: GlossaryEntry) => `../glossary/#${entry.id}`;

/** content/lessons/<locale>/<slug>.mdx → its locale; anything else is not a lesson. */
export function lessonLocale(file: string): Locale | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('lessons');
  const locale = at === -1 ? undefined : parts[at + 1];
  return at !== -1 && parts.length === at + 3 && isLocale(locale) ? locale : undefined;
}

/** The glossary, read again only when the file changed (the dev server keeps the plugin alive). */
let cache: { file: string; mtime: number; entries: GlossaryEntry[] } | undefined;
function glossaryEntries(): GlossaryEntry[] {
  const file = glossaryPath();
  const mtime = statSync(file).mtimeMs;
  if (cache?.file === file && cache.mtime === mtime) return cache.entries;
  const { entries, problems } = readGlossaryFile();
  // The glossary collection fails the build on the same problems; say it here too, with the line.
  if (problems[0]) throw problems[0];
  cache = { file, mtime, entries };
  return entries;
}

export interface RemarkGlossaryLinksOptions {
  /** The glossary to link to (tests); content/glossary.yaml otherwise. */
  entries?: GlossaryEntry[];
}

export function remarkGlossaryLinks(options: RemarkGlossaryLinksOptions = {}) {
  return (tree: Root, file: VFile) => {
    const locale = lessonLocale(path.normalize(lessonPath(file)));
    if (!locale) return;
    const entries = options.entries ?? glossaryEntries();
    linkFirstUses(tree, findFirstUses(tree, entries, locale), glossaryHref);
  };
}
