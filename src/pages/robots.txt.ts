/**
 * /robots.txt: every page may be crawled; the sitemap (written by @astrojs/sitemap, see
 * astro.config.mjs) is named with the public URL from src/site.config.ts.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
