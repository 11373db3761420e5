/**
 * The glossary (content/glossary.yaml): reading it, finding the Korean spellings it rejects in a
 * lesson's prose and diagram labels, and finding the first use of each term in a lesson's prose, which
 * the site links to the term's entry on the glossary page (src/markdown/remarkGlossaryLinks.ts).
 * Code (command blocks, `inline code`) is never searched: a command or a file name is written as the
 * program wants it, not as the term sheet says.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Link, Nodes, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { LessonError } from './errors.ts';
import { CONTENT_DIR } from './readLessonFile.ts';
import { readYamlList, type YamlList } from './readYamlList.ts';
import { glossaryEntrySchema, type GlossaryEntry } from './schemas/glossary.ts';
import type { Locale } from './schemas/lesson.ts';

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
      'Each term needs id (lower-case-with-hyphens), en: {term, definition} and ko: {term, definition, rejected: […]}; forms: [words, …] and notTerm: [phrases, …] are optional in each language',
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

// ---------------------------------------------------------------------------------------------------
// First uses: the words a lesson links to the glossary.
//
// Hand-written on purpose. The remark plugins that link glossary terms (@truepic/remark-automatic-
// glossary-markup, @kasisoft/remark-autolinker) match one term at a time with \b, which has no idea
// of Korean (a particle is glued to the noun: 컨테이너를), so "volume" can be linked inside "named
// volume", and they do not know MDX elements (<Callout>, <Exercise>, <Quiz>) or our command blocks.
// The rule below is small, and owning it lets it follow the lesson model's idea of what is prose.
// ---------------------------------------------------------------------------------------------------

/** One term's first use in a lesson: characters [start, end) of a text node. */
export interface FirstUse {
  entry: GlossaryEntry;
  /** The lesson's language: the link's title is the definition in it. */
  locale: Locale;
  node: Text;
  start: number;
  end: number;
  /** The words as the lesson writes them ("Containers", "컨테이너"). */
  found: string;
}

/**
 * MDX elements whose text is lesson prose. Anything else is skipped: <Hint> (help a learner asks
 * for, not where a term is first met), and the elements the other remark plugins made out of fences
 * (<CommandBlock>, <Diagram>, <ShownFile>, <Quiz>, <ExerciseSolution>, <ExerciseCheck>), whose
 * content is code, a diagram or quiz data. Attributes (titles) are never searched.
 */
const PROSE_ELEMENTS = new Set(['Callout', 'Deeper', 'Exercise']);

/**
 * Markdown nodes whose text is read. Headings, links, inline code, code, HTML and expressions are
 * not on the list, so their text is never linked. Every table cell is read, the header row too: the
 * lesson model parses lessons without GFM (readLessonFile), where a table is a paragraph, and the
 * site must link what the lesson model finds; a column named after a term may link it.
 */
const PROSE_NODES = new Set([
  'root',
  'paragraph',
  'list',
  'listItem',
  'blockquote',
  'emphasis',
  'strong',
  'delete',
  'table',
  'tableRow',
  'tableCell',
]);

/**
 * Korean particles and endings that may follow a term directly (컨테이너를, 이미지입니다, 볼륨마다).
 * A term counts when the Hangul after it starts with one of these, so 컨테이너를 links 컨테이너 but
 * 컨테이너화 ("containerisation", another word) does not. The list is short on purpose: a rare
 * particle missing only moves the link to the term's next use.
 */
// prettier-ignore
const KOREAN_PARTICLES = [
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '로', '으로', '도', '만', '까지', '부터',
  '마다', '처럼', '보다', '끼리', '들', '나', '랑', '께', '한테', '조차', '뿐', '밖에', '라', '란',
  '입니', '인', '별', '용', '였', '야',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A letter, digit, _ or - next to a match means it is part of a longer word (image-as-class, 플레이어). */
const WORD_CHAR = '[\\p{L}\\p{N}_-]';

interface Matcher {
  pattern: RegExp;
  /** Each form (lower case) and its entry; null for a notTerm phrase, which links nothing. */
  byForm: Map<string, GlossaryEntry | null>;
}

const matchers = new WeakMap<GlossaryEntry[], Map<Locale, Matcher>>();

/** The words that count as a use of an entry in a language: its term, then its forms. */
export function formsOf(entry: GlossaryEntry, locale: Locale): string[] {
  return [entry[locale].term, ...(entry[locale].forms ?? [])];
}

/**
 * One regular expression for all terms of a language, longest form first: an alternation takes the
 * first alternative that matches, so "named volume" wins over "volume" and 이름 있는 볼륨 over 볼륨.
 * English is matched case-insensitively as whole words; Korean also lets a particle follow.
 */
function matcherFor(entries: GlossaryEntry[], locale: Locale): Matcher {
  let byLocale = matchers.get(entries);
  if (!byLocale) matchers.set(entries, (byLocale = new Map()));
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const byForm = new Map<string, GlossaryEntry | null>();
  // notTerm phrases first: they are longer than the form inside them and must win over it.
  for (const entry of entries)
    for (const phrase of entry[locale].notTerm ?? []) byForm.set(phrase.toLowerCase(), null);
  for (const entry of entries) {
    for (const form of formsOf(entry, locale)) {
      const key = form.toLowerCase();
      // Two entries claiming one form: the first one in the file keeps it (the check reports it).
      if (!byForm.has(key)) byForm.set(key, entry);
    }
  }
  const alternatives = [...byForm.keys()]
    .toSorted((a, b) => b.length - a.length)
    .map((form) => escapeRegExp(form).replace(/ /g, '\\s+'));
  const after = locale === 'ko' ? `(?=(?!${WORD_CHAR})|${KOREAN_PARTICLES.join('|')})` : `(?!${WORD_CHAR})`;
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})${after}`, 'giu');
  const matcher = { pattern, byForm };
  byLocale.set(locale, matcher);
  return matcher;
}

/** The entry a matched piece of text stands for (a line break inside a term reads as a space). */
function entryOf(matcher: Matcher, found: string): GlossaryEntry | undefined {
  return matcher.byForm.get(found.replace(/\s+/g, ' ').toLowerCase()) ?? undefined;
}

/** The text nodes of a lesson's prose, in reading order (see PROSE_NODES and PROSE_ELEMENTS). */
function proseTextNodes(tree: Root): Text[] {
  const texts: Text[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') {
      texts.push(node);
      return;
    }
    const prose =
      PROSE_NODES.has(node.type) ||
      ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        PROSE_ELEMENTS.has(node.name ?? ''));
    if (!prose || !('children' in node)) return;
    for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return texts;
}

/**
 * The first use of each glossary term in a lesson's prose, in reading order: at most one per entry.
 * Headings, links, code, command blocks, diagrams, the quiz, hints, exercise solutions and checks and
 * JSX attributes are not prose (proseTextNodes); the title and objectives are front matter, not in
 * the tree. A longer term hides the shorter ones inside it, also after its own first use, and a
 * notTerm phrase ("hash tag") hides its term in the same way.
 */
export function findFirstUses(tree: Root, entries: GlossaryEntry[], locale: Locale): FirstUse[] {
  const matcher = matcherFor(entries, locale);
  const linked = new Set<string>();
  const uses: FirstUse[] = [];
  for (const node of proseTextNodes(tree)) {
    for (const match of node.value.matchAll(matcher.pattern)) {
      const entry = entryOf(matcher, match[0]);
      if (!entry || linked.has(entry.id)) continue;
      linked.add(entry.id);
      uses.push({
        entry,
        locale,
        node,
        start: match.index,
        end: match.index + match[0].length,
        found: match[0],
      });
    }
  }
  return uses;
}

/** The class of a glossary link: quiet styling in src/styles/global.css, and what the tests look for. */
export const GLOSSARY_LINK_CLASS = 'glossary-link';

/**
 * Wraps each first use in a link to its entry (`href(entry)`), splitting its text node. The link's
 * title is the definition without Markdown, a tooltip for a mouse and a description for a screen reader.
 */
export function linkFirstUses(tree: Root, uses: FirstUse[], href: (entry: GlossaryEntry) => string): void {
  const byNode = new Map<Text, FirstUse[]>();
  for (const use of uses) byNode.set(use.node, [...(byNode.get(use.node) ?? []), use]);
  visit(tree, 'text', (node, index, parent) => {
    const here = byNode.get(node);
    if (!here || !parent || index === undefined) return;
    const pieces: (Text | Link)[] = [];
    let at = 0;
    for (const use of here.toSorted((a, b) => a.start - b.start)) {
      if (use.start > at) pieces.push({ type: 'text', value: node.value.slice(at, use.start) });
      pieces.push({
        type: 'link',
        url: href(use.entry),
        title: use.entry[use.locale].definition.replace(/`/g, ''),
        children: [{ type: 'text', value: use.found }],
        data: { hProperties: { className: [GLOSSARY_LINK_CLASS] } },
      });
      at = use.end;
    }
    if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
    parent.children.splice(index, 1, ...pieces);
    // Carry on after the new pieces: the link's own text must not be visited again.
    return index + pieces.length;
  });
}

/**
 * Forms that would link to the wrong place, for the glossary check: a form claimed by two entries
 * (or that is another entry's term) in one language, a notTerm phrase that holds none of its entry's
 * forms (it would hide nothing), and a Korean form the glossary rejects.
 */
export function formProblems(file: string, entries: GlossaryEntry[], lines: number[]): LessonError[] {
  const problems: LessonError[] = [];
  for (const locale of ['en', 'ko'] as const) {
    const owner = new Map<string, GlossaryEntry>();
    entries.forEach((entry, index) => {
      for (const form of formsOf(entry, locale)) {
        const key = form.toLowerCase();
        const other = owner.get(key);
        if (other && other !== entry) {
          problems.push(
            new LessonError(
              file,
              lines[index] ?? 1,
              `${locale}.forms: "${form}" already stands for "${other[locale].term}" (${other.id})`,
              'A form links to one entry only: remove it from one of the two',
            ),
          );
        } else owner.set(key, entry);
      }
    });
  }
  for (const locale of ['en', 'ko'] as const) {
    entries.forEach((entry, index) => {
      const forms = formsOf(entry, locale).map((form) => form.toLowerCase());
      for (const phrase of entry[locale].notTerm ?? []) {
        if (!forms.some((form) => phrase.toLowerCase().includes(form)))
          problems.push(
            new LessonError(
              file,
              lines[index] ?? 1,
              `${locale}.notTerm: "${phrase}" does not contain "${entry[locale].term}" or one of its forms`,
              'A notTerm phrase is the term in other words around it, e.g. notTerm: [hash tag] for tag',
            ),
          );
      }
    });
  }
  const rejected = new Set(entries.flatMap((entry) => entry.ko.rejected));
  entries.forEach((entry, index) => {
    for (const form of entry.ko.forms ?? []) {
      if (rejected.has(form))
        problems.push(
          new LessonError(
            file,
            lines[index] ?? 1,
            `ko.forms: "${form}" is a spelling the glossary rejects`,
            'Remove it from ko.forms: lessons may not use it',
          ),
        );
    }
  });
  return problems;
}
