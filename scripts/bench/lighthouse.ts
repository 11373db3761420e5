/**
 * Lighthouse (mobile: its default form factor, screen and simulated throttling) on the first lesson
 * of each course in each language, against the production server: the site image (Dockerfile) built
 * from dist/ and run read-only on the Docker Engine, as in scripts/site-image.ts. Chromium is the
 * project's (DOCKSIDE_CHROMIUM, else /usr/bin/chromium), started by chrome-launcher.
 *
 *   npx tsx scripts/bench/lighthouse.ts        (part of `npm run bench`, after the build)
 *
 * Prints the four category scores per page, then every scored audit below 1 with its title, so a
 * lost point is never unexplained. Exits 1 when accessibility, best practices or SEO is below 100.
 */
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { listLessonFiles, readLessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/utils/chromium.ts';
import { startSiteImage } from '../site-image.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** These must be 100; performance depends on the machine. */
const MUST_BE_FULL = new Set(['accessibility', 'best-practices', 'seo']);

/** The first lesson (lowest order) of each course, per language: /en/what-is-docker/, … */
function benchPages(): string[] {
  const first = new Map<string, { path: string; order: number }>();
  for (const lesson of listLessonFiles().map((file) => readLessonFile(file))) {
    const key = `${lesson.locale} ${lesson.frontmatter.course}`;
    const seen = first.get(key);
    if (!seen || lesson.frontmatter.order < seen.order)
      first.set(key, { path: `/${lesson.locale}/${lesson.slug}/`, order: lesson.frontmatter.order });
  }
  return [...first.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, page]) => page.path);
}

/**
 * One Lighthouse run. On a busy machine Chromium sometimes loses the trace of the load (NO_NAVSTART,
 * NO_FCP): such a run measured nothing, so it is run again, up to three times in all.
 */
async function audit(url: string, port: number) {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt === 3) throw new Error(`Lighthouse on ${url}: ${error.message}`);
    console.log(`${url}: ${error.code}, running Lighthouse again`);
  }
}

const image = await startSiteImage({ root: ROOT, label: 'lighthouse' });
const chrome = await launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
const rows: string[][] = [['page', ...CATEGORIES]];
const below: string[] = [];
const problems: string[] = [];
try {
  for (const page of benchPages()) {
    const lhr = await audit(`${image.base}${page}`, chrome.port);
    const row = [page];
    for (const id of CATEGORIES) {
      const category = lhr.categories[id]!;
      const score = Math.round((category.score ?? 0) * 100);
      row.push(String(score));
      if (MUST_BE_FULL.has(id) && score < 100) problems.push(`${page}: ${category.title} ${score}`);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id]!;
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          below.push(
            `${page} ${id}: ${audit.title} (${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`,
          );
      }
    }
    rows.push(row);
  }
} finally {
  chrome.kill();
  image.stop();
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`Lighthouse ${'(mobile, simulated throttling)'} against the site image\n`);
for (const [index, row] of rows.entries()) {
  console.log(
    row
      .map((cell, column) => (column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  '),
  );
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
}
if (below.length) console.log(`\nScored audits below 1:\n${below.map((line) => `  - ${line}`).join('\n')}`);
if (problems.length) {
  console.log(`\nBelow 100: ${problems.join('; ')}`);
  process.exit(1);
}
