/**
 * Shiki highlighting for command blocks, in the light and dark themes at once: each token
 * carries both colours as CSS variables and global.css picks one by the page's theme.
 * One highlighter per build; creating it is the slow part.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import type { Shell } from '../../lesson-model/command-block/types.ts';

/**
 * The code themes of the whole site: command blocks, shown files and Markdown fences
 * (astro.config.mjs). Chosen for contrast: every token colour is at least 4.5:1 on --code-bg in
 * both site themes. github-light/github-dark are not (#e36209 is 3.3:1 on #f6f8fa, comments 3.6:1 on #161b22).
 */
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const;
const LANG = { bash: 'bash', powershell: 'powershell' } as const satisfies Record<Shell, string>;

let highlighter: Promise<Highlighter> | undefined;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The build's one highlighter; a language not loaded yet (a shown file's yaml, ini) is loaded on first use. */
async function highlighterFor(lang: string): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: Object.values(LANG) });
  const ready = await highlighter;
  if (!ready.getLoadedLanguages().includes(lang))
    await ready.loadLanguage(lang as Parameters<Highlighter['loadLanguage']>[0]);
  return ready;
}

/** A whole file (content/files/…) as Shiki's HTML, in both themes. */
export async function highlightFile(text: string, lang: string): Promise<string> {
  return (await highlighterFor(lang)).codeToHtml(text, { lang, themes: CODE_THEMES, defaultColor: false });
}

/** Returns one HTML string per source line of the command. */
export async function highlightCommand(text: string, shell: Shell): Promise<string[]> {
  const tokens = (await highlighterFor(LANG[shell])).codeToTokens(text, {
    lang: LANG[shell],
    themes: CODE_THEMES,
    defaultColor: false,
  });
  return tokens.tokens.map((line) =>
    line
      .map((token) => {
        const style = Object.entries(token.htmlStyle ?? {})
          .map(([key, value]) => `${key}:${value}`)
          .join(';');
        return style
          ? `<span style="${style}">${escapeHtml(token.content)}</span>`
          : escapeHtml(token.content);
      })
      .join(''),
  );
}

export { escapeHtml };
