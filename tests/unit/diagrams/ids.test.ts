import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_ID } from '../../../src/diagrams/browserRenderer.ts';
import { idPrefix } from '../../../src/diagrams/cacheKey.ts';
import { finishSvg } from '../../../src/diagrams/finishSvg.ts';
import { listSvgIds, listSvgReferences, prefixSvgIds } from '../../../src/diagrams/prefixIds.ts';

// Real Mermaid 12 output (raw, before finishSvg), rendered with id "mmd".
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'fixtures', `raw-${name}.svg`), 'utf8').trim();
const RAW = { flowchart: fixture('flowchart'), sequence: fixture('sequence'), class: fixture('class') };

/** Every reference in attributes resolves inside the same SVG; CSS references resolve or carry the prefix. */
function expectReferencesResolve(svg: string, prefix: string) {
  const ids = new Set(listSvgIds(svg));
  const refs = listSvgReferences(svg);
  for (const ref of refs) {
    if (ref.in === 'attribute') expect(ids, `reference #${ref.id}`).toContain(ref.id);
    else expect(ids.has(ref.id) || ref.id.startsWith(`${prefix}-`), `css reference #${ref.id}`).toBe(true);
  }
  return refs;
}

function finish(raw: string, source: string, occurrence = 0) {
  return finishSvg(raw, {
    renderId: RENDER_ID,
    prefix: idPrefix(source, occurrence),
    title: 'T <&>',
    description: 'D',
  });
}

describe('prefixSvgIds', () => {
  it('renames every id and keeps references pointing at the renamed element', () => {
    const { svg, renamed } = prefixSvgIds(RAW.flowchart, RENDER_ID, 'p1');
    expect(renamed.size).toBeGreaterThan(10);
    for (const id of listSvgIds(svg)) expect(id === 'p1' || id.startsWith('p1-')).toBe(true);
    const refs = expectReferencesResolve(svg, 'p1');
    // The flowchart uses arrow, circle and cross markers through url(#…).
    expect(refs.filter((ref) => ref.in === 'attribute').length).toBeGreaterThanOrEqual(4);
  });

  it('rewrites the CSS scope #<render id> but never a colour such as #333', () => {
    const { svg } = prefixSvgIds(RAW.flowchart, RENDER_ID, 'p1');
    const css = /<style>([\s\S]*?)<\/style>/.exec(svg)![1]!;
    expect(css).not.toMatch(/#mmd\b/);
    expect(css).toMatch(/#p1 \.node rect/);
    expect(css).toContain('fill:#333');
  });

  it('handles the reference forms Mermaid and Chromium write', () => {
    const svg =
      '<svg id="mmd" aria-labelledby="chart-title-mmd" aria-describedby="chart-desc-mmd"><title id="chart-title-mmd">t</title><desc id="chart-desc-mmd">d</desc>' +
      '<style>#mmd .a{fill:url(#mmd-grad);stroke:#abc}#mmd-grad{opacity:1}#mmd &gt; .b{fill:url(#missing)}</style>' +
      '<defs><linearGradient id="mmd-grad"/><clipPath id="clip"/><filter id="f"/><marker id="m"/></defs>' +
      '<use href="#m"/><use xlink:href="#clip"/><path style="clip-path: url(&quot;#clip&quot;); filter: url(\'#f\')" marker-end="url(#m)"/>' +
      '<a href="#elsewhere"><text>id="m" #mmd url(#m)</text></a></svg>';
    const { svg: out } = prefixSvgIds(svg, 'mmd', 'P');
    expect(out).toContain(
      '<svg id="P" aria-labelledby="P-chart-title-mmd" aria-describedby="P-chart-desc-mmd">',
    );
    expect(out).toContain(
      '#P .a{fill:url(#P-mmd-grad);stroke:#abc}#P-mmd-grad{opacity:1}#P &gt; .b{fill:url(#missing)}',
    );
    expect(out).toContain('<use href="#P-m"/><use xlink:href="#P-clip"/>');
    expect(out).toContain(
      'style="clip-path: url(&quot;#P-clip&quot;); filter: url(\'#P-f\')" marker-end="url(#P-m)"',
    );
    // A link to something outside the SVG and label text stay as they were.
    expect(out).toContain('<a href="#elsewhere"><text>id="m" #mmd url(#m)</text></a>');
  });
});

describe('finishSvg', () => {
  const sources = {
    a: 'flowchart LR\n a --> b',
    b: 'flowchart LR\n a --> c',
    c: 'sequenceDiagram\n a ->> b: hi',
    d: 'classDiagram\n a <|-- b',
  };
  const outputs = [
    finish(RAW.flowchart, sources.a),
    finish(RAW.flowchart, sources.b),
    finish(RAW.flowchart, sources.a, 1), // the same diagram a second time on the page
    finish(RAW.sequence, sources.c),
    finish(RAW.class, sources.d),
  ];

  it('gives two diagrams, and the same diagram twice, no id in common', () => {
    const seen = new Map<string, number>();
    outputs.forEach((svg, index) => {
      for (const id of listSvgIds(svg)) {
        expect(seen.get(id), `id ${id} in outputs ${seen.get(id)} and ${index}`).toBeUndefined();
        seen.set(id, index);
      }
    });
  });

  it('keeps every reference inside its own SVG', () => {
    for (const svg of outputs) expectReferencesResolve(svg, /^<svg id="([^"]+)"/.exec(svg)![1]!);
  });

  it('makes the root an image named by its own <title> and described by its own <desc>', () => {
    const svg = outputs[0]!;
    const prefix = idPrefix(sources.a);
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain('role="img"');
    expect(root).toContain(`aria-labelledby="${prefix}-title"`);
    expect(root).toContain(`aria-describedby="${prefix}-desc"`);
    expect(root).not.toContain('aria-roledescription');
    expect(root).not.toContain('width="100%"');
    expect(root).toMatch(/ width="[\d.]+" height="[\d.]+"/);
    expect(root).toMatch(/--diagram-width: [\d.]+px/);
    expect(svg).toContain(
      `<title id="${prefix}-title">T &lt;&amp;&gt;</title><desc id="${prefix}-desc">D</desc>`,
    );
    expect(svg.match(/<title/g)).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(finish(RAW.flowchart, sources.a)).toBe(outputs[0]);
    expect(idPrefix(sources.a)).toBe(idPrefix(sources.a));
    expect(idPrefix(sources.a)).not.toBe(idPrefix(sources.b));
    expect(idPrefix(sources.a, 1)).not.toBe(idPrefix(sources.a));
  });
});
