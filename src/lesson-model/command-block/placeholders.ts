/**
 * Placeholders stand for output that changes on every run (IDs, sizes, times).
 * The reader sees a labelled chip; the snippet suite and the follow-along runner
 * turn each kind into a regular expression when they compare output.
 * This table is the only definition of the kinds: add one here and every consumer knows it.
 */
import type { Locale } from '../../i18n/locales.ts';

export const PLACEHOLDER_KINDS = {
  id: { pattern: '[0-9a-f]{12}(?:[0-9a-f]{52})?', example: '3f4e5d6c7b8a' },
  digest: { pattern: 'sha256:[0-9a-f]{64}', example: 'sha256:…' },
  hex: { pattern: '[0-9a-f]+', example: '9f2c' },
  int: { pattern: '\\d+', example: '42' },
  number: { pattern: '\\d+(?:\\.\\d+)?', example: '4.2' },
  size: { pattern: '\\d+(?:\\.\\d+)?\\s?(?:[kKMGT]i?B|B)', example: '12.3MB' },
  ip: { pattern: '\\d{1,3}(?:\\.\\d{1,3}){3}', example: '172.17.0.2' },
  name: { pattern: '[a-z]+_[a-z]+', example: 'eager_turing' },
  time: { pattern: '.+?', example: '2 seconds ago' },
  version: { pattern: 'v?\\d+(?:\\.\\d+)*(?:[-+~][0-9A-Za-z.+~-]*)?', example: '29.0.1' },
  any: { pattern: '.*?', example: 'anything' },
} as const;

export type PlaceholderKind = keyof typeof PLACEHOLDER_KINDS;

/**
 * What the reader sees on a placeholder the author gave no label of its own (`{{id}}`), per language.
 * The one table of them: the page's chips, and the diffs of the snippet suite and the follow-along
 * runner (in English) read it. Typed by kind, so a new kind without labels does not compile.
 */
export const PLACEHOLDER_LABELS: Record<Locale, Record<PlaceholderKind, string>> = {
  en: {
    id: 'ID',
    digest: 'digest',
    hex: 'hex',
    int: 'number',
    number: 'number',
    size: 'size',
    ip: 'IP address',
    name: 'random name',
    time: 'time',
    version: 'version',
    any: '…',
  },
  ko: {
    id: 'ID',
    digest: '다이제스트',
    hex: '16진수',
    int: '숫자',
    number: '숫자',
    size: '크기',
    ip: 'IP 주소',
    name: '임의 이름',
    time: '시간',
    version: '버전',
    any: '…',
  },
};

export function isPlaceholderKind(kind: string): kind is PlaceholderKind {
  return Object.hasOwn(PLACEHOLDER_KINDS, kind);
}

/** The whole-line placeholder that stands for any number of output lines, including none. */
export const ELISION = '{{...}}';
