/**
 * The site's full-text search: what the index holds, the build step that writes it, and how the
 * browser code of the search dialog is kept out of the page's start-up JavaScript.
 *
 * Pagefind (the npm package `pagefind`, which carries its own binary) reads the built pages after
 * Astro has written them (`astro:build:done`, so `npm run build`, `npm run check` and a bare
 * `astro build` all get it) and writes its bundle to dist/pagefind/: the search code (pagefind.js,
 * pagefind-worker.js), its WebAssembly (wasm.<lang>.pagefind) and the index, split by the pages'
 * <html lang> into one index per locale. A page searches the index of its own language only.
 *
 * What is indexed: only elements marked `data-pagefind-body` (the lesson's <article> in
 * pages/[lang]/[slug].astro, the glossary's <main>): not the home pages, the header, the sidebar,
 * the pager or the 404 page. Pagefind takes each page's title from its first <h1> even outside
 * that element. Inside it, EXCLUDED below is left out: what a reader would never search for.
 *
 * Korean: Pagefind has no Korean stemmer (https://pagefind.app/docs/multilingual/), but it matches
 * every search word as a prefix of the indexed words, so 컨테이너 finds 컨테이너를, 컨테이너의 and
 * 컨테이너에서 (tests/browser/search.spec.ts checks it); no option is needed. The other way round
 * does not hold: 컨테이너를 finds only pages that have that very form.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import * as pagefind from 'pagefind';
import { LOCALES } from '../i18n/locales.ts';
import { SEARCH_BUNDLE } from './bundle.ts';

/** Parts of an indexed page that are not worth finding. */
export const EXCLUDED = [
  // Command blocks: the copy button's label, the copy text (a <template> holding the commands
  // again), the shell name and the "Not yet verified" label; and the output lines, which are IDs,
  // digests and tables. The commands themselves stay: `docker run` finds the lessons that run it.
  '.cmd__copy',
  '.cmd__commands',
  '.cmd__shell',
  '.cmd__unverified',
  '.cmd__line--output',
  '.cmd-tabs__list',
  // Self-check questions: the verdicts and explanations (Right./Not quite. and why) would give the
  // answers away in an excerpt; exercises' solutions likewise. The questions and hints stay.
  '.quiz__feedback',
  '.exercise__solution',
  // The <style> inside every diagram's SVG.
  'svg style',
];

/** Pagefind's ready-made search interfaces: the site has its own (src/client/search.ts). */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexSummary {
  /** Indexed pages per language. */
  pages: Record<string, number>;
  files: number;
  bytes: number;
}

/** Indexes the built site in `site` and writes the bundle to `site`/pagefind/. */
export async function buildSearchIndex(site: string): Promise<SearchIndexSummary> {
  const fail = (what: string, errors: string[]) => {
    throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED });
    if (!index) return fail('creating the index', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) fail(`indexing ${site}`, added.errors);
    const { files, errors: getErrors } = await index.getFiles();
    if (getErrors.length > 0) fail('building the index', getErrors);

    const out = path.join(site, SEARCH_BUNDLE.replace(/^\/|\/$/g, ''));
    let bytes = 0;
    let written = 0;
    let entry: { languages?: Record<string, { page_count: number }> } = {};
    for (const file of files) {
      if (UNUSED_FILES.test(file.path)) continue;
      const target = path.join(out, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      bytes += file.content.byteLength;
      written += 1;
      if (file.path === 'pagefind-entry.json') entry = JSON.parse(Buffer.from(file.content).toString('utf8'));
    }
    const pages = Object.fromEntries(
      Object.entries(entry.languages ?? {}).map(([lang, { page_count }]) => [lang, page_count]),
    );
    // A locale without pages means the data-pagefind-body markers went missing: its readers
    // would search an empty index without anyone noticing.
    const empty = LOCALES.filter((locale) => !pages[locale]);
    if (empty.length > 0)
      throw new Error(
        `search index: no indexed pages in ${empty.join(', ')} (is data-pagefind-body still on the lesson <article>?)`,
      );
    return { pages, files: written, bytes };
  } finally {
    await pagefind.close();
  }
}

/** The module whose default export is the URL of the search dialog's code (search-chunk.d.ts). */
const CHUNK_MODULE = 'virtual:dockside-search-chunk';
const SEARCH_CLIENT = fileURLToPath(new URL('../client/search.ts', import.meta.url));

/**
 * The dialog's code (src/client/search.ts) as a chunk of its own that site.ts imports by URL when
 * search opens. A plain `import('./search.ts')` would do the same, but Vite then adds its
 * module-preload helper to site.ts: about 0.7 KB gzip on every page, for a chunk with nothing to preload.
 */
function searchChunkPlugin(): Plugin {
  let serve = false;
  return {
    name: 'dockside:search-chunk',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === CHUNK_MODULE ? `\0${CHUNK_MODULE}` : undefined;
    },
    load(id) {
      if (id !== `\0${CHUNK_MODULE}`) return undefined;
      // astro dev serves source modules as they are.
      if (serve) return `export default ${JSON.stringify(`/@fs${SEARCH_CLIENT}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: SEARCH_CLIENT, name: 'search' });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'dockside:search-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [searchChunkPlugin()] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, files, bytes } = await buildSearchIndex(fileURLToPath(dir));
        const counts = Object.entries(pages)
          .map(([lang, count]) => `${lang} ${count}`)
          .join(', ');
        logger.info(
          `search index: ${counts} pages, ${files} files, ${(bytes / 1024).toFixed(0)} KB in ${SEARCH_BUNDLE} (${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}
