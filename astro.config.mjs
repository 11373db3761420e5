// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';
import { CODE_THEMES } from './src/components/lesson/highlight.ts';
import { diagramsIntegration } from './src/diagrams/astroIntegration.ts';
import { remarkCommandBlocks } from './src/markdown/remarkCommandBlocks.ts';
import { remarkGlossaryLinks } from './src/markdown/remarkGlossaryLinks.ts';
import remarkMermaid from './src/markdown/remarkMermaid.ts';
import { remarkQuiz } from './src/markdown/remarkQuiz.ts';
import { remarkShownFiles } from './src/markdown/remarkShownFiles.ts';
import { SITE, absoluteUrl } from './src/site.config.ts';
import { securityHeadersIntegration } from './src/security/csp.ts';
import { searchIndexIntegration } from './src/search/searchIndex.ts';

/** Pages that are not content: the root only redirects to /en/, and the 404 page is noindex. */
const NOT_IN_SITEMAP = new Set([absoluteUrl('/'), absoluteUrl('/404/')]);

// Lessons need remark plugins (command blocks, diagrams), so we opt back into unified
// instead of Astro 7's default Sätteri processor. MDX follows markdown.processor.
export default defineConfig({
  // The public URL lives in src/site.config.ts, beside the repository URL.
  site: SITE.url,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    diagramsIntegration(),
    securityHeadersIntegration(),
    // After the pages are written: the Pagefind index in dist/pagefind/ (src/search/searchIndex.ts).
    searchIndexIntegration(),
    sitemap({
      filter: (page) => !NOT_IN_SITEMAP.has(page),
      // Each lesson lists its other-language version (xhtml:link), like the pages' hreflang links.
      i18n: {
        defaultLocale: DEFAULT_LOCALE,
        locales: Object.fromEntries(LOCALES.map((locale) => [locale, locale])),
      },
    }),
  ],
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Mermaid first, so Shiki never sees a diagram fence. Glossary links last: by then every fence
    // (commands, diagrams, shown files, the quiz) is an element whose text is not prose.
    processor: unified({
      remarkPlugins: [remarkMermaid, remarkCommandBlocks, remarkShownFiles, remarkQuiz, remarkGlossaryLinks],
    }),
    // wrap: null keeps Astro from adding `overflow-x: auto` as an inline style on every <pre>
    // (global.css sets it); inline style attributes fail html-validate's no-inline-style.
    shikiConfig: { themes: CODE_THEMES, defaultColor: false, wrap: null },
  },
  build: { inlineStylesheets: 'never' },
  // Scripts stay files under /_astro/ (never inlined into the page), so the Content-Security-Policy
  // allows them as 'self' and needs a hash for the theme script only (src/security/csp.ts).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
