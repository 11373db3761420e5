/**
 * Talking to the learner: colours, single-key answers, yes/no questions and a line of input.
 * With a terminal, keys are read raw (Enter, s, q, y, n, Ctrl-C arrive at once, without Enter);
 * without one (--yes, pipes, CI) nothing is asked and every question takes its default answer.
 */
import { emitKeypressEvents } from 'node:readline';
import { createInterface } from 'node:readline/promises';
import { paint } from '../utils/paint.ts';

export type Key = 'enter' | 'ctrl-c' | string;

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

export class Terminal {
  readonly interactive: boolean;
  /** --yes: every question is answered yes, without asking. */
  private readonly assumeYes: boolean;
  private keyWaiters: ((key: Key) => void)[] = [];
  /** Called for Ctrl-C when nobody is waiting for a key (a command is running). */
  onInterrupt: (() => void) | undefined;

  constructor(
    private readonly input: NodeJS.ReadStream = process.stdin,
    private readonly output: NodeJS.WriteStream = process.stdout,
    options: { assumeYes?: boolean } = {},
  ) {
    this.assumeYes = options.assumeYes ?? false;
    this.interactive = Boolean(input.isTTY) && !this.assumeYes;
  }

  /** Colour only when the output is a terminal and NO_COLOR is not set. */
  paint(style: Style, text: string): string {
    return paint(style, text, this.output);
  }

  write(text: string): void {
    this.output.write(text);
  }

  line(text = ''): void {
    this.output.write(`${text}\n`);
  }

  /** Starts raw key reading; call once, after any line input. */
  startKeys(): void {
    if (!this.interactive) return;
    emitKeypressEvents(this.input);
    this.input.setRawMode(true);
    this.input.resume();
    this.input.on(
      'keypress',
      (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
        const name: Key =
          key?.ctrl && key.name === 'c'
            ? 'ctrl-c'
            : key?.name === 'return' || key?.name === 'enter'
              ? 'enter'
              : (text ?? key?.name ?? '').toLowerCase();
        const waiter = this.keyWaiters.shift();
        if (waiter) waiter(name);
        else if (name === 'ctrl-c') this.onInterrupt?.();
      },
    );
  }

  stop(): void {
    if (this.interactive) {
      this.input.setRawMode(false);
      this.input.pause();
    }
  }

  /** Waits for one of the keys; `fallback` is the answer without a terminal. */
  async key(allowed: readonly Key[], fallback: Key): Promise<Key> {
    if (!this.interactive) return fallback;
    for (;;) {
      const key = await new Promise<Key>((resolve) => this.keyWaiters.push(resolve));
      if (allowed.includes(key) || key === 'ctrl-c') return key;
    }
  }

  /** y/n question; Enter takes the default. Without a terminal: yes with --yes, else the default. */
  async confirm(
    question: string,
    defaultYes: boolean,
    labels: { yesNo: string; noYes: string },
  ): Promise<boolean> {
    this.write(`${this.paint('bold', question)} ${defaultYes ? labels.noYes : labels.yesNo} `);
    const key = await this.key(['y', 'n', 'enter'], this.assumeYes || defaultYes ? 'y' : 'n');
    const yes = key === 'y' || (key === 'enter' && defaultYes);
    this.line(this.interactive ? (yes ? 'y' : 'n') : `${yes ? 'y' : 'n'} (--yes)`);
    return yes;
  }

  /** A line of text, before raw key reading starts. */
  async ask(question: string): Promise<string> {
    const rl = createInterface({ input: this.input, output: this.output });
    try {
      return (await rl.question(`${question} `)).trim();
    } finally {
      rl.close();
    }
  }
}
