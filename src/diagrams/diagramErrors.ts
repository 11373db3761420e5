/**
 * Turns what Mermaid reports about a bad diagram into a LessonError that points at the lesson file
 * and line, keeping Mermaid's own words. Pure, so the tests can feed it Mermaid's real error shapes.
 */
import { LessonError } from '../lesson-model/errors.ts';
import { firstStatementLine, sourceLineFor } from './sourceLines.ts';

/** Where a diagram sits: the lesson file (relative to the repository) and the line of its ```mermaid fence. */
export interface DiagramLocation {
  file: string;
  line: number;
}

/** A Mermaid failure as it comes out of the page (see browserRenderer.ts). */
export interface MermaidFailure {
  name: string;
  message: string;
  /** 1-based line in Mermaid's cleaned text, from the jison parser's `hash.loc.first_line`. */
  line?: number;
}

const SYNTAX_FIX =
  'Fix the diagram on that line; the syntax of each diagram type is at https://mermaid.js.org/intro/syntax-reference.html';

/** Lines of the lesson file are the fence line plus the line within the diagram (1 = the line after ```mermaid). */
export function fileLine(at: DiagramLocation, lineInDiagram: number): number {
  return at.line + lineInDiagram;
}

export function mermaidFailureToLessonError(
  failure: MermaidFailure,
  source: string,
  at: DiagramLocation,
): LessonError {
  if (failure.name === 'UnknownDiagramError' || /No diagram type detected/.test(failure.message)) {
    const line = firstStatementLine(source);
    const first = source.replace(/\r\n?/g, '\n').split('\n')[line - 1]?.trim().split(/\s+/)[0] ?? '';
    return new LessonError(
      at.file,
      fileLine(at, line),
      first ? `"${first}" is not a Mermaid diagram type` : 'the mermaid diagram is empty',
      'Start the diagram with its type, for example "flowchart LR", "sequenceDiagram" or "stateDiagram-v2"',
    );
  }
  const reported = failure.line ?? lineFromMessage(failure.message);
  const lineInDiagram = reported === undefined ? undefined : sourceLineFor(source, reported);
  const text =
    lineInDiagram === undefined ? undefined : source.replace(/\r\n?/g, '\n').split('\n')[lineInDiagram - 1];
  return new LessonError(
    at.file,
    lineInDiagram === undefined ? at.line : fileLine(at, lineInDiagram),
    `Mermaid cannot parse this diagram: ${likelyMistake(text, failure.message)} (Mermaid says: ${tidyMessage(failure.message)})`,
    SYNTAX_FIX,
  );
}

const ARROW_AT_END = /(--+>?|==+>?|-\.+-?>?|~~~|<--+>?|--[ox]|\|[^|]*\|)\s*$/;
const PAIRS: [string, string, string][] = [
  ['[', ']', 'square bracket'],
  ['(', ')', 'parenthesis'],
  ['{', '}', 'brace'],
];

/**
 * A plain sentence on what is most likely wrong, from the line Mermaid stopped at and what it
 * expected. A guess, said as one: Mermaid's own words follow it.
 */
export function likelyMistake(line: string | undefined, message: string): string {
  const code = (line ?? '').replace(/"[^"]*"/g, '""').trim();
  if (line !== undefined && (line.match(/"/g) ?? []).length % 2 === 1)
    return 'a label on this line opens a quote (") that is not closed';
  for (const [open, close, name] of PAIRS) {
    const opened = code.split(open).length - 1;
    const closed = code.split(close).length - 1;
    if (opened !== closed)
      return `this line has ${opened} opening and ${closed} closing ${name}s: a node label like a["text"] must close what it opens`;
  }
  if (ARROW_AT_END.test(code))
    return 'this line ends with an arrow that points nowhere: write the node it leads to after it, like a --> b';
  if (/Expecting token of type ':'/.test(message))
    return 'this line lacks a ":" between the label and its value';
  if (/[[({][^\])}]*[():;#&][^\])}]*[\])}]/.test(code))
    return 'a label on this line has punctuation Mermaid reads as syntax: quote the label, like a["redis:8 (primary)"]';
  if (/got 'EOF'/.test(message))
    return 'the diagram ends in the middle of a statement: this line is unfinished';
  return 'Mermaid does not understand this line: check its arrows, brackets and quotes against the diagram type';
}

/** "Parse error on line 3:", "Lexical error on line 3.", "Parse error on line 4, column 8:" (Langium parsers). */
function lineFromMessage(message: string): number | undefined {
  const match = /\bline (\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Mermaid's message on one line, without its own line number (it counts lines of a cleaned copy,
 * which would contradict ours) and without the `----^` pointer (meaningless on one line).
 */
export function tidyMessage(message: string): string {
  return message
    .replace(/^Parsing failed:\s*/i, '')
    .replace(/ on line \d+, (column \d+)/i, ' at $1')
    .replace(/ on line \d+\s*[:.]?/i, ':')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^-*\^$/.test(line))
    .map((line) => (line.startsWith('...') ? `near "${line}"` : line))
    .join(' ')
    .replace(/:\s*:/g, ':')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '');
}
