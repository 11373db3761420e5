/**
 * Page weight of the built site (dist/) against the budget, per lesson page:
 *
 *   npx tsx scripts/bench/page-weight.ts [--no-browser]     (`npm run bench` builds first)
 *
 * 1. From the HTML: every script (<script src>, inline <script>) and every style (<link
 *    rel=stylesheet>, inline <style>, including those inside inline SVGs), each gzipped at level 9,
 *    summed per page. Budget: JS <= 4 KB, CSS <= 10 KB (1 KB = 1024 bytes, gzip).
 * 2. In Chromium, through `astro preview` on 127.0.0.1: every request the page really makes,
 *    by resource type, with the bytes transferred; requests to other origins and font requests
 *    must both be 0, and the scripts and stylesheets fetched must be the ones the HTML names.
 * 3. Then search is opened (the header button) and a word of the page's language searched: what
 *    that loads on top (the dialog's chunk, Pagefind's JS, its WebAssembly, the index), each file
 *    gzipped at level 9 like the above (the WebAssembly and the index are compressed already).
 *    Nothing of it may load before search opens.
 *
 * Prints a table and the maximum per column; exits 1 when a page is over budget or breaks a rule.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { freePort } from '../../src/utils/freePort.ts';
import { scanTags } from '../checks/lib/html.ts';
import { listLessonFiles, readLessonFile } from '../../src/lesson-model/readLessonFile.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const KB = 1024;
const BUDGET = { js: 4 * KB, css: 10 * KB };
const useBrowser = !process.argv.includes('--no-browser');

const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => (bytes / KB).toFixed(2);

interface Asset {
  kind: 'js' | 'css';
  /** A URL path for files, `inline` for inline code. */
  source: string;
  bytes: number;
  gzip: number;
}

/** A site file named by an absolute URL path (/_astro/x.js), or undefined for other origins. */
function fileOf(url: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  return path.join(DIST, decodeURIComponent(url.split(/[?#]/)[0]!));
}

/** JS modules a module imports statically (Astro's chunks), followed recursively. */
function importsOf(code: string): string[] {
  return [
    ...code.matchAll(/(?:\bimport\s*(?:[^'"()]*?\sfrom\s*)?|\bimport\s*\(\s*)["'](\/[^"']+\.js)["']/g),
  ].map((match) => match[1]!);
}

/** Scripts and styles a page's HTML makes the browser load, with their gzip sizes. */
function assetsOf(html: string): { assets: Asset[]; urls: Set<string> } {
  const assets: Asset[] = [];
  const urls = new Set<string>();
  const seen = new Set<string>();
  const addFile = (kind: Asset['kind'], url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    urls.add(url);
    const file = fileOf(url);
    if (!file || !existsSync(file)) {
      assets.push({ kind, source: `${url} (missing!)`, bytes: 0, gzip: 0 });
      return;
    }
    const content = readFileSync(file);
    assets.push({ kind, source: url, bytes: content.length, gzip: gzipped(content) });
    if (kind === 'js') for (const imported of importsOf(content.toString('utf8'))) addFile('js', imported);
    if (kind === 'css')
      for (const [, imported] of content.toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g))
        addFile('css', imported!);
  };

  for (const tag of scanTags(html)) {
    const { attributes, body = '' } = tag;
    if (tag.name === 'script') {
      const type = (attributes.get('type') ?? '').toLowerCase();
      // Data blocks (JSON, import maps) are not code the page runs.
      if (type && type !== 'module' && !type.includes('javascript')) continue;
      const src = attributes.get('src');
      if (src !== undefined) addFile('js', src);
      else if (body.trim()) {
        assets.push({ kind: 'js', source: 'inline', bytes: Buffer.byteLength(body), gzip: gzipped(body) });
        for (const imported of importsOf(body)) addFile('js', imported);
      }
    } else if (tag.name === 'link') {
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attributes.get('href');
      if (href === undefined) continue;
      if (rel.includes('stylesheet')) addFile('css', href);
      else if (rel.includes('modulepreload')) addFile('js', href);
    } else if (tag.name === 'style' && body.trim()) {
      assets.push({ kind: 'css', source: 'inline', bytes: Buffer.byteLength(body), gzip: gzipped(body) });
    }
  }
  return { assets, urls };
}

interface BrowserLoad {
  requests: number;
  transferred: number;
  byType: Map<string, { count: number; bytes: number }>;
  offOrigin: string[];
  fonts: string[];
  /** Same-origin scripts and stylesheets fetched, as URL paths. */
  fetched: Set<string>;
  /** Same-origin files fetched after search opened, as URL paths; undefined when it did not open. */
  search?: Set<string>;
  /** Search files fetched before search opened (must be none). */
  searchEarly: string[];
  /** Results shown for the search word. */
  searchResults: number;
}

/** What search loads, when it opens. */
const isSearchPath = (pathname: string) => /^\/pagefind\/|^\/_astro\/search\./.test(pathname);
/** A word of each language the bench searches for. */
const SEARCH_WORDS: Record<string, string> = { en: 'container', ko: '컨테이너' };

interface SearchWeight {
  js: number;
  wasm: number;
  index: number;
  files: number;
}

/** The gzip sizes of what search fetched: JS, WebAssembly and index (Pagefind compresses those two). */
function searchWeight(paths: Set<string>): SearchWeight {
  const weight: SearchWeight = { js: 0, wasm: 0, index: 0, files: 0 };
  for (const url of paths) {
    const file = fileOf(url);
    if (!file || !existsSync(file)) continue;
    const content = readFileSync(file);
    weight.files += 1;
    if (url.endsWith('.js')) weight.js += gzipped(content);
    else if (/\/wasm\.[^/]+\.pagefind$/.test(url)) weight.wasm += content.length;
    else weight.index += url.endsWith('.json') ? gzipped(content) : content.length;
  }
  return weight;
}

async function startPreview(): Promise<{ origin: string; server: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // --ignore-lock keeps astro in the foreground (see playwright.config.ts).
  const server = spawn(
    'npx',
    ['--no-install', 'astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/en/`)).ok) return { origin, server };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`astro preview did not answer on ${origin} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stopPreview(server: ChildProcess) {
  // npx starts astro as a child: end the whole process group we started.
  if (server.pid !== undefined && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function loadAll(paths: string[]): Promise<Map<string, BrowserLoad>> {
  const results = new Map<string, BrowserLoad>();
  const { origin, server } = await startPreview();
  const browser = await launchChromium();
  try {
    for (const pagePath of paths) {
      // A fresh context per page: empty cache, as a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const load: BrowserLoad = {
        requests: 0,
        transferred: 0,
        byType: new Map(),
        offOrigin: [],
        fonts: [],
        fetched: new Set(),
        searchEarly: [],
        searchResults: 0,
      };
      const pending: Promise<void>[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin) return;
        if (load.search) load.search.add(url.pathname);
        else if (isSearchPath(url.pathname)) load.searchEarly.push(url.pathname);
      });
      page.on('requestfinished', (request) => {
        pending.push(
          (async () => {
            const url = new URL(request.url());
            if (url.protocol === 'data:' || url.protocol === 'blob:') return;
            const sizes = await request.sizes();
            const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
            const type = request.resourceType();
            load.requests += 1;
            load.transferred += bytes;
            const entry = load.byType.get(type) ?? { count: 0, bytes: 0 };
            entry.count += 1;
            entry.bytes += bytes;
            load.byType.set(type, entry);
            if (url.origin !== origin) load.offOrigin.push(request.url());
            if (type === 'font') load.fonts.push(request.url());
            if (url.origin === origin && (type === 'script' || type === 'stylesheet'))
              load.fetched.add(url.pathname);
          })(),
        );
      });
      page.on('requestfailed', (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin) load.offOrigin.push(`${request.url()} (failed)`);
        if (request.resourceType() === 'font') load.fonts.push(`${request.url()} (failed)`);
      });
      await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
      // Scroll through the page so that anything lazy is fetched too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise(requestAnimationFrame);
        }
      });
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      // What the page loaded is counted; now open search and search a word of the page's language.
      const toggle = page.locator('.search-toggle');
      if (await toggle.isVisible()) {
        const counted = {
          ...load,
          byType: new Map([...load.byType].map(([type, entry]) => [type, { ...entry }])),
          fetched: new Set(load.fetched),
        };
        load.search = new Set();
        await toggle.click();
        const lang = (await page.getAttribute('html', 'lang')) ?? 'en';
        await page.fill('.search__input', SEARCH_WORDS[lang] ?? SEARCH_WORDS['en']!);
        await page
          .locator('.search__results a')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
        load.searchResults = await page.locator('.search__results a').count();
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
        // The page-load columns stay those of the load.
        Object.assign(load, { ...counted, search: load.search, searchResults: load.searchResults });
      }
      results.set(pagePath, load);
      await context.close();
    }
  } finally {
    await browser.close();
    stopPreview(server);
  }
  return results;
}

function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) =>
          alignRight[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ');
      return index === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

async function main() {
  if (!existsSync(path.join(DIST, 'en', 'index.html'))) {
    console.error('dist/ has no built site: run `npm run build` first (`npm run bench` does).');
    process.exit(2);
  }
  const lessons = listLessonFiles().map((file) => readLessonFile(file));
  const pages = lessons.map((lesson) => `/${lesson.locale}/${lesson.slug}/`);
  const problems: string[] = [];

  const statics = new Map<string, ReturnType<typeof assetsOf>>();
  for (const pagePath of pages) {
    const file = path.join(DIST, pagePath, 'index.html');
    if (!existsSync(file)) {
      problems.push(`${pagePath}: not built (${path.relative(ROOT, file)} is missing)`);
      continue;
    }
    statics.set(pagePath, assetsOf(readFileSync(file, 'utf8')));
  }
  const loads = useBrowser ? await loadAll([...statics.keys()]) : new Map<string, BrowserLoad>();

  const header = [
    'page',
    'JS gz KB',
    'CSS gz KB',
    '(inline <style>)',
    'JS files',
    'CSS files',
    ...(useBrowser
      ? [
          'requests',
          'by type',
          'transferred KB',
          'other origins',
          'fonts',
          'search JS gz KB',
          'search wasm KB',
          'search index KB',
          'search files',
        ]
      : []),
  ];
  const rows: string[][] = [header];
  const max = {
    js: 0,
    css: 0,
    inlineCss: 0,
    requests: 0,
    transferred: 0,
    offOrigin: 0,
    fonts: 0,
    searchJs: 0,
    searchWasm: 0,
    searchIndex: 0,
  };
  for (const [pagePath, { assets, urls }] of statics) {
    const sum = (kind: Asset['kind'], inline?: boolean) =>
      assets
        .filter(
          (asset) => asset.kind === kind && (inline === undefined || (asset.source === 'inline') === inline),
        )
        .reduce((total, asset) => total + asset.gzip, 0);
    const js = sum('js');
    const css = sum('css');
    const inlineCss = sum('css', true);
    max.js = Math.max(max.js, js);
    max.css = Math.max(max.css, css);
    max.inlineCss = Math.max(max.inlineCss, inlineCss);
    if (js > BUDGET.js) problems.push(`${pagePath}: ${kb(js)} KB of gzipped JS (budget ${kb(BUDGET.js)} KB)`);
    if (css > BUDGET.css)
      problems.push(`${pagePath}: ${kb(css)} KB of gzipped CSS (budget ${kb(BUDGET.css)} KB)`);
    for (const asset of assets)
      if (asset.source.endsWith('(missing!)')) problems.push(`${pagePath}: ${asset.source}`);
    const row = [
      pagePath,
      kb(js),
      kb(css),
      kb(inlineCss),
      String(assets.filter((asset) => asset.kind === 'js' && asset.source !== 'inline').length),
      String(assets.filter((asset) => asset.kind === 'css' && asset.source !== 'inline').length),
    ];
    const load = loads.get(pagePath);
    if (load) {
      const byType = [...load.byType]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, { count }]) => `${type} ${count}`)
        .join(', ');
      const search = load.search ? searchWeight(load.search) : undefined;
      row.push(
        String(load.requests),
        byType,
        kb(load.transferred),
        String(load.offOrigin.length),
        String(load.fonts.length),
        search ? kb(search.js) : '-',
        search ? kb(search.wasm) : '-',
        search ? kb(search.index) : '-',
        search ? String(search.files) : '-',
      );
      if (search) {
        max.searchJs = Math.max(max.searchJs, search.js);
        max.searchWasm = Math.max(max.searchWasm, search.wasm);
        max.searchIndex = Math.max(max.searchIndex, search.index);
        if (load.searchResults === 0) problems.push(`${pagePath}: search found nothing for its word`);
      } else problems.push(`${pagePath}: no search button`);
      for (const url of load.searchEarly)
        problems.push(`${pagePath}: ${url} loaded before search was opened`);
      max.requests = Math.max(max.requests, load.requests);
      max.transferred = Math.max(max.transferred, load.transferred);
      max.offOrigin = Math.max(max.offOrigin, load.offOrigin.length);
      max.fonts = Math.max(max.fonts, load.fonts.length);
      for (const url of load.offOrigin) problems.push(`${pagePath}: request to another origin: ${url}`);
      for (const url of load.fonts) problems.push(`${pagePath}: font request: ${url}`);
      // What the browser fetched must be what the HTML analysis counted, or the numbers above lie.
      const uncounted = [...load.fetched].filter((url) => !urls.has(url));
      for (const url of uncounted)
        problems.push(`${pagePath}: the browser fetched ${url}, which the HTML analysis did not count`);
    }
    rows.push(row);
  }
  rows.push([
    'max',
    kb(max.js),
    kb(max.css),
    kb(max.inlineCss),
    '',
    '',
    ...(useBrowser
      ? [
          String(max.requests),
          '',
          kb(max.transferred),
          String(max.offOrigin),
          String(max.fonts),
          kb(max.searchJs),
          kb(max.searchWasm),
          kb(max.searchIndex),
          '',
        ]
      : []),
  ]);
  rows.push([
    'budget',
    kb(BUDGET.js),
    kb(BUDGET.css),
    '',
    '',
    '',
    ...(useBrowser ? ['', '', '', '0', '0', '', '', '', ''] : []),
  ]);

  console.log(
    `Page weight of ${statics.size} lesson pages in dist/ (gzip -9 of each file and inline block, summed; 1 KB = 1024 B)`,
  );
  console.log(
    `JS gz KB is what a page loads at start; the search columns are what opening search and searching one word loads on top.\n`,
  );
  console.log(
    table(
      rows,
      header.map((_, column) => column !== 0 && column !== 7),
    ),
  );
  if (!useBrowser) console.log('\n(--no-browser: requests were not measured)');
  if (problems.length > 0) {
    console.log(`\nOver budget or against the rules (${problems.length}):`);
    for (const problem of problems) console.log(`  - ${problem}`);
    process.exit(1);
  }
  console.log('\nWithin budget.');
}

await main();
