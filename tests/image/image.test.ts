/**
 * The site image on the real engine: `docker build` from the repository (the dist/ that
 * `npm run build` or `npm run check` made), then `docker run --read-only --tmpfs /tmp` with every
 * capability dropped, and every page of dist/ fetched from it: status, the security headers (the
 * policy of src/security/csp.ts), caching, gzip, and every same-origin URL a page refers to (scripts,
 * stylesheets, links, icons) answering 200. Takes the engine lock like the snippet suite, and removes
 * the container and the image it made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanHtml } from '../../scripts/checks/lib/html.ts';
import { docker, startSiteImage, type RunningImage } from '../../scripts/site-image.ts';
import { HEADER_CSP, SECURITY_HEADERS } from '../../src/security/csp.ts';
import { SEARCH_BUNDLE } from '../../src/search/bundle.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');

/** The pages of dist/ as URL paths: dist/en/images/index.html → /en/images/ */
function pagesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map(
      (entry) => `/${path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`,
    )
    .map((file) => (file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}

let image: RunningImage | undefined;
let base = '';
let TAG = '';
let NAME = '';

beforeAll(async () => {
  image = await startSiteImage({ root: ROOT, label: 'image-test' });
  ({ base, tag: TAG, container: NAME } = image);
  console.log(`image built in ${image.buildSeconds.toFixed(1)} s`);
});

afterAll(() => image?.stop());

function expectSecurityHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers.get(name), `${name} of ${what}`).toBe(value);
}

describe('the site image', () => {
  it('runs as a non-root user, on port 8080, with a health check', () => {
    const config = JSON.parse(docker(['image', 'inspect', '--format', '{{json .Config}}', TAG])) as {
      User: string;
      ExposedPorts: Record<string, object>;
      Healthcheck?: { Test: string[] };
    };
    expect(config.User).toBe('101:101');
    // 80/tcp is the nginx image's own EXPOSE, which a Dockerfile cannot take back; nothing listens there.
    expect(Object.keys(config.ExposedPorts)).toContain('8080/tcp');
    expect(config.Healthcheck?.Test.join(' ')).toContain('/healthz');
    expect(docker(['exec', NAME, 'id', '-u'])).toBe('101');
  });

  it('serves every page of dist/ with the security headers, and no page refers to a missing file', async () => {
    const pages = pagesOf(DIST);
    expect(pages.length).toBeGreaterThan(10);
    const referenced = new Map<string, string>();
    for (const page of pages) {
      const response = await fetch(base + page, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-encoding'), `${page} gzipped`).toBe('gzip');
      expect(response.headers.get('cache-control'), page).toBe('no-cache');
      expectSecurityHeaders(response, page);
      const html = await response.text();
      expect(html, `${page} is the page in dist/`).toBe(
        readFileSync(path.join(DIST, page.endsWith('/') ? `${page}index.html` : page), 'utf8'),
      );
      for (const link of scanHtml(html).links) {
        const url = new URL(link.url, base + page);
        if (url.origin === base) referenced.set(url.pathname, page);
      }
    }
    expect(referenced.size).toBeGreaterThan(pages.length);
    const missing: string[] = [];
    for (const [pathname, page] of referenced) {
      const response = await fetch(base + pathname);
      if (response.status !== 200) missing.push(`${pathname} (on ${page}): ${response.status}`);
      if (pathname.startsWith('/_astro/'))
        expect(response.headers.get('cache-control'), pathname).toBe('public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
    expect(missing, 'URLs the pages refer to that the image does not serve').toEqual([]);
  });

  it('serves the search bundle: every file of dist/pagefind/, with types the search can use and the headers', async () => {
    // Nothing on a page refers to these files: the search dialog fetches them when it opens.
    const bundle = path.join(DIST, SEARCH_BUNDLE);
    const files = readdirSync(bundle, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${SEARCH_BUNDLE}${path.relative(bundle, path.join(entry.parentPath, entry.name))}`);
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ko']);
    for (const { hash, wasm } of Object.values(entry.languages)) {
      expect(files).toContain(`${SEARCH_BUNDLE}pagefind.${hash}.pf_meta`);
      expect(files).toContain(`${SEARCH_BUNDLE}wasm.${wasm ?? 'unknown'}.pagefind`);
    }
    for (const file of files) {
      const response = await fetch(base + file, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status, file).toBe(200);
      expectSecurityHeaders(response, file);
      const type = response.headers.get('content-type') ?? '';
      // The scripts (pagefind.js and its Web Worker) must be JavaScript, as X-Content-Type-Options: nosniff
      // demands; the worker's Content-Security-Policy (checked above) must let it compile WebAssembly.
      if (file.endsWith('.js')) {
        expect(type, file).toMatch(/^(?:application|text)\/javascript\b/);
        expect(response.headers.get('content-encoding'), `${file} gzipped`).toBe('gzip');
      }
      // The WebAssembly and the index are compressed by Pagefind, which fetches and unpacks them itself.
      else if (/\.(?:pagefind|pf_meta|pf_index|pf_fragment)$/.test(file))
        expect(type, file).toBe('application/octet-stream');
      else expect(type, file).toMatch(/^application\/json\b/);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(readFileSync(path.join(DIST, file))), `${file} is the file in dist/`).toBe(true);
    }
    expect(HEADER_CSP).toContain("'wasm-unsafe-eval'");
  });

  it('sends robots.txt and the sitemap', async () => {
    for (const file of ['/robots.txt', '/sitemap-index.xml', '/sitemap-0.xml']) {
      const response = await fetch(base + file);
      expect(response.status, file).toBe(200);
      expectSecurityHeaders(response, file);
    }
  });

  it('answers an unknown page with the 404 page and the headers, and adds the trailing slash', async () => {
    const missing = await fetch(`${base}/en/no-such-lesson/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(path.join(DIST, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toBe(HEADER_CSP);

    const bare = await fetch(`${base}/en/images`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/en/images/');
  });

  it('does not serve the build’s nginx include or other dotfiles', async () => {
    expect((await fetch(`${base}/.nginx/security-headers.conf`)).status).toBe(404);
  });
});
