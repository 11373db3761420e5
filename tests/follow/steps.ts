/** Driving the runner's steps in a TerminalSession: the follow-along and package tests share these. */
import type { TerminalSession } from './terminalSession.ts';

export const keysPrompt = 'Enter run · s skip · q quit ›';
/** An exercise waits with its own keys (Enter checks the learner's work). */
export const exercisePrompt = 'Enter check my work';

/** Verdicts the runner has printed on step outputs so far. */
export const verdicts = (session: TerminalSession) =>
  session.count('✓ Output matches the lesson.') + session.count('✗ Output differs');

/** Waits for the n-th prompt (counting from 1), a step's or an exercise's: both take q and Ctrl-C. */
export async function prompt(session: TerminalSession, n: number) {
  const deadline = Date.now() + 60_000;
  while (session.count(keysPrompt) + session.count(exercisePrompt) < n) {
    if (Date.now() > deadline) throw new Error(`no step prompt ${n}; the screen shows:\n${session.screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Presses Enter on the current step and waits for the runner's verdict on its output. */
export async function runStep(session: TerminalSession) {
  const before = verdicts(session);
  session.send('Enter');
  const deadline = Date.now() + 120_000;
  while (verdicts(session) === before) {
    if (Date.now() > deadline) throw new Error(`no verdict; the screen shows:\n${session.screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
