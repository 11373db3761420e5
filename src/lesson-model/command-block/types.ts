import type { PlaceholderKind } from './placeholders.ts';

/** Shells a command block can be written for. Tabs group blocks of different shells. */
export const SHELLS = ['bash', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * The part a command block plays in an exercise (docs/practice.md): the reference solution, or the
 * check whose output proves the learner did the task.
 */
export const EXERCISE_ROLES = ['solution', 'check'] as const;
export type ExerciseRole = (typeof EXERCISE_ROLES)[number];

/** What the reader sees before a command, and before each continuation line, per shell. */
export const PROMPTS: Record<Shell, { command: string; continuation: string }> = {
  bash: { command: '$ ', continuation: '> ' },
  powershell: { command: 'PS> ', continuation: '>> ' },
};

export const SHELL_LABELS: Record<Shell, string> = {
  bash: 'Linux / macOS',
  powershell: 'Windows PowerShell',
};

/** Where something sits in a lesson file: 1-based line numbers of the file, not of the block. */
export interface SourceLocation {
  file: string;
  line: number;
}

export type OutputSegment =
  | { kind: 'literal'; text: string }
  /** `label` is the author's own ({{id:container ID}}); without one, readers see PLACEHOLDER_LABELS. */
  | { kind: 'placeholder'; placeholder: PlaceholderKind; label?: string | undefined };

export type OutputLine =
  | { kind: 'text'; line: number; segments: OutputSegment[] }
  /** `{{...}}` alone on a line: any number of lines, including none. */
  | { kind: 'elision'; line: number };

export interface Command {
  /** Exactly what a reader pastes: continuation lines joined with newlines, no prompts. */
  text: string;
  /** The command as displayed, one entry per source line, without prompts. */
  lines: string[];
  /** File line of the command's first line. */
  line: number;
  /** Output the lesson promises, in order. Empty means the command prints nothing. */
  output: OutputLine[];
}

export interface CommandBlock {
  shell: Shell;
  /** File line of the opening fence. */
  line: number;
  file: string;
  title?: string | undefined;
  /** Why the snippet suite cannot run this block on Linux; set only by the author. */
  norun?: string | undefined;
  /** Why this block publishes a port beyond 127.0.0.1; the command lint asks for it. */
  publicPort?: string | undefined;
  /** Seconds each command may take in the snippet suite and the follow-along runner. */
  timeout: number;
  /** Exit status the block's last command is expected to end with (0 unless the lesson shows a failure). */
  exit: number;
  /** The lesson's cleanup step: the follow-along runner offers it when a learner quits. */
  cleanup: boolean;
  /** Set inside an <Exercise>: the block is its solution or its check (src/lesson-model/exercises.ts). */
  exercise?: ExerciseRole | undefined;
  commands: Command[];
}
