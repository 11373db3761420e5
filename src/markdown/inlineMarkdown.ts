/**
 * One line of Markdown (a quiz question, answer or explanation) as HTML: `code`, *emphasis*, links.
 * Parsed by the same Markdown parser as the lessons (mdast-util-from-markdown) and written out by
 * mdast-util-to-hast and hast-util-to-html, which drop raw HTML: the text cannot inject markup.
 */
import type { PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

export function inlineMarkdown(text: string): string {
  const [first] = fromMarkdown(text).children;
  // A line that Markdown reads as a block (a heading, a list item) is shown as the text it is.
  const children: PhrasingContent[] =
    first?.type === 'paragraph' ? first.children : [{ type: 'text', value: text }];
  const paragraph = toHast({ type: 'paragraph', children });
  // The paragraph's content only: the component decides what element holds it.
  return toHtml('children' in paragraph ? paragraph.children : paragraph);
}
