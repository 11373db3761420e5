/**
 * Drives a program in a real pseudo-terminal, as a person would: tmux runs it, send-keys types,
 * capture-pane reads the screen (with its scrollback).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export class TerminalSession {
  readonly name = `dockside-test-${randomBytes(4).toString('hex')}`;

  /** `cwd` is where the program starts: the repository unless a test says otherwise. */
  constructor(command: string, env: Record<string, string> = {}, cwd = process.cwd()) {
    const exports = Object.entries(env).map(([key, value]) => `${key}='${value.replace(/'/g, `'\\''`)}'`);
    // `; sleep` keeps the pane after the program exits, so its last words can be read.
    const script = `cd '${cwd}' && env ${exports.join(' ')} ${command}; echo "[exit $?]"; sleep 600`;
    execFileSync('tmux', ['new-session', '-d', '-s', this.name, '-x', '120', '-y', '50', script]);
  }

  /** Types keys: text is typed literally; 'Enter', 'C-c' and the like are key names. */
  send(...keys: string[]): void {
    for (const key of keys) {
      const named = /^(Enter|C-c|Escape)$/.test(key);
      execFileSync('tmux', ['send-keys', '-t', this.name, ...(named ? [] : ['-l']), key]);
    }
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-J', '-S', '-', '-t', this.name], {
      encoding: 'utf8',
    });
  }

  /** Waits until the screen shows the text (or matches), then returns the screen. */
  async waitFor(expected: string | RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(expected)}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Counts how often the text is on screen now (to wait for the next prompt of the same kind). */
  count(text: string): number {
    return this.screen().split(text).length - 1;
  }

  close(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name]);
    } catch {
      // already gone
    }
  }
}
