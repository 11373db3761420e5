/**
 * Every lesson ends with a link that opens its own source file in GitHub's editor, in the reader's
 * language, built from the one repository URL in src/site.config.ts.
 */
import { SITE } from '../../src/site.config.ts';
import { LESSONS, expect, test } from './site.ts';

test.describe('every lesson has an "Edit this page" link to its own file', () => {
  for (const lesson of LESSONS) {
    test(lesson.path, async ({ page }) => {
      await page.goto(lesson.path);
      const link = page.locator('.edit-link a');
      await expect(link).toHaveCount(1);
      await expect(link).toHaveAttribute(
        'href',
        `${SITE.repository}/edit/${SITE.branch}/${lesson.source.file}`,
      );
      await expect(link).toHaveText(
        lesson.locale === 'ko' ? 'GitHub에서 이 페이지 수정하기' : 'Edit this page on GitHub',
      );
    });
  }
});
