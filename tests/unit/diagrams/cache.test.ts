import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagramCacheKey, stableJson, type CacheKeyInput } from '../../../src/diagrams/cacheKey.ts';
import { mermaidConfigFor, mermaidVersion } from '../../../src/diagrams/config.ts';
import { createDiskCache } from '../../../src/diagrams/diskCache.ts';

const base: CacheKeyInput = {
  source: 'flowchart LR\n  accTitle: t\n  accDescr: d\n  a --> b',
  theme: 'light',
  mermaidVersion: '12.3.0',
  renderConfig: { config: mermaidConfigFor('light'), renderStep: 1 },
};

describe('diagramCacheKey', () => {
  it('is stable for the same inputs, whatever the key order of the config', () => {
    const reordered = {
      ...base,
      renderConfig: {
        renderStep: 1,
        config: Object.fromEntries(Object.entries(mermaidConfigFor('light')).reverse()),
      },
    };
    expect(diagramCacheKey(reordered)).toBe(diagramCacheKey(base));
    expect(diagramCacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['source', { source: `${base.source} ` }],
    ['accessible text', { source: base.source.replace('accDescr: d', 'accDescr: e') }],
    ['theme', { theme: 'dark' as const }],
    ['Mermaid version', { mermaidVersion: '12.3.1' }],
    [
      'render config',
      { renderConfig: { config: { ...mermaidConfigFor('light'), htmlLabels: true }, renderStep: 1 } },
    ],
    ['render step version', { renderConfig: { config: mermaidConfigFor('light'), renderStep: 2 } }],
    [
      'site palette (a theme variable)',
      {
        renderConfig: {
          config: {
            ...mermaidConfigFor('light'),
            themeVariables: {
              ...(mermaidConfigFor('light').themeVariables as object),
              primaryColor: '#000000',
            },
          },
          renderStep: 1,
        },
      },
    ],
    ['palette (light to dark)', { renderConfig: { config: mermaidConfigFor('dark'), renderStep: 1 } }],
  ])('changes when the %s changes', (_what, change) => {
    expect(diagramCacheKey({ ...base, ...change })).not.toBe(diagramCacheKey(base));
  });

  it('reads the installed Mermaid version', () => {
    expect(mermaidVersion()).toMatch(/^12\./);
  });

  it('stableJson sorts nested keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('createDiskCache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockside-mermaid-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores and finds an SVG, leaving no temporary file', () => {
    const cache = createDiskCache(path.join(dir, 'nested', 'mermaid'));
    expect(cache.get('k1')).toBeUndefined();
    cache.set('k1', '<svg id="a"></svg>');
    expect(cache.get('k1')).toBe('<svg id="a"></svg>');
    expect(readdirSync(path.join(dir, 'nested', 'mermaid'))).toEqual(['k1.svg']);
  });

  it('treats a truncated file as a miss', () => {
    const cache = createDiskCache(dir);
    writeFileSync(path.join(dir, 'k2.svg'), '<svg id="a"><g>');
    expect(cache.get('k2')).toBeUndefined();
  });
});
