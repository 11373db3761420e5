import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../src/lesson-model/errors.ts';
import { extractAccessibleText } from '../../../src/diagrams/accessibleText.ts';
import {
  likelyMistake,
  mermaidFailureToLessonError,
  tidyMessage,
} from '../../../src/diagrams/diagramErrors.ts';
import { MermaidBrowser } from '../../../src/diagrams/browserRenderer.ts';
import { createMemoryCache } from '../../../src/diagrams/diskCache.ts';
import { createDiagramRenderer } from '../../../src/diagrams/renderMermaid.ts';
import { cleanedLineOrigins, sourceLineFor } from '../../../src/diagrams/sourceLines.ts';

const at = { file: 'content/lessons/en/images.mdx', line: 20 };

describe('extractAccessibleText', () => {
  it('reads one-line accTitle and accDescr and keeps the line count', () => {
    const source = 'flowchart LR\n  accTitle: Image to container \n  accDescr:  A  run\n  a --> b';
    const result = extractAccessibleText(source);
    expect(result.title).toBe('Image to container');
    expect(result.description).toBe('A run');
    expect(result.source.split('\n')).toHaveLength(4);
    expect(result.source).not.toMatch(/acc(Title|Descr)/);
    expect(result.source.split('\n')[3]).toBe('  a --> b');
  });

  it('reads a multi-line accDescr { … } block', () => {
    const result = extractAccessibleText(
      'flowchart LR\naccTitle: T\naccDescr {\n  첫째 줄\n  둘째 줄\n}\na --> b',
    );
    expect(result.description).toBe('첫째 줄 둘째 줄');
    expect(result.source.split('\n')).toHaveLength(7);
    expect(result.source.split('\n')[6]).toBe('a --> b');
  });

  it('reports an accDescr block that is never closed', () => {
    expect(
      extractAccessibleText('flowchart LR\naccTitle: T\naccDescr {\n  text').unclosedDescriptionLine,
    ).toBe(3);
  });
});

describe('a diagram without accTitle or accDescr', () => {
  // The check runs before any rendering: this launcher fails the test if it is ever called.
  const renderer = createDiagramRenderer({
    cache: createMemoryCache(),
    browser: new MermaidBrowser({ launch: () => Promise.reject(new Error('no browser may start for this')) }),
    mermaidVersion: 'test',
  });

  it.each([
    ['flowchart LR\n  a --> b', 'no accTitle and no accDescr'],
    ['flowchart LR\n  accTitle: T\n  a --> b', 'no accDescr'],
    ['flowchart LR\n  accDescr: D\n  a --> b', 'no accTitle'],
    ['flowchart LR\n  accTitle:\n  accDescr: D\n  a --> b', 'no accTitle'],
  ])('fails with file, fence line and the fix: %j', async (source, missing) => {
    const error = await renderer.renderDiagram(source, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonError);
    const lessonError = error as LessonError;
    expect(lessonError.file).toBe(at.file);
    expect(lessonError.line).toBe(20);
    expect(lessonError.problem).toContain(missing);
    expect(lessonError.message).toMatch(/^content\/lessons\/en\/images\.mdx:20: .*accTitle: .*accDescr: /);
  });
});

describe('cleanedLineOrigins (Mermaid drops front matter, directives and comments before parsing)', () => {
  it('maps lines after comments, blank lines above comments, front matter and directives', () => {
    const source = [
      '---', //            1
      'title: x', //       2
      '---', //            3
      '', //               4
      '%%{init: {"theme": "forest"}}%%', // 5 → a blank line, then trimmed
      'flowchart LR', //   6
      '  a --> b', //      7
      '', //               8 (blank above a comment: removed with it)
      '  %% comment', //   9
      '  b --> c', //      10
      '%%{init: {', //     11 a directive over two lines leaves one line
      '}}%%', //           12
      '  c -->', //        13
    ].join('\n');
    expect(cleanedLineOrigins(source)).toEqual([6, 7, 10, 11, 13]);
    expect(sourceLineFor(source, 5)).toBe(13);
    // Jison reports an error at the end of the text one line past the end.
    expect(sourceLineFor(source, 6)).toBe(13);
  });
});

describe('mermaidFailureToLessonError', () => {
  // Messages as Mermaid 12.3 produces them (recorded from real renders).
  const flowchartError = {
    name: 'Error',
    message:
      "Parse error on line 3:\n...chart LRA-->BB -->> C[\n---------------------^\nExpecting 'AMP', 'COLON', 'PIPE', got 'TAGEND'",
    line: 3,
  };

  it('points at fence line + line within the diagram, counting the comment lines Mermaid dropped', () => {
    const source = 'flowchart LR\n%% (accessible text)\n%% (accessible text)\nA-->B\nB -->> C[';
    const error = mermaidFailureToLessonError(flowchartError, source, at);
    expect(error.line).toBe(20 + 5);
    expect(error.problem).toBe(
      `Mermaid cannot parse this diagram: this line has 1 opening and 0 closing square brackets: a node label like a["text"] must close what it opens (Mermaid says: Parse error: near "...chart LRA-->BB -->> C[" Expecting 'AMP', 'COLON', 'PIPE', got 'TAGEND')`,
    );
    expect(
      error.message.startsWith('content/lessons/en/images.mdx:25: Mermaid cannot parse this diagram'),
    ).toBe(true);
  });

  it('reads the line from a Langium parser message (pie, gitGraph …)', () => {
    const failure = {
      name: 'Error',
      message: "Parsing failed:  Parse error on line 4, column 8: Expecting token of type ':' but found `2`.",
    };
    const error = mermaidFailureToLessonError(failure, 'pie\ntitle Pets\n"Dogs" : 3\n"Cats" 2', at);
    expect(error.line).toBe(24);
    expect(error.problem).toBe(
      'Mermaid cannot parse this diagram: this line lacks a ":" between the label and its value (Mermaid says: Parse error at column 8: Expecting token of type \':\' but found `2`)',
    );
  });

  it('says first, in a plain sentence, what is likely wrong on the line', () => {
    const eof = "Expecting 'AMP', 'COLON', 'PIPE', got 'EOF'";
    expect(likelyMistake('  image["busybox:1.37 image"] -->', eof)).toMatch(
      /ends with an arrow that points nowhere/,
    );
    expect(likelyMistake('  a["redis:8] --> b', eof)).toMatch(/opens a quote \("\) that is not closed/);
    expect(likelyMistake('  a[redis:8 (primary)] --> b', eof)).toMatch(/quote the label/);
    expect(likelyMistake('  a --> b c', eof)).toMatch(/ends in the middle of a statement/);
    expect(likelyMistake('  a --> b c', "got 'TAGEND'")).toMatch(/does not understand this line/);
  });

  it('names an unknown diagram type', () => {
    const failure = {
      name: 'UnknownDiagramError',
      message: 'No diagram type detected matching given configuration for text: flowchar LR',
    };
    const error = mermaidFailureToLessonError(failure, '%% c\n\nflowchar LR\n  a --> b', at);
    expect(error.line).toBe(23);
    expect(error.problem).toBe('"flowchar" is not a Mermaid diagram type');
  });

  it('falls back to the fence line when Mermaid gives no line', () => {
    const error = mermaidFailureToLessonError(
      { name: 'Error', message: 'There can be only one root.' },
      'mindmap\n a\nb',
      at,
    );
    expect(error.line).toBe(20);
    expect(error.problem).toContain('There can be only one root');
  });

  it('tidyMessage keeps Mermaid words on one line', () => {
    expect(tidyMessage('Lexical error on line 2. Unrecognized text.\n...a --> b\n----^')).toBe(
      'Lexical error: Unrecognized text. near "...a --> b"',
    );
  });
});
