/**
 * The npm package that carries the follow-along runner (packages/cli): its name, and the command a
 * learner types to follow a lesson with it. Lesson pages show that command; the build
 * (scripts/build-cli.ts) fails if packages/cli/package.json names the package differently.
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

export const CLI_PACKAGE = '@dockside-dev/cli';

/** `npx @dockside-dev/cli follow <slug>`, with `--lang <locale>` for a page in another language than the default. */
export function npxFollowCommand(slug: string, locale: Locale): string {
  return `npx ${CLI_PACKAGE} follow ${slug}${locale === DEFAULT_LOCALE ? '' : ` --lang ${locale}`}`;
}
