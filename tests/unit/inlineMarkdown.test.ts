/** One line of Markdown as HTML, for the quiz: inline formatting renders, raw HTML does not. */
import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../src/markdown/inlineMarkdown.ts';

describe('inlineMarkdown', () => {
  it('renders code and emphasis without a wrapping paragraph', () => {
    expect(inlineMarkdown('What does `--rm` do, *exactly*?')).toBe(
      'What does <code>--rm</code> do, <em>exactly</em>?',
    );
  });
  it('escapes text and drops raw HTML', () => {
    expect(inlineMarkdown('a < b & <script>alert(1)</script>')).toBe('a &#x3C; b &#x26; alert(1)');
  });
  it('keeps a line that Markdown would read as a block as its text', () => {
    expect(inlineMarkdown('# not a heading')).toBe('# not a heading');
  });
});
