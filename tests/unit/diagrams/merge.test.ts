/**
 * The theme merge (src/diagrams/mergeThemes.ts): a light and a dark render become one SVG whose
 * differing colours are light-dark() custom properties; anything else that differs is an error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../src/lesson-model/errors.ts';
import { RENDER_ID, type RenderOutcome } from '../../../src/diagrams/browserRenderer.ts';
import type { DiagramTheme } from '../../../src/diagrams/config.ts';
import { createMemoryCache } from '../../../src/diagrams/diskCache.ts';
import { ThemeMergeError, dropUnusedColours, mergeThemeRenders } from '../../../src/diagrams/mergeThemes.ts';
import { listSvgIds } from '../../../src/diagrams/prefixIds.ts';
import { createDiagramRenderer } from '../../../src/diagrams/renderMermaid.ts';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'fixtures', `raw-${name}.svg`), 'utf8').trim();

const svg = (css: string, body: string) => `<svg id="mmd"><style>${css}</style>${body}</svg>`;

/** What the merged SVG says in one theme: every var(--cN) replaced by its light or dark value. */
function resolve(merged: string, colours: Map<string, [string, string]>, theme: DiagramTheme): string {
  const withoutRule = merged.replace(/#mmd\{(--c\d+:light-dark\([^;{}]*\);)+\}/, '');
  return withoutRule.replace(/var\((--c\d+)\)/g, (_whole, name: string) => {
    const pair = colours.get(name);
    if (!pair) throw new Error(`${name} is used but not defined`);
    return theme === 'light' ? pair[0] : pair[1];
  });
}

/** A "dark render" of a real Mermaid SVG: every colour swapped for another, nothing else changed. */
function recolour(raw: string): string {
  return raw.replace(
    /#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)/g,
    (colour) => `#${Buffer.from(colour).toString('hex').slice(-6).padStart(6, '0')}`,
  );
}

describe('mergeThemeRenders', () => {
  it('turns each differing colour into one custom property, in <style>, style="" and attributes', () => {
    const light = svg(
      '#mmd .node rect{fill:#ffffff;stroke:#333;}#mmd .label{color:#ffffff;}',
      '<rect class="node" fill="#ffffff" style="stroke:#111111"/><text>#abc</text>',
    );
    const dark = svg(
      '#mmd .node rect{fill:#0f1115;stroke:#333;}#mmd .label{color:#0f1115;}',
      '<rect class="node" fill="#0f1115" style="stroke:rgb(1, 2, 3)"/><text>#abc</text>',
    );
    const { svg: merged, colours } = mergeThemeRenders(light, dark, '#mmd');
    expect([...colours]).toEqual([
      ['--c0', ['#ffffff', '#0f1115']],
      ['--c1', ['#111111', 'rgb(1, 2, 3)']],
    ]);
    expect(merged).toBe(
      svg(
        '#mmd{--c0:light-dark(#ffffff,#0f1115);--c1:light-dark(#111111,rgb(1, 2, 3));}' +
          '#mmd .node rect{fill:var(--c0);stroke:#333;}#mmd .label{color:var(--c0);}',
        '<rect class="node" fill="var(--c0)" style="stroke:var(--c1)"/><text>#abc</text>',
      ),
    );
  });

  it('treats colour names as colours (Mermaid writes `black` for some colours it derives)', () => {
    const { svg: merged } = mergeThemeRenders(
      svg('#mmd .commit0{fill:black;}', '<text>white whale, redo</text>'),
      svg('#mmd .commit0{fill:#e6e9ef;}', '<text>white whale, redo</text>'),
      '#mmd',
    );
    expect(merged).toBe(
      svg(
        '#mmd{--c0:light-dark(black,#e6e9ef);}#mmd .commit0{fill:var(--c0);}',
        '<text>white whale, redo</text>',
      ),
    );
  });

  it('leaves an SVG whose renders are the same unchanged', () => {
    const same = svg('#mmd{fill:#333;}', '<rect fill="#eee"/>');
    expect(mergeThemeRenders(same, same, '#mmd')).toEqual({ svg: same, colours: new Map() });
  });

  it('adds a <style> when the SVG has none', () => {
    const { svg: merged } = mergeThemeRenders(
      '<svg id="mmd"><rect fill="#fff"/></svg>',
      '<svg id="mmd"><rect fill="#000"/></svg>',
      '#mmd',
    );
    expect(merged).toBe(
      '<svg id="mmd"><style>#mmd{--c0:light-dark(#fff,#000);}</style><rect fill="var(--c0)"/></svg>',
    );
  });

  it.each(['flowchart', 'sequence', 'class'])(
    'is exact on real Mermaid output (%s): the merged SVG resolves to each render, character for character',
    (name) => {
      const light = fixture(name);
      const dark = recolour(light);
      const { svg: merged, colours } = mergeThemeRenders(light, dark, '#mmd');
      expect(colours.size).toBeGreaterThan(3);
      expect(resolve(merged, colours, 'light')).toBe(light);
      expect(resolve(merged, colours, 'dark')).toBe(dark);
      // Smaller than the two renders together: only one copy of the markup remains.
      expect(merged.length).toBeLessThan(light.length * 1.1);
    },
  );

  it("gives the dark render the light render's ids when Mermaid numbered them differently", () => {
    // Sequence diagrams number lifelines from a counter that lives as long as the page.
    const light = svg('#mmd #actor3{stroke:#000;}', '<line id="actor3"/><use href="#actor3"/><g id="a"/>');
    const dark = svg('#mmd #actor7{stroke:#fff;}', '<line id="actor7"/><use href="#actor7"/><g id="a"/>');
    const { svg: merged } = mergeThemeRenders(light, dark, '#mmd');
    expect(listSvgIds(merged)).toEqual(['mmd', 'actor3', 'a']);
    expect(merged).toContain('#mmd #actor3{stroke:var(--c0);}');
    expect(merged).toContain('<use href="#actor3"/>');
  });

  it.each([
    [
      'a label',
      svg('', '<text fill="#000">Image</text>'),
      svg('', '<text fill="#fff">Imago</text>'),
      /Image/,
      /Imago/,
    ],
    [
      'a coordinate',
      svg('', '<rect x="10" fill="#000"/>'),
      svg('', '<rect x="12" fill="#fff"/>'),
      /x="10"/,
      /x="12"/,
    ],
    [
      'a style rule',
      svg('#mmd .a{stroke-width:1px;}', ''),
      svg('#mmd .a{stroke-width:2px;}', ''),
      /1px/,
      /2px/,
    ],
    ['an element', svg('', '<rect fill="#000"/>'), svg('', '<circle fill="#fff"/>'), /<rect/, /<circle/],
  ])('refuses renders that differ in %s, showing where', (_what, light, dark, inLight, inDark) => {
    const error = (() => {
      try {
        mergeThemeRenders(light, dark, '#mmd');
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ThemeMergeError);
    expect((error as ThemeMergeError).message).toBe('the light and dark renders differ in more than colours');
    expect((error as ThemeMergeError).light).toMatch(inLight);
    expect((error as ThemeMergeError).dark).toMatch(inDark);
  });

  it('refuses renders with a different number of ids, or ids that do not correspond one to one', () => {
    expect(() =>
      mergeThemeRenders(svg('', '<g id="a"/>'), svg('', '<g id="a"/><g id="b"/>'), '#mmd'),
    ).toThrow(/the light render has 2 elements with an id and the dark render 3/);
    expect(() =>
      mergeThemeRenders(svg('', '<g id="a"/><g id="b"/>'), svg('', '<g id="x"/><g id="x"/>'), '#mmd'),
    ).toThrow(/do not correspond one to one/);
  });
});

describe('dropUnusedColours', () => {
  it('drops definitions no var() uses and keeps the others', () => {
    const merged = svg(
      '#p{--c0:light-dark(#fff,#000);--c1:light-dark(rgb(1, 2, 3),#111);}#p .a{fill:var(--c0);}',
      '',
    );
    expect(dropUnusedColours(merged)).toBe(svg('#p{--c0:light-dark(#fff,#000);}#p .a{fill:var(--c0);}', ''));
  });
});

describe('rendering a diagram whose renders differ in more than colours', () => {
  it('fails the build at the lesson file and fence line, saying what differs and what to do', async () => {
    const at = { file: 'content/lessons/en/images.mdx', line: 42 };
    const renders: Record<DiagramTheme, string> = {
      light: `<svg id="${RENDER_ID}"><style></style><text fill="#000">a</text></svg>`,
      dark: `<svg id="${RENDER_ID}"><style></style><text fill="#fff">b</text></svg>`,
    };
    const renderer = createDiagramRenderer({
      cache: createMemoryCache(),
      browser: {
        render: async (_source: string, theme: DiagramTheme): Promise<RenderOutcome> => ({
          ok: true,
          svg: renders[theme],
          diagramType: 'flowchart-v2',
        }),
        close: async () => undefined,
      },
      mermaidVersion: 'test',
    });
    const error = await renderer
      .renderDiagram('flowchart LR\n  accTitle: T\n  accDescr: D\n  a --> b', at)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonError);
    const lessonError = error as LessonError;
    expect(lessonError.file).toBe(at.file);
    expect(lessonError.line).toBe(42);
    expect(lessonError.message).toMatch(
      /^content\/lessons\/en\/images\.mdx:42: Mermaid drew this diagram differently for the light and the dark theme, not only in colour: the light and dark renders differ in more than colours \(light: ".*>a<.*", dark: ".*>b<.*"\)\. Remove any theme/,
    );
  });

  it('renders once per theme and inlines one merged SVG', async () => {
    const calls: DiagramTheme[] = [];
    const renderer = createDiagramRenderer({
      cache: createMemoryCache(),
      browser: {
        render: async (_source: string, theme: DiagramTheme): Promise<RenderOutcome> => {
          calls.push(theme);
          return {
            ok: true,
            svg: `<svg id="${RENDER_ID}" viewBox="0 0 10 10"><style>#${RENDER_ID} .a{fill:${theme === 'light' ? '#fff' : '#000'};}</style><g class="a"/></svg>`,
            diagramType: 'flowchart-v2',
          };
        },
        close: async () => undefined,
      },
      mermaidVersion: 'test',
    });
    const diagram = await renderer.renderDiagram('flowchart LR\n  accTitle: T\n  accDescr: D\n  a --> b', {
      file: 'x.mdx',
      line: 1,
    });
    expect(calls).toEqual(['light', 'dark']);
    expect(diagram.svg.match(/<svg\b/g)).toHaveLength(1);
    expect(diagram.svg).toMatch(
      /<style>#mmd-[0-9a-f]{10}\{--c0:light-dark\(#fff,#000\);\}#mmd-[0-9a-f]{10} \.a\{fill:var\(--c0\);\}<\/style>/,
    );
  });
});
