/**
 * Renders real diagrams in the real Chromium (/usr/bin/chromium, or DOCKSIDE_CHROMIUM) with the
 * installed Mermaid. Slower than the other diagram tests (a few seconds), and the only ones that
 * prove the whole path: Mermaid config, fonts, error lines, the cache keeping the browser shut.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { LessonError } from '../../../src/lesson-model/errors.ts';
import {
  launchChromium,
  MermaidBrowser,
  type BrowserLauncher,
} from '../../../src/diagrams/browserRenderer.ts';
import { mermaidVersion } from '../../../src/diagrams/config.ts';
import { createDiskCache, createMemoryCache } from '../../../src/diagrams/diskCache.ts';
import { listSvgIds, listSvgReferences } from '../../../src/diagrams/prefixIds.ts';
import { createDiagramRenderer, type DiagramRenderer } from '../../../src/diagrams/renderMermaid.ts';

const TIMEOUT = 90_000;
const at = { file: 'content/lessons/ko/images.mdx', line: 30 };

const korean = `flowchart LR
  accTitle: 이미지에서 컨테이너로
  accDescr: docker run은 읽기 전용 이미지 레이어 위에 쓰기 가능한 컨테이너 레이어를 얹는다.
  img["이미지 레이어 (읽기 전용)"] -->|docker run| ctr(컨테이너: 쓰기 가능한 레이어)
  ctr --> q{프로세스가 종료됐나?}
  q -->|예| stopped[Exited 상태]
  q -->|아니오| ctr`;

const sequence = `sequenceDiagram
  accTitle: Pulling an image
  accDescr: The client asks the daemon, the daemon asks the registry for the manifest and layers.
  autonumber
  participant C as 클라이언트
  C->>D: docker pull redis:8
  D->>R: GET manifest
  R-->>D: layers
  D-->>C: done`;

/** WCAG contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function countingLauncher() {
  const launcher = Object.assign(
    async () => {
      launcher.calls++;
      return launchChromium();
    },
    { calls: 0 },
  ) as BrowserLauncher & { calls: number };
  return launcher;
}

const cacheDir = mkdtempSync(path.join(tmpdir(), 'dockside-mermaid-'));
const toClose: DiagramRenderer[] = [];
let inspector: Browser | undefined;
afterAll(async () => {
  await Promise.all(toClose.map((renderer) => renderer.close()));
  await sharedBrowser.close();
  await inspector?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Most tests share one browser: starting Chromium and loading Mermaid's 5 MB bundle takes seconds. */
const sharedBrowser = new MermaidBrowser();

function renderer(
  options: {
    cache?: 'disk' | 'memory';
    launcher?: BrowserLauncher;
    idleMs?: number;
    ownBrowser?: boolean;
  } = {},
) {
  const browser =
    options.launcher || options.idleMs || options.ownBrowser
      ? new MermaidBrowser({
          ...(options.launcher ? { launch: options.launcher } : {}),
          ...(options.idleMs ? { idleMs: options.idleMs } : {}),
        })
      : sharedBrowser;
  const made = createDiagramRenderer({
    cache: options.cache === 'memory' ? createMemoryCache() : createDiskCache(cacheDir),
    browser,
    mermaidVersion: mermaidVersion(),
  });
  toClose.push(made);
  return { renderer: made, browser };
}

describe('rendering in Chromium', () => {
  it(
    'renders a Korean flowchart to one accessible SVG for both themes, then serves it from the disk cache without a browser',
    { timeout: TIMEOUT },
    async () => {
      const cold = countingLauncher();
      const first = renderer({ launcher: cold });
      const diagram = await first.renderer.renderDiagram(korean, at);
      expect(cold.calls).toBe(1);
      expect(diagram.title).toBe('이미지에서 컨테이너로');
      expect(diagram.description).toContain('쓰기 가능한 컨테이너 레이어');
      expect(readdirSync(cacheDir).filter((name) => name.endsWith('.svg'))).toHaveLength(2);

      // One raw render per palette in the cache; one merged SVG for the page.
      for (const svg of [diagram.svg]) {
        const root = /^<svg[^>]*>/.exec(svg)![0];
        expect(root).toContain('role="img"');
        const titleId = /aria-labelledby="([^"]+)"/.exec(root)![1]!;
        const descId = /aria-describedby="([^"]+)"/.exec(root)![1]!;
        expect(svg).toContain(`<title id="${titleId}">이미지에서 컨테이너로</title>`);
        expect(svg).toMatch(new RegExp(`<desc id="${descId}">docker run은`));
        expect(svg).toContain('프로세스가');
        expect(svg).toContain('"Noto Sans CJK KR"');
        expect(svg).not.toContain('<foreignObject'); // htmlLabels: false
        expect(svg).toContain('data-look="classic"');
        expect(svg).not.toMatch(/<g[^>]*data-look="neo"/);
        const ids = new Set(listSvgIds(svg));
        for (const ref of listSvgReferences(svg).filter((r) => r.in === 'attribute'))
          expect(ids).toContain(ref.id);
      }
      expect(diagram.svg.match(/<svg\b/g)).toHaveLength(1);
      expect(diagram.svg).toMatch(/--c\d+:light-dark\(#e3eefa,#16263a\);/); // node fill: --accent-soft
      expect(diagram.svg).not.toMatch(/#ececff|#fff5ad|#9370db/i); // Mermaid's lavender, yellow, purple

      // A rebuild: new renderer and browser, same cache directory. Nothing may launch.
      const warm = countingLauncher();
      const second = renderer({ launcher: warm });
      expect(await second.renderer.renderDiagram(korean, at)).toEqual(diagram);
      expect(warm.calls).toBe(0);
    },
  );

  it('keeps every label inside its shape and the drawing inside the SVG', { timeout: TIMEOUT }, async () => {
    const { renderer: r } = renderer();
    const diagrams = [await r.renderDiagram(korean, at), await r.renderDiagram(sequence, at)];
    inspector ??= await launchChromium();
    const page = await inspector.newPage({ viewport: { width: 1400, height: 900 } });
    for (const diagram of diagrams) {
      for (const svg of [diagram.svg]) {
        await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}</body>`);
        const problems = await page.evaluate(() => {
          const found: string[] = [];
          const root = document.querySelector('svg')!.getBoundingClientRect();
          for (const text of document.querySelectorAll('svg text')) {
            const box = text.getBoundingClientRect();
            if (box.width === 0) continue;
            if (
              box.left < root.left ||
              box.right > root.right ||
              box.top < root.top ||
              box.bottom > root.bottom
            ) {
              found.push(`"${text.textContent}" leaves the SVG`);
            }
            const node = text.closest('g.node');
            const shape = node?.querySelector(
              ':scope > rect, :scope > polygon, :scope > path, :scope > g > path',
            );
            if (shape) {
              const s = shape.getBoundingClientRect();
              if (box.left < s.left - 0.5 || box.right > s.right + 0.5)
                found.push(`"${text.textContent}" is wider than its shape`);
            }
          }
          return found;
        });
        expect(problems).toEqual([]);
      }
    }
    await page.close();
  });

  it(
    'colours nodes, actors and notes from the site palette in each theme, with readable text',
    { timeout: TIMEOUT },
    async () => {
      const { renderer: r } = renderer();
      const diagrams = [await r.renderDiagram(korean, at), await r.renderDiagram(sequence, at)];
      inspector ??= await launchChromium();
      const page = await inspector.newPage();
      const fills: Record<string, string[]> = {};
      for (const scheme of ['light', 'dark'] as const) {
        for (const diagram of diagrams) {
          await page.setContent(
            `<!doctype html><html style="color-scheme: ${scheme}"><meta charset="utf-8"><body>${diagram.svg}</body></html>`,
          );
          // Each label against the shape it is drawn on, as Chromium computes them.
          const pairs = await page.evaluate(() => {
            const out: { label: string; text: string; fill: string }[] = [];
            for (const text of document.querySelectorAll(
              'svg g.node text, svg text.actor, svg text.noteText',
            )) {
              const shape =
                text.closest('g.node')?.querySelector(':scope > rect, :scope > polygon, :scope > path') ??
                text.parentElement?.querySelector('rect');
              if (!shape) continue;
              out.push({
                label: (text.textContent ?? '').trim(),
                // Mermaid colours actor names on their <tspan>s, the <text> itself has the box's fill.
                text: getComputedStyle(text.querySelector('tspan') ?? text).fill,
                fill: getComputedStyle(shape).fill,
              });
            }
            return out;
          });
          expect(pairs.length).toBeGreaterThan(2);
          for (const pair of pairs)
            expect(
              contrast(pair.text, pair.fill),
              `${scheme}: "${pair.label}" ${pair.text} on ${pair.fill}`,
            ).toBeGreaterThanOrEqual(4.5);
          (fills[scheme] ??= []).push(...pairs.map((pair) => pair.fill));
        }
      }
      expect(fills.light).toContain('rgb(227, 238, 250)'); // --accent-soft, light
      expect(fills.dark).toContain('rgb(22, 38, 58)'); // --accent-soft, dark
      expect(fills.light).not.toEqual(fills.dark);
      await page.close();
    },
  );

  it('gives two diagrams on one page no id in common', { timeout: TIMEOUT }, async () => {
    const { renderer: r } = renderer();
    const a = await r.renderDiagram(korean, at);
    const b = await r.renderDiagram(sequence, at);
    const again = await r.renderDiagram(korean, at, { occurrence: 1 });
    const all = [a.svg, b.svg, again.svg].flatMap((svg) => listSvgIds(svg));
    expect(new Set(all).size).toBe(all.length);
    // Sequence diagrams use markers (#arrowhead, #sequencenumber) Mermaid does not prefix itself.
    expect(listSvgReferences(b.svg).some((ref) => ref.id.endsWith('-mmd-arrowhead'))).toBe(true);
  });

  it(
    'renders the same source to the same SVG whatever was rendered before it',
    { timeout: TIMEOUT },
    async () => {
      const { renderer: r } = renderer({ cache: 'memory' });
      const before = await r.renderDiagram(korean, at);
      await r.renderDiagram(`---\nconfig:\n  theme: forest\n---\n${sequence}`, at);
      const { renderer: fresh } = renderer({ cache: 'memory' });
      await fresh.renderDiagram(sequence, at);
      expect(await fresh.renderDiagram(korean, at)).toEqual(before);
      expect(await r.renderDiagram(korean, at)).toEqual(before);
    },
  );

  it.each([
    [
      'a flowchart error after front matter and comments',
      '---\ntitle: x\n---\nflowchart LR\n  accTitle: T\n  accDescr: D\n  %% a comment\n  a --> b\n  b -->> c[',
      30 + 9,
      // A plain sentence on the likely mistake first, Mermaid's own words after it.
      /^Mermaid cannot parse this diagram: this line has 1 opening and 0 closing square brackets.*\(Mermaid says: Parse error: .*Expecting .*got 'TAGEND'\)$/,
    ],
    [
      'a Langium (pie) error',
      'pie\n  accTitle: T\n  accDescr: D\n  "Dogs" : 3\n  "Cats" 2',
      30 + 5,
      /Expecting token of type ':' but found `2`/,
    ],
    [
      'an unknown diagram type',
      '%% note\nflowchar LR\n  accTitle: T\n  accDescr: D\n  a --> b',
      30 + 2,
      /"flowchar" is not a Mermaid diagram type/,
    ],
  ])(
    'fails on %s with the lesson file and line',
    { timeout: TIMEOUT },
    async (_what, source, line, problem) => {
      const { renderer: r } = renderer({ cache: 'memory' });
      const error = await r.renderDiagram(source, at).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LessonError);
      expect((error as LessonError).file).toBe(at.file);
      expect((error as LessonError).line).toBe(line);
      expect((error as LessonError).problem).toMatch(problem);
    },
  );

  it(
    'draws the same generated text (gitGraph commit ids) in the light and the dark render, so they merge',
    { timeout: TIMEOUT },
    async () => {
      const { renderer: r } = renderer({ cache: 'memory' });
      const diagram = await r.renderDiagram(
        'gitGraph\n  accTitle: T\n  accDescr: D\n  commit\n  branch dev\n  commit\n  checkout main\n  merge dev',
        at,
      );
      const labels = (svg: string) =>
        [...svg.matchAll(/class="commit-label"[^>]*>([^<]+)</g)].map((match) => match[1]);
      // The merge refuses renders whose labels differ; it passed, and the labels are there once.
      expect(labels(diagram.svg).length).toBeGreaterThan(0);
    },
  );

  it('closes an idle browser and starts a new one on the next miss', { timeout: TIMEOUT }, async () => {
    const launcher = countingLauncher();
    const { renderer: r, browser } = renderer({ cache: 'memory', launcher, idleMs: 50 });
    await r.renderDiagram(korean, at);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await r.renderDiagram(sequence, at);
    expect(launcher.calls).toBe(2);
    expect(browser.launches).toBe(2);
  });
});
