/**
 * Glossary links in the built site (src/markdown/remarkGlossaryLinks.ts): on every lesson page, in
 * both languages, the first use of each term the lesson model finds in the source (findFirstUses)
 * is a link to the term's entry on the glossary page of the same language, one link per term, never
 * in a heading, code, the quiz, a hint or the objectives; the link is quiet (the text's colour, a
 * dotted underline), and following it lands on the entry with that id.
 */
import AxeBuilder from '@axe-core/playwright';
import { findFirstUses, readGlossaryFile } from '../../src/lesson-model/glossary.ts';
import { LESSONS, expect, test } from './site.ts';

const { entries } = readGlossaryFile();
const LINK = 'a.glossary-link';

test('lessons in both languages have glossary links to test', () => {
  for (const locale of ['en', 'ko'] as const) {
    const linked = LESSONS.filter(
      (lesson) => lesson.locale === locale && findFirstUses(lesson.source.tree, entries, locale).length,
    );
    expect(linked.length, `${locale} lessons with a glossary term`).toBeGreaterThan(0);
  }
});

test.describe('each term links once, at its first use, to its entry', () => {
  for (const lesson of LESSONS) {
    test(lesson.path, async ({ page, origin }) => {
      await page.goto(lesson.path);
      const links = page.locator(LINK);
      const found = await links.evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: (a as HTMLAnchorElement).href,
          text: a.textContent?.replace(/\s+/g, ' ') ?? '',
          title: a.getAttribute('title') ?? '',
        })),
      );
      const expected = findFirstUses(lesson.source.tree, entries, lesson.locale).map((use) => ({
        href: `${origin}/${lesson.locale}/glossary/#${use.entry.id}`,
        text: use.found.replace(/\s+/g, ' '),
        title: use.entry[lesson.locale].definition.replace(/`/g, ''),
      }));
      // Same terms, same order, same words: the page links what the lesson model calls first uses.
      expect(found).toEqual(expected);
      // Links sit in the lesson's prose only.
      await expect(
        page.locator(
          `:is(h1, h2, h3, h4, pre, code, .objectives, .quiz, details.exercise__hint, figure) ${LINK}`,
        ),
      ).toHaveCount(0);
      await expect(page.locator(`article.prose ${LINK}`)).toHaveCount(expected.length);
    });
  }
});

for (const locale of ['en', 'ko'] as const) {
  const lesson = LESSONS.find(
    (candidate) =>
      candidate.locale === locale && findFirstUses(candidate.source.tree, entries, locale).length,
  )!;

  test(`${locale}: a glossary link is quiet and leads to its entry on the glossary page`, async ({
    page,
    origin,
  }) => {
    await page.goto(lesson.path);
    const link = page.locator(`article.prose ${LINK}`).first();
    const style = await link.evaluate((a) => {
      const own = getComputedStyle(a);
      const parent = getComputedStyle(a.parentElement!);
      return {
        colour: own.color === parent.color,
        line: own.textDecorationLine,
        style: own.textDecorationStyle,
      };
    });
    expect(style).toEqual({ colour: true, line: 'underline', style: 'dotted' });

    const id = new URL((await link.getAttribute('href'))!, origin + lesson.path).hash.slice(1);
    const term = entries.find((entry) => entry.id === id)![locale].term;
    await link.click();
    await expect(page).toHaveURL(`${origin}/${locale}/glossary/#${id}`);
    const target = page.locator(`.glossary__entry#${id}`);
    await expect(target).toHaveCount(1);
    await expect(target.locator('dfn')).toHaveText(term);
    await expect(target).toBeInViewport();
    // The glossary page itself links no term.
    await expect(page.locator(LINK)).toHaveCount(0);
  });

  test(`${locale}: a lesson page with glossary links passes axe`, async ({ page }) => {
    await page.goto(lesson.path);
    const results = await new AxeBuilder({ page }).include('article.prose').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id);
    expect(serious).toEqual([]);
  });
}
