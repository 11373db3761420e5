/**
 * The diagram theme: Mermaid's `base` theme fed the site's own colours, once for the light and
 * once for the dark site theme.
 *
 * Why `base` with themeVariables and not Mermaid's `default`/`dark`: those are lavender nodes,
 * yellow clusters and notes, and a grey-blue dark mode that belong to no part of this site. `base`
 * is the one theme Mermaid lets us recolour; it derives every colour we leave out from the few we
 * give it (colour maths on hex values), so each role below is set explicitly and the derived ones
 * that lessons' diagram types (flowchart, sequence) use are pinned too.
 *
 * Why the values are copied here instead of read as `var(--accent)`: Mermaid computes with the
 * colours (darkens, inverts, mixes in alpha), which it cannot do with a `var()`. The page still
 * switches them with the site's theme: the build renders both palettes and merges the two SVGs
 * into one whose differing colours are `light-dark(<light>, <dark>)` custom properties
 * (mergeThemes.ts). tests/unit/diagrams/theme.test.ts fails when a value here drifts from the
 * same custom property in src/styles/global.css, and checks text contrast on every fill.
 */
import type { DiagramTheme } from './config.ts';

/** The custom properties of src/styles/global.css that diagrams use, per site theme. */
export interface SitePalette {
  bg: string;
  'bg-soft': string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  'accent-soft': string;
}

export const SITE_PALETTE: Record<DiagramTheme, SitePalette> = {
  light: {
    bg: '#ffffff',
    'bg-soft': '#f4f6f8',
    text: '#1c2128',
    muted: '#57606a',
    border: '#d0d7de',
    accent: '#0b5cad',
    'accent-soft': '#e3eefa',
  },
  dark: {
    bg: '#0f1115',
    'bg-soft': '#171a21',
    text: '#e6e9ef',
    muted: '#a3acb9',
    border: '#30363d',
    accent: '#7cb7ff',
    'accent-soft': '#16263a',
  },
};

/**
 * Mermaid themeVariables for one site theme. The roles:
 * - nodes (and sequence actors): the accent's soft tint with an accent border, body text colour:
 *   they read as the site's own highlighted boxes;
 * - subgraphs (clusters), notes, sequence loop/alt boxes and activations: the soft background
 *   with the site's border colour, a step back from the nodes;
 * - edges and arrowheads: the muted text colour, so lines sit behind the labels;
 * - edge labels: the page background, so a label on a line stays readable.
 * Every text colour is the site's body text; its contrast on each fill is tested (≥ 4.5:1).
 */
export function themeVariablesFor(theme: DiagramTheme): Record<string, string | boolean> {
  const p = SITE_PALETTE[theme];
  return {
    darkMode: theme === 'dark',
    background: p.bg,
    fontSize: '16px',

    primaryColor: p['accent-soft'],
    primaryBorderColor: p.accent,
    primaryTextColor: p.text,
    secondaryColor: p['bg-soft'],
    secondaryBorderColor: p.border,
    secondaryTextColor: p.text,
    tertiaryColor: p['bg-soft'],
    tertiaryBorderColor: p.border,
    tertiaryTextColor: p.text,

    mainBkg: p['accent-soft'],
    nodeBkg: p['accent-soft'],
    nodeBorder: p.accent,
    nodeTextColor: p.text,
    textColor: p.text,
    titleColor: p.text,
    lineColor: p.muted,
    defaultLinkColor: p.muted,
    arrowheadColor: p.muted,
    edgeLabelBackground: p.bg,
    clusterBkg: p['bg-soft'],
    clusterBorder: p.border,

    noteBkgColor: p['bg-soft'],
    noteBorderColor: p.border,
    noteTextColor: p.text,

    actorBkg: p['accent-soft'],
    actorBorder: p.accent,
    actorTextColor: p.text,
    actorLineColor: p.border,
    signalColor: p.muted,
    signalTextColor: p.text,
    labelBoxBkgColor: p['bg-soft'],
    labelBoxBorderColor: p.border,
    labelTextColor: p.text,
    loopTextColor: p.text,
    activationBkgColor: p['bg-soft'],
    activationBorderColor: p.muted,
    sequenceNumberColor: p.bg,

    errorBkgColor: p['bg-soft'],
    errorTextColor: p.text,
  };
}

/** Text colour → the fills it is drawn on, for the contrast test. */
export function textOnFills(theme: DiagramTheme): { text: string; fill: string; role: string }[] {
  const p = SITE_PALETTE[theme];
  return [
    { role: 'node label', text: p.text, fill: p['accent-soft'] },
    { role: 'subgraph and note text', text: p.text, fill: p['bg-soft'] },
    { role: 'edge label', text: p.text, fill: p.bg },
    { role: 'sequence number', text: p.bg, fill: p.muted },
  ];
}
