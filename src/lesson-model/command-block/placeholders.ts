/**
 * Placeholders stand for output that changes on every run (IDs, sizes, times).
 * The reader sees a labelled chip; the snippet suite and the follow-along runner
 * turn each kind into a regular expression when they compare output.
 * This table is the only definition of the kinds: add one here and every consumer knows it.
 */
export const PLACEHOLDER_KINDS = {
  id: { pattern: '[0-9a-f]{12}(?:[0-9a-f]{52})?', label: 'ID', example: '3f4e5d6c7b8a' },
  digest: { pattern: 'sha256:[0-9a-f]{64}', label: 'digest', example: 'sha256:…' },
  hex: { pattern: '[0-9a-f]+', label: 'hex', example: '9f2c' },
  int: { pattern: '\\d+', label: 'number', example: '42' },
  number: { pattern: '\\d+(?:\\.\\d+)?', label: 'number', example: '4.2' },
  size: { pattern: '\\d+(?:\\.\\d+)?\\s?(?:[kKMGT]i?B|B)', label: 'size', example: '12.3MB' },
  ip: { pattern: '\\d{1,3}(?:\\.\\d{1,3}){3}', label: 'IP address', example: '172.17.0.2' },
  name: { pattern: '[a-z]+_[a-z]+', label: 'random name', example: 'eager_turing' },
  time: { pattern: '.+?', label: 'time', example: '2 seconds ago' },
  version: { pattern: 'v?\\d+(?:\\.\\d+)*(?:[-+~][0-9A-Za-z.+~-]*)?', label: 'version', example: '29.0.1' },
  any: { pattern: '.*?', label: '…', example: 'anything' },
} as const;

export type PlaceholderKind = keyof typeof PLACEHOLDER_KINDS;

export function isPlaceholderKind(kind: string): kind is PlaceholderKind {
  return Object.hasOwn(PLACEHOLDER_KINDS, kind);
}

/** The whole-line placeholder that stands for any number of output lines, including none. */
export const ELISION = '{{...}}';
