/**
 * Command blocks as a reader uses them: the copy button copies exactly the commands the parser
 * reads from the lesson source (no prompts, no output, continuation lines kept), prompts cannot
 * be selected, and shell tabs remember the reader's shell.
 */
import { commandsOf } from '../../src/lesson-model/command-block/parseCommandBlock.ts';
import { PROMPTS, SHELLS } from '../../src/lesson-model/command-block/types.ts';
import type { Locator, Page } from '@playwright/test';
import {
  HOME_PAGES,
  LESSONS,
  commandBlock,
  emulatePlatform,
  expect,
  openDisclosures,
  reveal,
  test,
  type LessonPage,
} from './site.ts';

test.describe('copy buttons put only the commands on the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const lesson of LESSONS) {
    test(lesson.path, async ({ page }) => {
      await page.goto(lesson.path);
      await expect(
        page.locator('.prose figure.cmd:not(.cmd--file)'),
        'one rendered block per block in the source',
      ).toHaveCount(lesson.source.blocks.length);
      await expect(page.locator('.prose figure.cmd--file'), 'one shown file per file fence').toHaveCount(
        lesson.source.files.length,
      );
      await expect(page.locator('.prose .cmd__copy'), 'a copy button on each').toHaveCount(
        lesson.source.blocks.length + lesson.source.files.length,
      );
      const copies = async (button: Locator, expected: string, where: string) => {
        // Start from something the button cannot produce, so a click that copies nothing fails.
        await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the click)'));
        await button.click();
        await expect
          .poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: where })
          .toBe(expected);
        await expect(button, `${where}: the button says it copied`).toHaveText(
          (await button.getAttribute('data-copied')) ?? 'data-copied',
        );
      };
      for (const found of lesson.source.blocks) {
        const where = `${found.block.file}:${found.block.line}`;
        const cmd = commandBlock(page, found);
        await expect(cmd, where).toHaveCount(1);
        await reveal(page, cmd);
        await copies(cmd.locator('.cmd__copy'), commandsOf(found.block), where);
      }
      // Files the lesson shows are copied whole, exactly as stored in content/files.
      for (const [index, file] of lesson.source.files.entries()) {
        const frame = page.locator('.prose figure.cmd--file').nth(index);
        await expect(frame.locator('.cmd__title')).toContainText(file.name);
        await copies(
          frame.locator('.cmd__copy'),
          file.content,
          `${lesson.source.file}:${file.line} (${file.name})`,
        );
      }
      // The follow-along box copies the command that runs this very lesson in the terminal.
      const follow = page.locator('.follow-along');
      await follow.locator('summary').click();
      const expected = `npx @dockside-dev/cli follow ${lesson.source.slug}${lesson.source.locale === 'en' ? '' : ` --lang ${lesson.source.locale}`}`;
      await copies(follow.locator('.cmd__copy'), expected, `${lesson.path} follow-along`);
      // …and tells a reader who would rather read first that the page holds the same steps.
      await expect(follow.locator('p').last()).toContainText(
        lesson.source.locale === 'en'
          ? 'Prefer to see the whole lesson first?'
          : '레슨 전체를 먼저 보고 싶다면',
      );
    });
  }
});

test.describe('a refused copy is said, not swallowed', () => {
  // One lesson per language: the message comes from the page's locale.
  const oneEach = HOME_PAGES.map((home) =>
    LESSONS.find((found) => home.includes(`/${found.locale}/`) && found.source.blocks.length > 0),
  ).filter((found): found is LessonPage => found !== undefined);
  for (const lesson of oneEach) {
    test(lesson.path, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // A browser that refuses the clipboard (no permission, an insecure context).
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('Write permission denied.')) },
        });
      });
      await page.goto(lesson.path);
      const cmd = commandBlock(page, lesson.source.blocks[0]!);
      await reveal(page, cmd);
      const button = cmd.locator('.cmd__copy');
      const failed = (await button.getAttribute('data-copy-failed')) ?? 'data-copy-failed';
      expect(failed, 'a failure message in the page language').not.toBe('');
      await button.click();
      const label = button.locator('.cmd__copy-label');
      await expect(label, 'the reader is told').toHaveText(failed);
      await expect(label, 'and a screen reader hears it').toHaveAttribute('aria-live', 'polite');
      await expect(label).toBeVisible();
      expect(errors, 'no unhandled rejection').toEqual([]);
    });
  }
});

test.describe('prompts are not selectable', () => {
  for (const lesson of LESSONS) {
    test(lesson.path, async ({ page }) => {
      await page.goto(lesson.path);
      for (const found of lesson.source.blocks) {
        const where = `${found.block.file}:${found.block.line}`;
        const cmd = commandBlock(page, found);
        await reveal(page, cmd);
        // What a reader gets by selecting the whole block (and what Ctrl+C would copy).
        const selected = await cmd.locator('.cmd__body').evaluate((body) => {
          const selection = getSelection()!;
          selection.removeAllRanges();
          const range = document.createRange();
          range.selectNodeContents(body);
          selection.addRange(range);
          return selection.toString();
        });
        const lines = selected.split('\n');
        const prompt = PROMPTS[found.block.shell];
        // The displayed lines in order: each command's lines, then its output lines.
        const expected = found.block.commands.flatMap((command) => [
          ...command.lines.map((text) => ({ command: true, text })),
          ...command.output.map(() => ({ command: false, text: '' })),
        ]);
        expect(lines.length, `${where}: one selected line per displayed line`).toBe(expected.length);
        for (const [index, line] of expected.entries()) {
          if (line.command)
            expect(lines[index], `${where}: command line ${index + 1} selected without its prompt`).toBe(
              line.text,
            );
        }
        // No line starts with a prompt, except output that really does (written \$ in the source).
        const promptLikeOutput = found.block.commands
          .flatMap((command) => command.output)
          .filter((output) => {
            const first = output.kind === 'text' ? output.segments[0] : undefined;
            return first?.kind === 'literal' && first.text.startsWith(prompt.command);
          }).length;
        expect(
          lines.filter((line) => line.startsWith(prompt.command)).length,
          `${where}: lines starting with "${prompt.command}"`,
        ).toBe(promptLikeOutput);
      }
    });
  }
});

const withTabs = (locale: string) =>
  LESSONS.filter((lesson) => lesson.locale === locale && lesson.tabGroups.length > 0);

/** Asserts that every tab group on the page shows `shell` and only `shell`. */
async function expectShell(page: Page, lesson: LessonPage, shell: string) {
  await openDisclosures(page);
  const groups = page.locator('.cmd-tabs');
  await expect(groups, `${lesson.path}: tab groups`).toHaveCount(lesson.tabGroups.length);
  await expect(page.locator('html')).toHaveAttribute('data-shell', shell);
  for (const group of await groups.all()) {
    for (const other of SHELLS) {
      const panel = group.locator(`.cmd-tabs__panel[data-shell="${other}"]`);
      const tab = group.locator(`[role="tab"][data-shell="${other}"]`);
      if ((await panel.count()) === 0) continue;
      if (other === shell) {
        await expect(panel, `${lesson.path}: ${other} panel`).toBeVisible();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
      } else {
        await expect(panel, `${lesson.path}: ${other} panel`).toBeHidden();
        await expect(tab).toHaveAttribute('aria-selected', 'false');
      }
    }
  }
}

test.describe('shell tabs', () => {
  test('the choice syncs across the tab groups of a page and persists across pages', async ({ page }) => {
    const pages = withTabs('en');
    expect(pages.length, 'English lessons with shell tabs').toBeGreaterThanOrEqual(2);
    const [first, second] = pages as [LessonPage, LessonPage, ...LessonPage[]];
    await emulatePlatform(page, 'Linux');

    await page.goto(first.path);
    await expectShell(page, first, 'bash');
    const lastGroup = page.locator('.cmd-tabs').last();
    await lastGroup.locator('[role="tab"][data-shell="powershell"]').click();
    await expectShell(page, first, 'powershell');
    expect(await page.evaluate(() => localStorage.getItem('dockside-shell'))).toBe('powershell');

    await page.goto(second.path);
    await expectShell(page, second, 'powershell');

    // The keyboard works the same way: arrow keys move between the tabs of a group.
    const tab = page.locator('.cmd-tabs').first().locator('[role="tab"][aria-selected="true"]');
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    await expectShell(page, second, 'bash');
    await expect(page.locator('.cmd-tabs').first().locator('[role="tab"][data-shell="bash"]')).toBeFocused();

    await page.goto(first.path);
    await expectShell(page, first, 'bash');
  });

  for (const locale of ['en', 'ko']) {
    for (const [os, platform, shell] of [
      ['Windows', 'Win32', 'powershell'],
      ['Linux', 'Linux x86_64', 'bash'],
      ['macOS', 'MacIntel', 'bash'],
    ] as const) {
      test(`${locale}: with no stored choice, ${os} starts on ${shell}`, async ({ page }) => {
        const [lesson] = withTabs(locale);
        expect(lesson, `a ${locale} lesson with shell tabs`).toBeDefined();
        await emulatePlatform(page, os);
        await page.goto(lesson!.path);
        expect(await page.evaluate(() => navigator.platform), `${os} emulated`).toBe(platform);
        await expectShell(page, lesson!, shell);
      });
    }
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    for (const lesson of LESSONS.filter((l) => l.tabGroups.length > 0)) {
      test(`every variant is visible on ${lesson.path}`, async ({ page }) => {
        await page.goto(lesson.path);
        await openDisclosures(page);
        const groups = page.locator('.cmd-tabs');
        await expect(groups).toHaveCount(lesson.tabGroups.length);
        for (const [index, group] of (await groups.all()).entries()) {
          const expected = lesson.tabGroups[index]!;
          const panels = group.locator('.cmd-tabs__panel');
          await expect(panels).toHaveCount(expected.length);
          for (const [n, member] of expected.entries()) {
            const panel = panels.nth(n);
            await expect(panel).toHaveAttribute('data-shell', member.block.shell);
            await expect(panel).toBeVisible();
            // Each variant says which shell it is for, since there are no tabs to say it.
            await expect(panel.locator('.cmd__shell')).toBeVisible();
          }
          // Tabs that do nothing without JavaScript are not shown.
          await expect(group.locator('[role="tablist"]')).toBeHidden();
        }
      });
    }
  });
});
