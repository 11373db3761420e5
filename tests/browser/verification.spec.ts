/**
 * What each lesson page says about verification is what its record proves (content/verified/<slug>.json,
 * read through src/lesson-model/verification.ts): the line under the description, in the page's language,
 * and on each runnable block whether it is the block that passed. A block that changed after the
 * recorded pass carries a visible "Not yet verified" label whose explanation screen readers get too.
 */
import {
  readRecord,
  compareWithRecord,
  contentDirOf,
  summarize,
} from '../../src/lesson-model/verification.ts';
import { relativeToRepo } from '../../src/lesson-model/readLessonFile.ts';
import { UI } from '../../src/i18n/ui.ts';
import path from 'node:path';
import { LESSONS, commandBlock, expect, reveal, test } from './site.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

for (const lesson of LESSONS) {
  test(`${lesson.path} says what its verification record proves`, async ({ page }) => {
    const absolute = path.join(REPO, lesson.source.file);
    const record = readRecord(contentDirOf(absolute), lesson.slug);
    const verification = compareWithRecord(lesson.source.blocks, lesson.source.files, record);
    const summary = summarize(verification);
    const ui = UI[lesson.locale];

    await page.goto(lesson.path);
    const line = page.locator('.lesson__meta .lesson__verification');
    await expect(line, relativeToRepo(absolute)).toHaveText(ui.verification(summary));
    await expect(line).toHaveAttribute('data-state', summary.state);
    if (summary.state !== 'none') {
      await expect(line).toContainText(summary.engineVersion!);
      await expect(line).toContainText(String(summary.commands));
    }

    for (const found of lesson.source.blocks) {
      const cmd = commandBlock(page, found);
      const where = `${found.block.file}:${found.block.line}`;
      const status = verification.blocks.find((block) => block.found.block.line === found.block.line);
      if (!status) {
        // PowerShell and norun blocks never run, so they say nothing about verification.
        await expect(cmd, where).not.toHaveAttribute('data-verified');
        await expect(cmd.locator('.cmd__unverified'), where).toHaveCount(0);
        continue;
      }
      await expect(cmd, where).toHaveAttribute('data-verified', String(status.verified));
      const label = cmd.locator('.cmd__unverified');
      if (record && !status.verified) {
        await reveal(page, cmd);
        await expect(label, where).toBeVisible();
        await expect(label, where).toContainText(ui.blockUnverified);
        // The explanation is in the label's text, so a screen reader reads it with the caption.
        await expect(label, where).toContainText(ui.blockUnverifiedHint);
      } else {
        // Verified, or a lesson with no record at all: the line above says so once, not on every block.
        await expect(label, where).toHaveCount(0);
      }
    }
  });
}
