// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';
import { CODE_THEMES } from './src/components/lesson/highlight.ts';
import { diagramsIntegration } from './src/diagrams/astroIntegration.ts';
import { remarkCommandBlocks } from './src/markdown/remarkCommandBlocks.ts';
import remarkMermaid from './src/markdown/remarkMermaid.ts';
import { remarkShownFiles } from './src/markdown/remarkShownFiles.ts';

// Lessons need remark plugins (command blocks, diagrams), so we opt back into unified
// instead of Astro 7's default Sätteri processor. MDX follows markdown.processor.
export default defineConfig({
  site: 'https://dockside.dev',
  trailingSlash: 'always',
  integrations: [mdx(), diagramsIntegration()],
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Mermaid first, so Shiki never sees a diagram fence.
    processor: unified({ remarkPlugins: [remarkMermaid, remarkCommandBlocks, remarkShownFiles] }),
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
