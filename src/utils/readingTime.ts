/**
 * Minutes a lesson takes to read. Code fences are left out: a reader runs commands, not reads them.
 * Korean is counted in syllables, since word counts say little in a language that joins
 * particles to words; about 500 syllables a minute matches common Korean reading speed.
 */
import type { Locale } from '../i18n/locales.ts';

export function readingMinutes(mdx: string, locale: Locale): number {
  const prose = mdx
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<[^>]+>/g, ' ');
  const units =
    locale === 'ko'
      ? (prose.match(/[\uac00-\ud7a3]/g) ?? []).length + (prose.match(/[A-Za-z]+/g) ?? []).length
      : (prose.match(/\S+/g) ?? []).length;
  const perMinute = locale === 'ko' ? 500 : 220;
  return Math.max(1, Math.round(units / perMinute));
}
