/**
 * The diagram palette (src/diagrams/theme.ts) is the site's: each value is the same custom
 * property in src/styles/global.css, and every text colour is readable on the fill it sits on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_THEMES, mermaidConfigFor } from '../../../src/diagrams/config.ts';
import { SITE_PALETTE, textOnFills } from '../../../src/diagrams/theme.ts';

const css = readFileSync(path.join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');

/** `--name: light-dark(#light, #dark);` from global.css. */
function siteColour(name: string): { light: string; dark: string } {
  const match = new RegExp(
    `--${name}:\\s*light-dark\\(\\s*(#[0-9a-fA-F]+)\\s*,\\s*(#[0-9a-fA-F]+)\\s*\\)`,
  ).exec(css);
  if (!match) throw new Error(`global.css has no --${name}: light-dark(…, …)`);
  return { light: match[1]!.toLowerCase(), dark: match[2]!.toLowerCase() };
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the diagram palette', () => {
  it.each(Object.keys(SITE_PALETTE.light))('--%s is the site’s colour in both themes', (name) => {
    const site = siteColour(name);
    const key = name as keyof typeof SITE_PALETTE.light;
    expect(SITE_PALETTE.light[key]).toBe(site.light);
    expect(SITE_PALETTE.dark[key]).toBe(site.dark);
  });

  it.each(DIAGRAM_THEMES)('keeps text at 4.5:1 or more on every fill (%s)', (theme) => {
    for (const { role, text, fill } of textOnFills(theme))
      expect(contrast(text, fill), `${theme} ${role}: ${text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('gives Mermaid the base theme, never its lavender and yellow defaults', () => {
    for (const theme of DIAGRAM_THEMES) {
      const config = mermaidConfigFor(theme);
      expect(config.theme).toBe('base');
      const colours = Object.values(config.themeVariables as Record<string, unknown>).join(' ');
      expect(colours).not.toMatch(/#ececff|#fff5ad/i);
      expect((config.themeVariables as Record<string, unknown>).darkMode).toBe(theme === 'dark');
    }
  });
});
