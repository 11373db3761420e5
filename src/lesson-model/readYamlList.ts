/**
 * Reads a YAML file that holds a list of entries (content/courses.yaml, content/glossary.yaml) outside
 * Astro: entry by entry against a schema, so a check can say which line of which entry is wrong, and
 * the valid entries are still there for the checks that come after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { LessonError } from './errors.ts';
import { relativeToRepo } from './readLessonFile.ts';
import { YAML_FIX, yamlProblem } from './yamlErrors.ts';

export interface YamlListWording {
  /** What the file holds, e.g. "the course list". */
  what: string;
  /** How to write a missing file from scratch. */
  create: string;
  /** How to start a list item, e.g. 'Write each course as a list item starting with "- id: …"'. */
  itemHint: string;
  /** What every entry needs, said when an entry does not match the schema. */
  entryFix: string;
  /** The name of one entry in messages, e.g. "course". */
  entry: string;
}

export interface YamlList<T> {
  entries: T[];
  /** The line of each valid entry's first key (its id), for problems found later. */
  lines: number[];
  problems: LessonError[];
}

export function readYamlList<T>(
  absolute: string,
  schema: z.ZodType<T>,
  wording: YamlListWording,
): YamlList<T> {
  const file = relativeToRepo(absolute);
  if (!existsSync(absolute)) {
    return {
      entries: [],
      lines: [],
      problems: [new LessonError(file, 1, `${wording.what} is missing`, wording.create)],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter });
  const lineOf = (node: YamlNode | undefined | null) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    return {
      entries: [],
      lines: [],
      problems: [new LessonError(file, lineCounter.linePos(error.pos[0]).line, yamlProblem(error), YAML_FIX)],
    };
  }
  if (!isSeq(doc.contents)) {
    return {
      entries: [],
      lines: [],
      problems: [new LessonError(file, 1, `${wording.what} is not a YAML list`, wording.itemHint)],
    };
  }
  const entries: T[] = [];
  const lines: number[] = [];
  const problems: LessonError[] = [];
  const values = doc.toJS() as unknown[];
  doc.contents.items.forEach((item, index) => {
    const parsed = schema.safeParse(values[index]);
    if (parsed.success) {
      entries.push(parsed.data);
      lines.push(lineOf((doc.getIn([index, 'id'], true) as YamlNode | undefined) ?? (item as YamlNode)));
      return;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || `${wording.entry} ${index + 1}`;
      const node = doc.getIn([index, ...issue.path], true) as YamlNode | undefined;
      problems.push(
        new LessonError(
          file,
          lineOf(node ?? (item as YamlNode)),
          `${wording.entry} ${index + 1}, field "${field}": ${issue.message}`,
          wording.entryFix,
        ),
      );
    }
  });
  return { entries, lines, problems };
}
