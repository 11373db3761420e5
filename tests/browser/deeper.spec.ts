/**
 * "Going deeper" asides on the page (CONTRIBUTING.md "Going deeper"): each <Deeper title="…"> in a lesson
 * file is a closed disclosure whose summary reads "Going deeper: <title>" ("더 알아보기: …" in Korean),
 * and its content shows once the reader opens it. It is a plain <details>, so it works without
 * JavaScript as well. The asides come from the lesson files, never from a list written here.
 */
import type { Page } from '@playwright/test';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isDeeper } from '../../src/lesson-model/deeper.ts';
import { UI } from '../../src/i18n/ui.ts';
import { LESSONS, expect, test, type LessonPage } from './site.ts';

interface Aside {
  title: string;
  /** The text of the aside's first paragraph, as the lesson file writes it. */
  firstParagraph: string;
}

function asidesOf(lesson: LessonPage): Aside[] {
  const asides: Aside[] = [];
  visit(lesson.source.tree, (node) => {
    if (!isDeeper(node)) return;
    const title = node.attributes.find(
      (attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'title',
    )?.value;
    const paragraph = node.children.find((child) => child.type === 'paragraph');
    if (typeof title !== 'string' || !paragraph)
      throw new Error(`${lesson.source.file}: an aside without a title or text`);
    asides.push({ title, firstParagraph: toString(paragraph) });
  });
  return asides;
}

// The page typesets quotes (’ “ ”) and may wrap lines differently from the source; compare the words.
const words = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** The first lesson with asides in each language: what-is-docker, the first page every reader sees. */
const WITH_ASIDES = LESSONS.filter((lesson) => lesson.slug === 'what-is-docker');

async function expectAsides(page: Page, lesson: LessonPage): Promise<void> {
  const ui = UI[lesson.locale];
  const source = asidesOf(lesson);
  expect(source.length, `${lesson.source.file} has <Deeper> asides`).toBeGreaterThan(0);
  await page.goto(lesson.path);
  const shown = page.locator('details.deeper');
  await expect(shown).toHaveCount(source.length);

  for (const [index, aside] of source.entries()) {
    const details = shown.nth(index);
    const summary = details.locator(':scope > summary');
    const content = details.locator(':scope > :not(summary)').first();
    // Closed by default: only the summary shows, "Going deeper: <title>".
    await expect(details).not.toHaveAttribute('open');
    await expect(summary).toBeVisible();
    expect(words((await summary.textContent()) ?? '')).toBe(words(`${ui.goingDeeper}: ${aside.title}`));
    await expect(content).toBeHidden();

    // A click on the summary opens it and shows the aside's text.
    await summary.click();
    await expect(details).toHaveAttribute('open');
    await expect(content).toBeVisible();
    expect(words((await content.textContent()) ?? '')).toBe(words(aside.firstParagraph));

    // A second click closes it again.
    await summary.click();
    await expect(details).not.toHaveAttribute('open');
    await expect(content).toBeHidden();
  }
}

for (const lesson of WITH_ASIDES) {
  test(`${lesson.path}: "going deeper" asides are closed, titled, and open on click`, async ({ page }) => {
    await expectAsides(page, lesson);
  });

  test(`${lesson.path}: the keyboard opens an aside`, async ({ page }) => {
    await page.goto(lesson.path);
    const details = page.locator('details.deeper').first();
    await details.locator(':scope > summary').focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('open');
    await expect(details.locator(':scope > :not(summary)').first()).toBeVisible();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lesson of WITH_ASIDES) {
    test(`${lesson.path}: asides still open and close (plain <details>)`, async ({ page }) => {
      await expectAsides(page, lesson);
    });
  }
});

test('what-is-docker exists in both languages for the aside tests', () => {
  expect(WITH_ASIDES.map((lesson) => lesson.locale).sort()).toEqual(['en', 'ko']);
});
