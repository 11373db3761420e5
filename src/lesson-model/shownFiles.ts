/**
 * Files a lesson shows and uses (compose.yaml, redis.conf). The text lives once, in
 * content/files/<lesson slug>/<name>; a lesson shows it with an empty fence
 *   ```yaml file=compose.yaml
 *   ```
 * The site renders the file's text there, and the snippet suite and the follow-along runner
 * write the same file into the working directory before the lesson's commands run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from './command-block/parseCommandBlock.ts';
import { LessonError } from './errors.ts';

export const FILES_DIR = path.resolve(import.meta.dirname, '../../content/files');

export interface ShownFile {
  /** File name as the reader saves it, relative to the lesson's working directory. */
  name: string;
  lang: string;
  content: string;
  line: number;
  node: Code;
  parent: Parent;
}

/** `filesDir` is content/files/ of the lesson's content tree (see filesDirFor in readLessonFile.ts). */
export function collectShownFiles(
  tree: Root,
  file: string,
  slug: string,
  filesDir: string = FILES_DIR,
): ShownFile[] {
  const found: ShownFile[] = [];
  visit(tree, 'code', (child, _index, parent) => {
    if (!parent || !child.meta || !/(^|\s)file=/.test(child.meta)) return;
    const line = child.position?.start.line ?? 1;
    const meta = parseFenceMeta(child.meta, { file, line });
    const name = meta.get('file');
    // As the author finds it from the repository root: content/files/<slug>/<name>.
    const source = path.relative(path.resolve(FILES_DIR, '../..'), path.join(filesDir, slug, String(name)));
    if (typeof name !== 'string' || name.includes('..') || path.isAbsolute(name)) {
      throw new LessonError(
        file,
        line,
        `file=${String(name)} is not a file name inside the lesson's folder`,
        'Write file=compose.yaml, with the file saved in content/files/<lesson slug>/.',
      );
    }
    if (child.value.trim() !== '') {
      throw new LessonError(
        file,
        line,
        `the fence for ${name} has text in it`,
        `Leave the fence empty: its text is read from ${source}, so page and tests use the same file.`,
      );
    }
    const absolute = path.join(filesDir, slug, name);
    if (!existsSync(absolute)) {
      throw new LessonError(
        file,
        line,
        `${source} does not exist`,
        `Create ${source}, or fix the name after file=.`,
      );
    }
    found.push({
      name,
      lang: child.lang ?? 'text',
      content: readFileSync(absolute, 'utf8'),
      line,
      node: child,
      parent,
    });
  });
  return found;
}
