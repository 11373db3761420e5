/**
 * The follow-along runner, driven in a real pseudo-terminal against the real Docker Engine.
 * Uses the "What is Docker" lesson (short, one container named ds-hello) and "One image, many
 * containers" (a network named ds-net) for the name collision.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineLock } from '../../src/runtime/engineLock.ts';
import { LESSONS_DIR, readLessonFile } from '../../src/lesson-model/readLessonFile.ts';
import { engineUp, lockLessonEngine } from './engine.ts';
import { prompt, runStep } from './steps.ts';
import { TerminalSession } from './terminalSession.ts';
import { contentLessonSource } from '../../src/follow/contentLessons.ts';

const follow = 'node --import tsx src/follow/cli.ts';
const sessions: TerminalSession[] = [];
let stateHome: string;
let engineLock: EngineLock | undefined;

function start(args: string, env: Record<string, string> = {}) {
  const session = new TerminalSession(`${follow} ${args}`, {
    XDG_STATE_HOME: stateHome,
    LANG: 'C.UTF-8',
    ...env,
  });
  sessions.push(session);
  return session;
}

const exists = (kind: string, name: string) => spawnSync('docker', [kind, 'inspect', name]).status === 0;
/** Runs steps from `step` on until the lesson has made its container; returns the next step's number. */
async function runUntilHelloExists(session: TerminalSession, step: number): Promise<number> {
  for (; !exists('container', 'ds-hello'); step += 1) {
    await prompt(session, step);
    await runStep(session);
    expect(step, 'ds-hello appears within the first steps').toBeLessThan(10);
  }
  return step;
}

beforeAll(async () => {
  stateHome = mkdtempSync(path.join(os.tmpdir(), 'dockside-follow-state-'));
  if (!engineUp && process.env.CI === 'true')
    throw new Error('no Docker Engine answers; the follow-along tests need one');
  // The lessons' names are fixed (ds-hello): wait while the snippet suite runs lessons on this engine.
  engineLock = await lockLessonEngine();
}, 1_800_000);

afterAll(() => engineLock?.release());

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  if (engineUp)
    spawnSync('bash', ['-c', 'docker rm -f ds-hello $(docker ps -aq --filter name=ds-try-intro)']);
  spawnSync('docker', ['network', 'rm', 'ds-net']);
  rmSync(stateHome, { recursive: true, force: true });
  stateHome = mkdtempSync(path.join(os.tmpdir(), 'dockside-follow-state-'));
});

describe.runIf(engineUp)('following a lesson', () => {
  it('picks a lesson from the list, runs a step, skips one, and quits with cleanup', async () => {
    const session = start('');
    await session.waitFor('Which lesson? Type its number');
    const screen = session.screen();
    const number = /(\d+)\. What is Docker \(what-is-docker\)/.exec(screen)?.[1];
    expect(number, screen).toBeDefined();
    expect(screen).toContain('A Redis Cluster on Docker (redis-cluster)');
    session.send(number!, 'Enter');

    await session.waitFor(/✓ Linux .* Docker client .* engine /);
    await prompt(session, 1);
    expect(session.screen()).toMatch(/Step 1 of \d+ · /);
    expect(session.screen()).toContain('$ docker run --rm busybox:1.37');
    session.send('Enter');
    // The lesson's first step pulls busybox:1.37 when the engine does not have it yet.
    await session.waitFor(/Hello from a container\s+✓ Output matches the lesson\./, 120_000);

    // Run up to the step that creates ds-hello, skip the step after it, then quit.
    const step = await runUntilHelloExists(session, 2);
    await prompt(session, step);
    session.send('s');
    await session.waitFor('Skipped.');
    await prompt(session, step + 1);
    session.send('q');
    await session.waitFor("Run the lesson's cleanup step now");
    session.send('y');
    await session.waitFor('Bye. Come back with: npm run follow -- what-is-docker', 60_000);
    await session.waitFor('[exit 0]');
    expect(exists('container', 'ds-hello')).toBe(false);
  });

  it('runs a whole lesson without questions with --yes and leaves nothing behind', async () => {
    const session = start('what-is-docker --yes');
    const screen = await session.waitFor(/Lesson finished: (\d+) of (\d+) steps/, 180_000);
    const [, matched, ran] = /Lesson finished: (\d+) of (\d+) steps/.exec(screen)!;
    expect(matched).toBe(ran);
    // It points at the lesson after this one in course order, with the command that follows it.
    const inOrder = contentLessonSource().lessons('en');
    const after = inOrder[inOrder.findIndex((lesson) => lesson.slug === 'what-is-docker') + 1]!;
    const next = await session.waitFor(/Next lesson: .*/);
    expect(next).toContain(
      `Next lesson: ${after.frontmatter.title}. Follow it with: npm run follow -- ${after.slug}`,
    );
    await session.waitFor('[exit 0]');
    expect(exists('container', 'ds-hello')).toBe(false);
  });

  it('stops before touching a name the learner already uses', async () => {
    execFileSync('docker', ['network', 'create', 'ds-net']);
    const session = start('one-image-many-containers');
    const screen = await session.waitFor('[exit 1]');
    expect(screen).toContain('A network named "ds-net" already exists, and this runner did not make it.');
    expect(screen).toContain('docker network rm ds-net');
    expect(exists('network', 'ds-net')).toBe(true);
  });

  it('asks on Ctrl-C, and then cleans up what the lesson started', async () => {
    const session = start('what-is-docker');
    const step = await runUntilHelloExists(session, 1);
    await prompt(session, step);
    session.send('C-c');
    await session.waitFor('Stop the lesson? [y/N]');
    session.send('n');
    await prompt(session, step + 1);
    session.send('C-c');
    // The first question is still on the screen: wait for the second.
    await session.waitFor(/Stop the lesson\? \[y\/N\][^]*Stop the lesson\? \[y\/N\]/);
    session.send('y');
    await session.waitFor("Run the lesson's cleanup step now");
    session.send('Enter');
    await session.waitFor('[exit 0]', 60_000);
    expect(exists('container', 'ds-hello')).toBe(false);
  });

  it('waits at an exercise while the learner works in another terminal, then checks their engine', async () => {
    const lesson = readLessonFile(path.join(LESSONS_DIR, 'en', 'what-is-docker.mdx'));
    const exercise = lesson.exercises.find((candidate) => candidate.solution[0]!.block.exit !== 0);
    expect(
      exercise,
      'what-is-docker has an exercise whose solution ends with a failing status',
    ).toBeDefined();
    const name = /--name (\S+)/.exec(exercise!.solution[0]!.block.commands[0]!.text)![1]!;
    const session = start('what-is-docker');
    // Skip every step (and any earlier exercise) until this exercise waits.
    const atPrompt = /(Enter run · s skip · q quit|Enter check my work[^›]*) ›$/;
    /** Waits until the runner waits for a key (its prompt is the screen's last line); returns the screen. */
    const waitForPrompt = async () => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const screen = session.screen().trimEnd();
        if (atPrompt.test(screen.split('\n').at(-1)!)) return screen;
        if (Date.now() > deadline) throw new Error(`no prompt; the screen shows:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    for (let skipped = 0; ; skipped += 1) {
      const screen = await waitForPrompt();
      if (screen.includes(`Your turn: ${exercise!.title}`)) break;
      expect(skipped, 'the exercise comes within 40 steps').toBeLessThan(40);
      session.send('s');
      while (session.count('Skipped.') <= skipped) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(session.screen()).toContain(exercise!.task[0]!);

    // Enter before doing the task: the check runs on the engine and says what is missing.
    session.send('Enter');
    await session.waitFor('✗ Not yet: the lines marked ✗ are still missing.');
    expect(session.screen()).toContain(`✗ ${exercise!.check[0]!.block.commands[0]!.lines[0]}`);
    expect(session.screen()).toContain('should print:');

    // A hint, then the solution, on request; nothing runs.
    session.send('h');
    await session.waitFor(`Hint 1 of ${exercise!.hints.length}:`);
    session.send('v');
    await session.waitFor('One way to do it');
    expect(session.screen()).toContain(exercise!.solution[0]!.block.commands[0]!.lines[0]);
    expect(exists('container', name)).toBe(false);

    // The learner does it in their own terminal; Enter checks again and the step is done.
    spawnSync('bash', ['-c', exercise!.solution[0]!.block.commands.map((c) => c.text).join('\n')]);
    expect(exists('container', name)).toBe(true);
    session.send('Enter');
    await session.waitFor('✓ Done: everything the task asks for is there.');

    // What the learner made belongs to the lesson now: quitting with the cleanup removes it.
    await waitForPrompt();
    session.send('q');
    await session.waitFor("Run the lesson's cleanup step now");
    session.send('y');
    await session.waitFor('[exit 0]', 60_000);
    expect(exists('container', name)).toBe(false);
  });

  it('speaks Korean with --lang ko', async () => {
    const session = start('what-is-docker --lang ko');
    await session.waitFor('Enter 실행 · s 건너뛰기 · q 종료');
    expect(session.screen()).toContain('단계 중 1단계');
    session.send('q');
    await session.waitFor('정리 단계를 지금 실행할까요?');
    session.send('n');
    await session.waitFor('[exit 0]');
  });
});

describe('without an engine', () => {
  it('says how to start Docker', async () => {
    const session = start('what-is-docker', { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    const screen = await session.waitFor('[exit 1]');
    expect(screen).toContain('Docker is installed, but the engine does not answer');
    expect(screen).toContain('sudo systemctl start docker');
  });

  it('names the lessons when asked for one that does not exist', async () => {
    const session = start('no-such-lesson');
    const screen = await session.waitFor('[exit 1]');
    expect(screen).toMatch(/There is no lesson "no-such-lesson"\. Lessons: .*what-is-docker/);
  });
});
