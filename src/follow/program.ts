/**
 * The follow-along runner's command line, shared by its two entries: `npm run follow` in a clone
 * (cli.ts, lessons read from content/) and the `dockside` package (dockside.ts, lessons compiled in).
 * Only where the lessons come from and what the learner types to start it differ.
 *
 *   <command>                       the default action: list (dockside) or pick (npm run follow)
 *   <command> list                  list the lessons
 *   <command> follow [<lesson>]     follow a lesson; without one, pick it from the list
 *   <command> <lesson>              the same as follow <lesson>
 *   --lang en|ko  --yes/-y  --version/-v  --help/-h
 */
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { LessonFollower } from './followLesson.ts';
import type { FollowLesson, LessonSource } from './lessonSource.ts';
import { chooseLocale, MESSAGES, type Messages } from './messages.ts';
import { checkBash, checkDocker, removeCommand } from './preflight.ts';
import { Terminal } from './terminal.ts';

export interface Invocation {
  /** What the learner types to start the program: `dockside`, `npx @dockside-dev/cli`, `npm run follow --`. */
  command: string;
  /** What the learner types before a lesson's slug: `dockside follow`, `npm run follow --`. */
  follow: string;
  /** What the program does when given no lesson: list them (the package), or let the learner pick one. */
  byDefault: 'list' | 'pick';
}

export interface ProgramIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Terminal columns a string takes: Hangul and other wide characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(char) ? 2 : 1;
  return columns;
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const left = Math.max(...rows.map(([syntax]) => width(syntax)));
  return rows.map(([syntax, text]) => `  ${syntax}${' '.repeat(left - width(syntax) + 3)}${text}`);
}

export function helpText(say: Messages, invocation: Invocation): string {
  const { command, follow } = invocation;
  const lesson = `${follow} ${say.lessonArg}`;
  const usage: [string, string][] =
    invocation.byDefault === 'list'
      ? [
          [command, say.usageList],
          [lesson, say.usageFollow],
          [follow, say.usagePick],
        ]
      : [
          [command.replace(/ --$/, ''), say.usagePick],
          [lesson, say.usageFollow],
          [`${command} list`, say.usageList],
        ];
  return [
    say.about,
    '',
    say.usage,
    ...table(usage),
    '',
    say.options,
    ...table([
      [`--lang ${LOCALES.join('|')}`, say.optionLang],
      ['--yes, -y', say.optionYes],
      ['--version, -v', say.optionVersion],
      ['--help, -h', say.optionHelp(command)],
    ]),
    '',
    say.needs,
  ].join('\n');
}

function printList(terminal: Terminal, source: LessonSource, lessons: FollowLesson[], locale: Locale): void {
  for (const course of source.courses) {
    terminal.line();
    terminal.line(terminal.paint('cyan', course.title[locale]));
    for (const [index, entry] of lessons.entries()) {
      if (entry.frontmatter.course === course.id)
        terminal.line(
          `  ${String(index + 1).padStart(2)}. ${entry.frontmatter.title} ${terminal.paint('dim', `(${entry.slug})`)}`,
        );
    }
  }
  terminal.line();
}

/** Runs the command line; resolves to the exit status. */
export async function runProgram(
  argv: readonly string[],
  source: LessonSource,
  invocation: Invocation,
  io: ProgramIO = { stdin: process.stdin, stdout: process.stdout, env: process.env },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's own wording ("Unknown option '--x'. To specify a positional…"): its first sentence is enough.
    const problem = (error as Error).message.split(/\.\s/)[0]!;
    io.stdout.write(
      `${MESSAGES[chooseLocale(undefined, io.env)].unknownOption(problem, invocation.command)}\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(values.lang)) {
    io.stdout.write(
      `${MESSAGES[chooseLocale(undefined, io.env)].unknownOption(`--lang ${values.lang}: use ${LOCALES.join(' or ')}`, invocation.command)}\n`,
    );
    return 2;
  }
  const locale = chooseLocale(values.lang, io.env);
  const say = MESSAGES[locale];
  if (values.help || positionals[0] === 'help') {
    io.stdout.write(`${helpText(say, invocation)}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${source.version}\n`);
    return 0;
  }

  const terminal = new Terminal(io.stdin, io.stdout, { assumeYes: values.yes });
  const lessons = source.lessons(locale);
  const slugs = lessons.map((l) => l.slug).join(', ');
  const [first, second] = positionals;
  const action = first === 'list' ? 'list' : first === 'follow' || first ? 'follow' : invocation.byDefault;
  const wanted = first === 'follow' ? second : first;
  const lang = values.lang ? ` --lang ${values.lang}` : '';

  terminal.line(terminal.paint('bold', say.title));
  if (action === 'list') {
    terminal.line(say.listIntro);
    printList(terminal, source, lessons, locale);
    terminal.line(say.listFollow(invocation.follow, `${lessons[0]?.slug ?? ''}${lang}`));
    terminal.line(terminal.paint('dim', say.listMore(invocation.command)));
    return 0;
  }

  const fail = (message: string): number => {
    terminal.line(terminal.paint('red', message));
    terminal.stop();
    return 1;
  };
  let lesson = wanted ? lessons.find((l) => l.slug === wanted) : undefined;
  if (wanted && !lesson) return fail(say.unknownLesson(wanted, slugs));
  if (!lesson) {
    if (!terminal.interactive) return fail(say.nameLesson(invocation.follow, slugs));
    printList(terminal, source, lessons, locale);
    while (!lesson) {
      const answer = Number(await terminal.ask(say.pick));
      lesson = Number.isInteger(answer) ? lessons[answer - 1] : undefined;
      if (!lesson) terminal.line(say.pickAgain(lessons.length));
    }
  }

  terminal.line();
  terminal.line(
    `${terminal.paint('bold', lesson.frontmatter.title)} ${terminal.paint('dim', `· ${lesson.slug}`)}`,
  );
  terminal.line(terminal.paint('cyan', say.preflight));
  const docker = await checkDocker(say);
  if (!docker.ok) return fail(`✗ ${docker.problem}`);
  const bash = await checkBash(say);
  if (!bash.ok) return fail(`✗ ${bash.problem}`);
  terminal.line(`✓ ${docker.summary} · ${bash.summary}`);

  terminal.startKeys();
  const follower = new LessonFollower({
    lesson,
    terminal,
    say,
    again: `${invocation.follow} ${lesson.slug}${lang}`,
  });
  const { foreign, leftover } = await follower.collisions();
  if (foreign.length) {
    for (const entry of foreign)
      terminal.line(terminal.paint('red', `✗ ${say.collision(entry.kind, entry.name)}`));
    await follower.close();
    return fail(say.collisionHelp(foreign.map((entry) => `  ${removeCommand(entry).join(' ')}`).join('\n')));
  }
  if (leftover.length) {
    terminal.line(terminal.paint('yellow', say.leftover(leftover.map((entry) => entry.name).join(', '))));
    if (await terminal.confirm(say.removeLeftover, true, say)) await follower.removeNames(leftover);
  }
  follower.prepareFiles();
  const ended = await follower.run();
  // The lesson after this one in course order (the next course's first at a course's end).
  const next = lessons[lessons.indexOf(lesson) + 1];
  if (ended === 'finished')
    terminal.line(
      next
        ? say.nextLesson(next.frontmatter.title, `${invocation.follow} ${next.slug}${lang}`)
        : say.lastLesson,
    );
  terminal.stop();
  return 0;
}
