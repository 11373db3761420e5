/**
 * Reads and validates a lesson's front matter, turning schema problems into one message per
 * field with its line: "content/lessons/en/images.mdx:5: front matter field "order": found "two",
 * expected a whole number from 1 to 99. …". Astro validates with the same schema at build time;
 * this reader exists so checks and runners can say exactly where the mistake is.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LessonError } from './errors.ts';
import { lessonSchema, type LessonFrontmatter } from './schemas/lesson.ts';

/** Plain words for what each field takes; the schema is the rule, this is how we say it. */
const EXPECTED: Record<string, string> = {
  title: 'a title of 3 to 80 characters',
  description: 'one line of 10 to 200 characters',
  course: 'a course id from content/courses.yaml, like docker-concepts',
  order: 'a whole number from 1 to 99: the lesson\'s place in its course',
  objectives: 'a list of 2 to 8 objectives, each a short sentence',
  verified: 'date: YYYY-MM-DD and docker: "29.0" (the Docker version you last ran every step with)',
  'verified.date': 'a date written YYYY-MM-DD',
  'verified.docker': 'a version in quotes, like "29.0"',
};

export function readFrontmatter(yamlText: string, file: string, firstLine: number): LessonFrontmatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lineOf = (offset: number | undefined) => firstLine + (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new LessonError(file, lineOf(error.pos[0]), `front matter is not valid YAML: ${error.message.split('\n')[0]}`, 'Check the indentation and quote values that contain a colon.');
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
        const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
        const keyNode = pair?.key as YamlNode | undefined;
        return { line: lineOf(keyNode?.range?.[0]), text: `front matter has an unknown field "${[...issue.path, key].join('.')}": expected only ${known.join(', ')}` };
      });
    }
    const node = doc.getIn(issue.path, true) as YamlNode | undefined;
    const found = isScalar(node) ? JSON.stringify(node.value) : node === undefined ? 'nothing' : isMap(node) ? 'a mapping' : 'a list';
    const line = lineOf(node?.range?.[0] ?? (doc.contents as YamlNode | null)?.range?.[0]);
    const expected = EXPECTED[field] ?? EXPECTED[String(issue.path[0] ?? '')] ?? issue.message;
    return [{ line, text: `front matter field "${field}": found ${found}, expected ${expected}` }];
  });
  const first = problems[0]!;
  const rest = problems.slice(1).map((p) => `\n  line ${p.line}: ${p.text}`).join('');
  throw new LessonError(file, first.line, first.text + rest, 'Fix the field as described; the template in scripts/templates/lesson.mdx shows every field');
}
