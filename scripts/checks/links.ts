/**
 * Check "links": in the built site, every internal link and every `#anchor` leads somewhere.
 * It reads the HTML Astro wrote (dist/ after `npm run build`), so links from lessons and links
 * from the site's templates (sidebar, pager, header) are both covered, and heading anchors are the
 * ids Astro really gave the headings. A broken link written in a lesson is reported at its line in
 * the lesson's .mdx file; one from a template at the page in dist/.
 * External links (https://…) are listed, never fetched: a check must not depend on the network.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LessonError } from '../../src/lesson-model/errors.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import { SITE } from '../../src/site.config.ts';
import { contentDirFromArgs, isMain, runAlone, type CheckResult } from './lib/check.ts';
import { lineOfOffset, scanHtml, type PageScan } from './lib/html.ts';
import { nearest } from './lib/nearest.ts';

export interface LinksInput {
  /** The built site. */
  distDir: string;
  /** The content tree the site was built from, to point at the lesson line of a broken link. */
  contentDir: string;
}

/** A stand-in origin to resolve relative links with; any URL on another origin is external. */
const ORIGIN = 'http://dockside.invalid';
/** The site's public origin (src/site.config.ts): canonical and hreflang links use it, and are checked like internal ones. */
const PUBLIC_ORIGIN = new URL(SITE.url).origin;
/** A fragment every browser understands without an element: the top of the page. */
const BUILT_IN_FRAGMENTS = new Set(['', 'top']);

interface Page {
  /** The path a browser asks for: /en/images/ */
  urlPath: string;
  absolute: string;
  html: string;
  scan: PageScan;
}

export async function checkLinks({ distDir, contentDir }: LinksInput): Promise<CheckResult> {
  if (!existsSync(distDir))
    throw new Error(
      `there is no built site at ${relativeToRepo(distDir)}: run npm run build first (npm run check does)`,
    );
  const pages = new Map<string, Page>();
  for (const absolute of htmlFiles(distDir)) {
    const html = readFileSync(absolute, 'utf8');
    const urlPath = urlPathOf(path.relative(distDir, absolute));
    pages.set(urlPath, { urlPath, absolute, html, scan: scanHtml(html) });
  }

  const problems: LessonError[] = [];
  const templateProblems = new Map<string, { error: LessonError; pages: number }>();
  const external: { url: string; where: string; fromLesson: boolean }[] = [];
  let internal = 0;
  const missingTranslations = new Set<string>();

  for (const page of pages.values()) {
    for (const link of page.scan.links) {
      if (/^(mailto|tel|javascript|data|blob):/i.test(link.url)) continue;
      let url = new URL(link.url, ORIGIN + page.urlPath);
      if (url.origin === PUBLIC_ORIGIN) url = new URL(`${url.pathname}${url.search}${url.hash}`, ORIGIN);
      const source = sourceOf(page, link.url, contentDir);
      if (url.origin !== ORIGIN) {
        if (/^https?:$/.test(url.protocol))
          external.push({
            url: link.url,
            where: source ? `${source.file}:${source.line}` : relativeToRepo(page.absolute),
            fromLesson: Boolean(source),
          });
        continue;
      }
      internal += 1;
      const broken = brokenLink(url, distDir, pages, page.urlPath);
      if (!broken) continue;
      const untranslated = source ? undefined : untranslatedLesson(url, contentDir);
      if (untranslated) {
        // The language switch of a lesson that exists in one language only: the translations check
        // names that at the lesson's own file; a second line here about a template would mislead.
        missingTranslations.add(untranslated);
        continue;
      }
      if (source) {
        problems.push(
          new LessonError(source.file, source.line, `the link ${link.url} ${broken.problem}`, broken.fix),
        );
      } else {
        // From a template: the same mistake is on many pages; say it once.
        const key = `${link.url} ${broken.problem}`;
        const seen = templateProblems.get(key);
        if (seen) seen.pages += 1;
        else {
          const error = new LessonError(
            relativeToRepo(page.absolute),
            lineOfOffset(page.html, link.offset),
            `the link ${link.url} (from a template in src/) ${broken.problem}`,
            broken.fix,
          );
          templateProblems.set(key, { error, pages: 1 });
        }
      }
    }
  }
  // A link written twice in a lesson is one mistake to fix.
  const unique = [...new Map(problems.map((problem) => [problem.message, problem])).values()];
  problems.splice(0, problems.length, ...unique);
  for (const { error, pages: count } of templateProblems.values()) {
    problems.push(
      count > 1
        ? new LessonError(error.file, error.line, `${error.problem}, on ${count} pages`, error.fix)
        : error,
    );
  }

  const notes: string[] = [];
  if (missingTranslations.size)
    notes.push(
      `left out links to ${[...missingTranslations].join(', ')}: the lesson has no version in that language yet (npm run check:translations names the file)`,
    );
  const fromLessons = [
    ...new Map(external.filter((e) => e.fromLesson).map((e) => [`${e.url} ${e.where}`, e])).values(),
  ];
  const fromTemplates = new Set(external.filter((e) => !e.fromLesson).map((e) => e.url));
  if (fromLessons.length)
    notes.push(
      `external links in lessons (listed, not fetched):\n${fromLessons.map((e) => `      ${e.url}  ${e.where}`).join('\n')}`,
    );
  if (fromTemplates.size)
    notes.push(
      `${fromTemplates.size} external links from templates (not fetched), e.g. ${[...fromTemplates].slice(0, 2).join(', ')}`,
    );
  return {
    problems,
    notes,
    summary: `${internal} internal links on ${pages.size} pages, ${external.length} external links listed`,
  };
}

/** What is wrong with an internal link, or undefined when it resolves. */
function brokenLink(
  url: URL,
  distDir: string,
  pages: Map<string, Page>,
  from: string,
): { problem: string; fix: string } | undefined {
  const pathname = decodeURIComponent(url.pathname);
  const target = path.join(distDir, pathname);
  let page: Page | undefined;
  if (pathname.endsWith('/')) {
    page = pages.get(pathname);
    if (!page) {
      // Suggest a page of the same language, never the page the link is on.
      const section = pathname.split('/')[1];
      const near = nearest(
        pathname,
        [...pages.keys()].filter((p) => p !== from && p.split('/')[1] === section),
      );
      const relative = near ? `${path.posix.relative(from, near) || '.'}/` : '';
      return {
        problem: `leads to ${pathname}, which is not a page of the site`,
        fix: `${near ? `Did you mean ${relative} (${near})? ` : ''}Link to a page that exists: from a lesson, another lesson of the same language is ../<slug>/`,
      };
    }
  } else if (existsSync(target) && statSync(target).isFile()) {
    page = pages.get(pathname);
  } else if (pages.has(`${pathname}/`)) {
    return {
      problem: "has no trailing slash, and the site's addresses end with /",
      fix: `Write ${url.pathname}/${url.hash}`,
    };
  } else {
    return {
      problem: `leads to ${pathname}, which is not in the built site`,
      fix: 'Link to a page or file that exists; files for the site go in public/',
    };
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (!page || BUILT_IN_FRAGMENTS.has(fragment) || page.scan.ids.has(fragment)) return undefined;
  const headings = [...page.html.matchAll(/<h[2-6][^>]*\bid="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((id) => id !== 'objectives');
  const near = nearest(fragment, headings);
  return {
    problem: `points at #${fragment}, but ${page.urlPath} has no element with that id`,
    fix: `${near ? `Did you mean #${near}? ` : ''}A heading's anchor is its text in lower case with hyphens for spaces${
      headings.length
        ? `; this page has ${headings
            .slice(0, 6)
            .map((h) => `#${h}`)
            .join(', ')}${headings.length > 6 ? ', …' : ''}`
        : ''
    }`,
  };
}

/**
 * `/ko/<slug>/` when content/lessons/ko/<slug>.mdx does not exist but the lesson does in another
 * language: a missing translation, not a broken link.
 */
function untranslatedLesson(url: URL, contentDir: string): string | undefined {
  const match = /^\/([a-z]{2})\/([^/]+)\/$/.exec(decodeURIComponent(url.pathname));
  if (!match) return undefined;
  const [, locale, slug] = match;
  const lessons = path.join(contentDir, 'lessons');
  if (existsSync(path.join(lessons, locale!, `${slug}.mdx`)) || !existsSync(lessons)) return undefined;
  const elsewhere = readdirSync(lessons).some(
    (other) => other !== locale && existsSync(path.join(lessons, other, `${slug}.mdx`)),
  );
  return elsewhere ? url.pathname : undefined;
}

/** Where a lesson page's link is written: the first line of its .mdx that has the link's text. */
function sourceOf(page: Page, href: string, contentDir: string): { file: string; line: number } | undefined {
  const match = /^\/([a-z]{2})\/([^/]+)\/$/.exec(page.urlPath);
  if (!match) return undefined;
  const lesson = path.join(contentDir, 'lessons', match[1]!, `${match[2]}.mdx`);
  if (!existsSync(lesson)) return undefined;
  const lines = readFileSync(lesson, 'utf8').split('\n');
  const written = [`(${href})`, `(${href} `, `"${href}"`, `'${href}'`, `<${href}>`, `]: ${href}`];
  const index = lines.findIndex((line) => written.some((form) => line.includes(form)));
  return index === -1 ? undefined : { file: relativeToRepo(lesson), line: index + 1 };
}

/** dist-relative file → the path a browser asks for: en/images/index.html → /en/images/ */
function urlPathOf(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return `/${posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

if (isMain(import.meta)) {
  const at = process.argv.indexOf('--dist');
  const distDir = path.resolve(
    at === -1 ? path.resolve(import.meta.dirname, '../../dist') : process.argv[at + 1]!,
  );
  await runAlone('links', () => checkLinks({ distDir, contentDir: contentDirFromArgs() }));
}
