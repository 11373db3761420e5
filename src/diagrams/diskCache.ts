/**
 * Raw Mermaid SVGs on disk, one file per cache key, under `.cache/mermaid/` (gitignored).
 * Files are written to a temporary name and renamed, so a build killed halfway or two builds
 * running at once never leave a half-written SVG behind for the next build to trust.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SvgCache {
  get(key: string): string | undefined;
  set(key: string, svg: string): void;
}

/** The default location: `.cache/mermaid/` under the directory the build runs in (the repository root). */
export function defaultCacheDir(): string {
  return path.resolve(process.cwd(), '.cache', 'mermaid');
}

export function createDiskCache(dir: string = defaultCacheDir()): SvgCache {
  const file = (key: string) => path.join(dir, `${key}.svg`);
  return {
    get(key) {
      try {
        const svg = readFileSync(file(key), 'utf8');
        // A truncated file (disk full, say) is a miss, not an SVG.
        return svg.startsWith('<svg') && svg.trimEnd().endsWith('</svg>') ? svg : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, svg) {
      mkdirSync(dir, { recursive: true });
      const temporary = `${file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, svg);
      renameSync(temporary, file(key));
    },
  };
}

/** An in-memory cache, for tests. */
export function createMemoryCache(): SvgCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (key) => entries.get(key), set: (key, svg) => void entries.set(key, svg) };
}
