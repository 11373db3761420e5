/**
 * Reads and validates a lesson's front matter, turning schema problems into one message per
 * field with its line: "content/lessons/en/images.mdx:5: front matter field "order": found "two",
 * expected a whole number from 1 to 99. …". Astro validates with the same schema at build time;
 * this reader exists so checks and runners can say exactly where the mistake is.
 */
import type { Root } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LessonError } from './errors.ts';
import { YAML_FIX, yamlProblem } from './yamlErrors.ts';
import { lessonSchema, type LessonFrontmatter } from './schemas/lesson.ts';

/** Plain words for what each field takes; the schema is the rule, this is how we say it. */
const EXPECTED: Record<string, string> = {
  title: 'a title of 3 to 80 characters',
  description: 'one line of 10 to 200 characters',
  course: 'a course id from content/courses.yaml, like docker-concepts',
  order: "a whole number from 1 to 99: the lesson's place in its course",
  objectives: 'a list of 2 to 8 objectives, each a short sentence',
  verified: 'date: YYYY-MM-DD and docker: "29.0" (the Docker version you last ran every step with)',
  'verified.date': 'a date written YYYY-MM-DD',
  'verified.docker': 'a version in quotes, like "29.0"',
};

/** Fields contributors add from habit (other static site generators); say what to do instead. */
const UNKNOWN_FIELD_HINTS: Record<string, string> = {
  duration: 'the reading time is computed from the text, so delete this line',
  readingTime: 'the reading time is computed from the text, so delete this line',
  minutes: 'the reading time is computed from the text, so delete this line',
  slug: 'the slug is the file name (content/lessons/<locale>/<slug>.mdx), so delete this line',
  lang: 'the language is the folder the file is in (content/lessons/en/ or ko/), so delete this line',
  locale: 'the language is the folder the file is in (content/lessons/en/ or ko/), so delete this line',
  date: 'the date goes under verified, as "verified:" then "  date: YYYY-MM-DD"',
  docker: 'the Docker version goes under verified, as "verified:" then "  docker: "29.0""',
  tags: 'lessons have no tags; say what the lesson teaches in "objectives"',
};

const TEMPLATE_FIX = 'Fix the field as described; scripts/templates/lesson.en.mdx shows every field';

export function readFrontmatter(yamlText: string, file: string, firstLine: number): LessonFrontmatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  // linePos counts from 1, so the YAML's first line is firstLine itself.
  const lineOf = (offset: number | undefined) =>
    firstLine + (offset === undefined ? 0 : lineCounter.linePos(offset).line - 1);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new LessonError(
      file,
      lineOf(error.pos[0]),
      `front matter is ${yamlProblem(error)}`,
      `${YAML_FIX}.`,
    );
  }
  const parsed = lessonSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;

  const problems = parsed.error.issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      // Point at each unknown key itself: that is the line to delete or rename.
      const parent = (issue.path.length ? doc.getIn(issue.path, true) : doc.contents) as YamlNode | undefined;
      const known = issue.path.length === 0 ? Object.keys(lessonSchema.shape) : ['date', 'docker'];
      return issue.keys.map((key) => {
        const pair = isMap(parent)
          ? parent.items.find((item) => isScalar(item.key) && item.key.value === key)
          : undefined;
        const keyNode = pair?.key as YamlNode | undefined;
        const name = [...issue.path, key].join('.');
        const hint = UNKNOWN_FIELD_HINTS[name];
        return hint
          ? {
              line: lineOf(keyNode?.range?.[0]),
              text: `front matter has an unknown field "${name}"`,
              fix: hint.replace(/^./, (c) => c.toUpperCase()),
            }
          : {
              line: lineOf(keyNode?.range?.[0]),
              text: `front matter has an unknown field "${name}": expected only ${known.join(', ')}`,
              fix: 'Delete the line, or rename the field to one of those',
            };
      });
    }
    const node = doc.getIn(issue.path, true) as YamlNode | undefined;
    const found = isScalar(node)
      ? JSON.stringify(node.value)
      : node === undefined
        ? 'nothing'
        : isMap(node)
          ? 'a mapping'
          : 'a list';
    const line = lineOf(node?.range?.[0] ?? (doc.contents as YamlNode | null)?.range?.[0]);
    const expected = EXPECTED[field] ?? EXPECTED[String(issue.path[0] ?? '')] ?? issue.message;
    const fix =
      node === undefined
        ? `Add the field "${field}" (scripts/templates/lesson.en.mdx shows every field)`
        : TEMPLATE_FIX;
    return [{ line, text: `front matter field "${field}": found ${found}, expected ${expected}`, fix }];
  });
  const first = problems[0]!;
  const rest = problems
    .slice(1)
    .map((p) => `\n  line ${p.line}: ${p.text}`)
    .join('');
  throw new LessonError(file, first.line, first.text + rest, first.fix);
}

/**
 * The file line of a front-matter field (`['verified', 'date']`), for checks that find a problem
 * the schema cannot see (a course that does not exist, an order another lesson already has).
 * Falls back to the line of the opening `---`.
 */
export function frontmatterLine(tree: Root, field: readonly string[]): number {
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  const start = yamlNode?.position?.start.line ?? 1;
  if (!yamlNode || yamlNode.type !== 'yaml') return start;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlNode.value, { lineCounter });
  const node = doc.getIn(field, true) as YamlNode | undefined;
  const offset = node?.range?.[0];
  // The YAML starts on the line after the opening ---; linePos counts from 1.
  return offset === undefined ? start : start + lineCounter.linePos(offset).line;
}
