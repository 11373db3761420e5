/**
 * The one parser of command blocks. The site renderer, the snippet suite and the
 * follow-along runner all call `parseCommandBlock`; nothing else reads a block's text.
 * The format is documented in docs/command-blocks.md.
 */
import { LessonError } from '../errors.ts';
import { ELISION, PLACEHOLDER_KINDS, isPlaceholderKind } from './placeholders.ts';
import {
  EXERCISE_ROLES,
  PROMPTS,
  SHELLS,
  type ExerciseRole,
  type Command,
  type CommandBlock,
  type OutputLine,
  type OutputSegment,
  type Shell,
  type SourceLocation,
} from './types.ts';

/** The fence language that marks a command block. */
export const COMMAND_BLOCK_LANG = 'console';

const DEFAULT_TIMEOUT_SECONDS = 60;
const META_KEYS = [
  'shell',
  'title',
  'norun',
  'timeout',
  'exit',
  'cleanup',
  'public-port',
  'exercise',
] as const;
type MetaKey = (typeof META_KEYS)[number];

/** Splits `shell=bash title="Run it" cleanup` into pairs; a bare word is a flag. */
export function parseFenceMeta(meta: string, at: SourceLocation): Map<string, string | true> {
  const fields = new Map<string, string | true>();
  const pattern = /([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|([^\s"]+)))?|(\S+)/g;
  for (const match of meta.matchAll(pattern)) {
    const [, key, quoted, bare, junk] = match;
    if (junk !== undefined || key === undefined) {
      throw new LessonError(
        at.file,
        at.line,
        `cannot read "${junk ?? match[0]}" in the fence line`,
        'Write options as key=value or key="value with spaces", for example: ```console shell=bash title="Start Redis"',
      );
    }
    if (fields.has(key)) {
      throw new LessonError(at.file, at.line, `option "${key}" is given twice`, 'Keep one of them.');
    }
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? true);
    fields.set(key, value);
  }
  return fields;
}

function readMeta(meta: string, at: SourceLocation) {
  const fields = parseFenceMeta(meta, at);
  for (const key of fields.keys()) {
    if (!(META_KEYS as readonly string[]).includes(key)) {
      throw new LessonError(
        at.file,
        at.line,
        `unknown command-block option "${key}"`,
        `Use only: ${META_KEYS.join(', ')} (see docs/command-blocks.md).`,
      );
    }
  }
  const text = (key: MetaKey, example: string): string | undefined => {
    const value = fields.get(key);
    if (value === true || value === '') {
      throw new LessonError(at.file, at.line, `option "${key}" needs a value`, `Write ${key}=${example}.`);
    }
    return value;
  };
  const whole = (key: MetaKey, fallback: number, min: number): number => {
    const value = text(key, String(fallback === 0 ? 1 : fallback));
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min) {
      throw new LessonError(
        at.file,
        at.line,
        `option ${key}=${value} is not a whole number of at least ${min}`,
        `Write for example ${key}=${Math.max(min, 1) * 10}.`,
      );
    }
    return Number(value);
  };

  const shellName = text('shell', 'bash') ?? 'bash';
  if (!(SHELLS as readonly string[]).includes(shellName)) {
    throw new LessonError(
      at.file,
      at.line,
      `unknown shell "${shellName}"`,
      `Write shell=${SHELLS.join(' or shell=')}.`,
    );
  }
  const cleanup = fields.get('cleanup');
  if (cleanup !== undefined && cleanup !== true) {
    throw new LessonError(
      at.file,
      at.line,
      'option "cleanup" takes no value',
      'Write the bare word cleanup.',
    );
  }
  const exercise = text('exercise', 'check');
  if (exercise !== undefined && !(EXERCISE_ROLES as readonly string[]).includes(exercise)) {
    throw new LessonError(
      at.file,
      at.line,
      `option exercise=${exercise} is not a role of an exercise block`,
      `Write exercise=${EXERCISE_ROLES.join(' or exercise=')} (see docs/practice.md).`,
    );
  }
  if (exercise !== undefined && cleanup === true) {
    throw new LessonError(
      at.file,
      at.line,
      `an exercise's ${exercise} block cannot be the lesson's cleanup block`,
      'Remove "cleanup" here; the lesson\'s own cleanup block removes what the exercises create.',
    );
  }
  return {
    shell: shellName as Shell,
    exercise: exercise as ExerciseRole | undefined,
    title: text('title', '"Start Redis"'),
    norun: text('norun', '"needs Docker Desktop on macOS"'),
    publicPort: text('public-port', '"other machines on the LAN must reach it"'),
    timeout: whole('timeout', DEFAULT_TIMEOUT_SECONDS, 1),
    exit: whole('exit', 0, 0),
    cleanup: cleanup === true,
  };
}

/** Turns one output line into literal text and placeholders, or an elision. */
export function parseOutputLine(raw: string, at: SourceLocation): OutputLine {
  if (raw.trim() === ELISION) return { kind: 'elision', line: at.line };
  const segments: OutputSegment[] = [];
  let literal = '';
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('\\{{', i)) {
      literal += '{{';
      i += 3;
      continue;
    }
    if (!raw.startsWith('{{', i)) {
      literal += raw[i];
      i += 1;
      continue;
    }
    const close = raw.indexOf('}}', i + 2);
    if (close === -1) {
      throw new LessonError(
        at.file,
        at.line,
        `placeholder "${raw.slice(i, i + 20)}" is not closed`,
        'End it with }}, as in {{id}}; write \\{{ for literal braces.',
      );
    }
    const body = raw.slice(i + 2, close);
    const [kind = '', label] = body.split(/:(.*)/s);
    if (kind === '...') {
      throw new LessonError(
        at.file,
        at.line,
        '{{...}} shares its line with other text',
        'Put {{...}} alone on its own line; inside a line use {{any}}.',
      );
    }
    if (!isPlaceholderKind(kind)) {
      throw new LessonError(
        at.file,
        at.line,
        `unknown placeholder {{${body}}}`,
        `Use one of: ${Object.keys(PLACEHOLDER_KINDS)
          .map((k) => `{{${k}}}`)
          .join(', ')}, or {{...}} alone on a line; add a label with {{id:container ID}}.`,
      );
    }
    if (literal) segments.push({ kind: 'literal', text: literal });
    literal = '';
    segments.push({ kind: 'placeholder', placeholder: kind, label: label?.trim() || undefined });
    i = close + 2;
  }
  if (literal) segments.push({ kind: 'literal', text: literal });
  return { kind: 'text', line: at.line, segments };
}

/**
 * Parses the body of a ```console fence.
 * @param source the text between the fences
 * @param meta   the rest of the opening fence line after the language
 * @param at     the file and the line of the opening fence
 */
export function parseCommandBlock(
  source: string,
  meta: string | null | undefined,
  at: SourceLocation,
): CommandBlock {
  const options = readMeta(meta ?? '', at);
  const prompt = PROMPTS[options.shell];
  const commands: Command[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  // A trailing newline before the closing fence is not an output line.
  if (lines.at(-1) === '') lines.pop();

  let current: Command | undefined;
  let continuing = false;
  lines.forEach((raw, index) => {
    const line = at.line + 1 + index;
    const here = { file: at.file, line };
    const bareCommand = prompt.command.trimEnd();
    if (raw.startsWith(prompt.command) || raw === bareCommand) {
      const text = raw.slice(prompt.command.length);
      if (text.trim() === '') {
        throw new LessonError(
          at.file,
          line,
          `prompt "${bareCommand}" with no command after it`,
          'Remove the line, or write the command after the prompt.',
        );
      }
      current = { text, lines: [text], line, output: [] };
      commands.push(current);
      continuing = true;
      return;
    }
    if (continuing && current && raw.startsWith(prompt.continuation)) {
      const text = raw.slice(prompt.continuation.length);
      current.lines.push(text);
      current.text += `\n${text}`;
      return;
    }
    if (!current) {
      const other = options.shell === 'bash' ? PROMPTS.powershell.command : PROMPTS.bash.command;
      const hint = raw.startsWith(other)
        ? `This looks like a ${options.shell === 'bash' ? 'PowerShell' : 'bash'} prompt: set shell=${options.shell === 'bash' ? 'powershell' : 'bash'} on the fence.`
        : `Start each command with "${prompt.command}"; output goes below its command.`;
      throw new LessonError(
        at.file,
        line,
        `output line "${raw.slice(0, 40)}" comes before any command`,
        hint,
      );
    }
    continuing = false;
    // A backslash keeps an output line that starts like a prompt from being read as one.
    const unescaped = /^\\(\$ |PS> |> |>> |\\)/.test(raw) ? raw.slice(1) : raw;
    current.output.push(parseOutputLine(unescaped, here));
  });

  if (commands.length === 0) {
    throw new LessonError(
      at.file,
      at.line,
      'command block has no command',
      `Start each command with "${prompt.command}", for example: ${prompt.command}docker version`,
    );
  }
  for (const command of commands) {
    const last = command.lines.at(-1) ?? '';
    if (options.shell === 'bash' && last.endsWith('\\')) {
      throw new LessonError(
        at.file,
        command.line + command.lines.length - 1,
        'the command ends with "\\" but no continuation line follows',
        `Start the next line with "${prompt.continuation}", or remove the backslash.`,
      );
    }
  }
  return { ...options, file: at.file, line: at.line, commands };
}

/** What the copy button copies and what a runner executes: commands only, one per line. */
export function commandsOf(block: CommandBlock): string {
  return block.commands.map((command) => command.text).join('\n');
}
