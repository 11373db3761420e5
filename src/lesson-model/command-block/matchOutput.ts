/**
 * Compares what a command printed with the output a lesson promises.
 * Used by the snippet suite and the follow-along runner, so a reader and CI agree on "it worked".
 *
 * Rules: lines match in order, each as a whole line; placeholders match their kind;
 * `{{...}}` matches any number of lines. Runs of spaces count as one space, because
 * docker's tables realign their columns whenever an ID or a name has another width.
 */
import { stripVTControlCharacters } from 'node:util';
import { PLACEHOLDER_KINDS, PLACEHOLDER_LABELS } from './placeholders.ts';
import type { OutputLine } from './types.ts';

export interface OutputMatch {
  ok: boolean;
  /** A unified-style diff: "  " kept, "- " expected but missing, "+ " printed but not expected. */
  diff: string;
  /** One plain sentence on the first difference, for people. */
  explanation: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function normalizeLine(line: string): string {
  return stripVTControlCharacters(line).replace(/\s+/g, ' ').trim();
}

/** Splits captured output into lines the way a reader sees them (no trailing empty line). */
export function outputLines(actual: string): string[] {
  const lines = actual.replace(/\r\n?/g, '\n').split('\n').map(normalizeLine);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

function lineRegExp(expected: Extract<OutputLine, { kind: 'text' }>): RegExp {
  const last = expected.segments.length - 1;
  const source = expected.segments
    .map((segment, index) => {
      if (segment.kind === 'placeholder') return `(?:${PLACEHOLDER_KINDS[segment.placeholder].pattern})`;
      // Same folding as normalizeLine, but a literal's inner edges touch placeholders and keep their space.
      let text = segment.text.replace(/\s+/g, ' ');
      if (index === 0) text = text.trimStart();
      if (index === last) text = text.trimEnd();
      return escapeRegExp(text);
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** How an expected line reads to a person: placeholders shown as ‹label›. */
export function displayLine(expected: OutputLine): string {
  if (expected.kind === 'elision') return '…';
  return expected.segments
    .map((s) => (s.kind === 'literal' ? s.text : `‹${s.label ?? PLACEHOLDER_LABELS.en[s.placeholder]}›`))
    .join('');
}

export function matchOutput(expected: OutputLine[], actual: string): OutputMatch {
  const got = outputLines(actual);
  const patterns = expected.map((line) => (line.kind === 'elision' ? null : lineRegExp(line)));

  // can[i][j]: does expected[i..] match got[j..]? Filled from the end, row by row, without recursion:
  // a recursive search went one call deeper per printed line after a `{{...}}` and overflowed the stack
  // on a noisy `docker logs` (about 10,000 lines). One byte per pair; lessons expect a few dozen lines.
  const width = got.length + 1;
  const can = new Uint8Array((expected.length + 1) * width);
  can[expected.length * width + got.length] = 1;
  for (let i = expected.length - 1; i >= 0; i -= 1) {
    const pattern = patterns[i];
    for (let j = got.length; j >= 0; j -= 1) {
      const here = i * width + j;
      if (pattern === null) can[here] = can[here + width] || (j < got.length ? can[here + 1]! : 0);
      else can[here] = j < got.length && can[here + width + 1] && pattern!.test(got[j]!) ? 1 : 0;
    }
  }
  const matches = (i: number, j: number): boolean => can[i * width + j] === 1;
  if (matches(0, 0)) return { ok: true, diff: '', explanation: 'The output matched.' };

  // Walk greedily to find where they part, then show the rest as a diff.
  const diff: string[] = [];
  let i = 0;
  let j = 0;
  let explanation = '';
  while (i < expected.length || j < got.length) {
    const pattern = patterns[i];
    if (i < expected.length && pattern === null) {
      if (matches(i + 1, j) || j >= got.length) {
        diff.push('  …');
        i += 1;
      } else {
        diff.push(`  ${got[j]}`);
        j += 1;
      }
      continue;
    }
    if (i < expected.length && j < got.length && pattern!.test(got[j]!)) {
      diff.push(`  ${got[j]}`);
      i += 1;
      j += 1;
      continue;
    }
    if (!explanation) {
      if (i >= expected.length)
        explanation = `It printed more than the lesson shows, starting with: "${got[j]}".`;
      else if (j >= got.length)
        explanation = `It stopped early: the lesson expects "${displayLine(expected[i]!)}" next.`;
      else explanation = `Expected "${displayLine(expected[i]!)}" but it printed "${got[j]}".`;
    }
    if (i < expected.length) diff.push(`- ${displayLine(expected[i++]!)}`);
    if (j < got.length) diff.push(`+ ${got[j++]}`);
  }
  return { ok: false, diff: diff.join('\n'), explanation: explanation || 'The output did not match.' };
}
