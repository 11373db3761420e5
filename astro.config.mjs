// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { remarkCommandBlocks } from './src/markdown/remarkCommandBlocks.ts';
import { remarkShownFiles } from './src/markdown/remarkShownFiles.ts';

// Lessons need remark plugins (command blocks, diagrams), so we opt back into unified
// instead of Astro 7's default Sätteri processor. MDX follows markdown.processor.
export default defineConfig({
  site: 'https://dockside.dev',
  trailingSlash: 'always',
  integrations: [mdx()],
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    processor: unified({ remarkPlugins: [remarkCommandBlocks, remarkShownFiles] }),
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
