/**
 * Terminal colour for every command-line tool here (npm run check, the snippet suite, npm run
 * follow): node:util's styleText, which leaves the text plain when the stream is not a terminal or
 * NO_COLOR is set.
 */
import { styleText } from 'node:util';

export type Style = Parameters<typeof styleText>[0];

export function paint(style: Style, text: string, stream: NodeJS.WritableStream = process.stdout): string {
  return styleText(style, text, { stream });
}
