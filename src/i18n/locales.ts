/**
 * The site's languages: the one list. Lessons live in content/lessons/<locale>/, pages under /<locale>/,
 * and the follow-along runner speaks each of them. Adding a language starts here.
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of `/` and of the runner when the environment names none of ours. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly (string | undefined)[]).includes(value);
}
