import { describe, expect, it } from 'vitest';
import { pruneStyles, splitRules } from '../../../src/diagrams/pruneStyles.ts';

const svg = (css: string, body: string) => `<svg id="d"><style>${css}</style>${body}</svg>`;

describe('pruning Mermaid styles', () => {
  it('keeps rules whose classes and elements occur, drops the others', () => {
    const css =
      '#d{fill:#333;}#d .node rect{fill:red;}#d .cluster rect{fill:blue;}#d p{margin:0;}#d .label text{fill:#000;}';
    const out = pruneStyles(
      svg(css, '<g class="node default"><rect/></g><g class="label"><text>x</text></g>'),
    );
    expect(out).toContain('#d{fill:#333;}');
    expect(out).toContain('#d .node rect{fill:red;}');
    expect(out).toContain('#d .label text{fill:#000;}');
    expect(out).not.toContain('.cluster');
    expect(out).not.toContain('#d p{');
  });

  it('keeps a selector list when any selector can match', () => {
    const out = pruneStyles(svg('#d .a,#d .b{stroke:1px;}', '<g class="b"/>'));
    expect(out).toContain('#d .a,#d .b{stroke:1px;}');
  });

  it('ignores pseudo-classes when deciding', () => {
    expect(pruneStyles(svg('#d .a:hover{x:1;}', '<g class="a"/>'))).toContain(':hover');
  });

  it('keeps keyframes only when a kept rule names them', () => {
    const css =
      '@keyframes dash{to{stroke-dashoffset:0;}}@keyframes spin{to{x:1;}}#d .flow{animation:dash 1s;}#d .gone{animation:spin 1s;}';
    const out = pruneStyles(svg(css, '<path class="flow"/>'));
    expect(out).toContain('@keyframes dash{to{stroke-dashoffset:0;}}');
    expect(out).not.toContain('spin');
  });

  it('splits nested blocks as one rule', () => {
    expect(splitRules('@keyframes a{from{x:0;}to{x:1;}}b{c:d;}').map((rule) => rule.prelude)).toEqual([
      '@keyframes a',
      'b',
    ]);
  });
});
