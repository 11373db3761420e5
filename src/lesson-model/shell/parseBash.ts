/**
 * Splits a bash command line into pipelines, simple commands and words, for the command lint and
 * the docker CLI check. It understands what lesson commands use: quotes and backslashes, line
 * continuations, `|`, `&&`, `||`, `;`, `&`, newlines, redirections (`2>&1`, `> file`), heredocs,
 * comments, `$VAR`, `${…}`, `$(…)`, backticks, `<(…)`, and the keywords around loops (`do`, `then`).
 * It never expands or runs anything: an expansion stays as written and marks its word dynamic, and
 * the commands inside `$(…)` are parsed too, so `DIGEST=$(docker image inspect …)` is checked.
 * Anything it cannot follow (a stray quote) ends the word at the end of the text rather than throwing:
 * the snippet suite, not this reader, is the judge of whether a command runs.
 */
import {
  groupTokens,
  WordBuilder,
  type Pipeline,
  type ShellWord,
  type SimpleCommand,
  type Token,
} from './types.ts';

/** Characters that end an unquoted word. */
const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const OPERATORS = ['&&', '||', ';;', '|&', '|', '&', ';', '(', ')'];
const REDIRECTIONS = ['&>>', '&>', '<<<', '<<-', '<<', '<>', '<&', '>>', '>&', '>|', '<', '>'];
/** Reserved words that may stand before a command without being its name. */
const PREFIX_KEYWORDS = new Set([
  '!',
  '{',
  '}',
  'do',
  'done',
  'then',
  'else',
  'elif',
  'fi',
  'if',
  'while',
  'until',
  'time',
  'esac',
]);

/** `base` is where `text` starts in the whole command (for commands inside `$(…)`). */
export function parseBash(text: string, base = 0): Pipeline[] {
  return groupTokens(new BashLexer(text, base).run(), ['|', '|&'], toSimpleCommand);
}

class BashLexer {
  private i = 0;
  private readonly tokens: Token[] = [];
  private heredocs: { delimiter: string; stripTabs: boolean }[] = [];

  constructor(
    private readonly src: string,
    private readonly base: number,
  ) {}

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === ' ' || c === '\t') this.i += 1;
      else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '\n') {
        this.i += 1;
        this.tokens.push({ kind: 'op', op: '\n' });
        this.skipHeredocBodies();
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i += 1;
      } else if ((c === '<' || c === '>') && s[this.i + 1] === '(') {
        this.tokens.push({ kind: 'word', word: this.readWord() });
      } else if (c === '<' || c === '>' || (c === '&' && s[this.i + 1] === '>')) {
        this.redirection();
      } else {
        const op = OPERATORS.find((candidate) => s.startsWith(candidate, this.i));
        if (op) {
          this.i += op.length;
          this.tokens.push({ kind: 'op', op });
        } else {
          this.tokens.push({ kind: 'word', word: this.readWord() });
        }
      }
    }
    return this.tokens;
  }

  /** A redirection and its target are not words of the command: `2>&1`, `> out.txt`, `<<EOF`. */
  private redirection() {
    const s = this.src;
    const start = this.i;
    const op = REDIRECTIONS.find((candidate) => s.startsWith(candidate, this.i))!;
    this.i += op.length;
    // In `2>` the digits written right before the operator name a file descriptor.
    const last = this.tokens.at(-1);
    if (last?.kind === 'word' && last.word.end === this.base + start && /^\d+$/.test(last.word.text))
      this.tokens.pop();
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i += 1;
    const target = this.readWord();
    if (op === '<<' || op === '<<-') this.heredocs.push({ delimiter: target.text, stripTabs: op === '<<-' });
  }

  /** After the newline that ends a line with `<<EOF`, the lines up to `EOF` are data, not commands. */
  private skipHeredocBodies() {
    const s = this.src;
    for (const { delimiter, stripTabs } of this.heredocs) {
      while (this.i < s.length) {
        const newline = s.indexOf('\n', this.i);
        const end = newline === -1 ? s.length : newline;
        const line = s.slice(this.i, end);
        this.i = end + 1;
        if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
      }
    }
    this.heredocs = [];
  }

  private readWord(): ShellWord {
    const s = this.src;
    const start = this.i;
    const word = new WordBuilder();
    const expansion = (written: string, nested: Pipeline[] = []) => word.expansion(written, nested);
    /** At `$` or a backtick: reads one expansion, or returns false when the `$` is just a character. */
    const readExpansion = (): boolean => {
      const found = readExpansionAt(s, this.i, this.base);
      if (!found) return false;
      expansion(s.slice(this.i, found.end), found.inner);
      this.i = found.end;
      return true;
    };

    // Process substitution <(…) / >(…) stands where a file name would.
    if ((s[this.i] === '<' || s[this.i] === '>') && s[this.i + 1] === '(') {
      const close = matchParen(s, this.i + 1);
      expansion(s.slice(this.i, close + 1), parseBash(s.slice(this.i + 2, close), this.base + this.i + 2));
      this.i = close + 1;
    }
    while (this.i < s.length && !METACHARS.has(s[this.i]!)) {
      const c = s[this.i]!;
      if (c === '\\') {
        if (s[this.i + 1] !== '\n') word.text(s[this.i + 1] ?? '');
        this.i += 2;
      } else if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        const end = close === -1 ? s.length : close;
        word.text(s.slice(this.i + 1, end));
        this.i = end + 1;
      } else if (c === '$' && s[this.i + 1] === "'") {
        // ANSI-C quoting, $'…': only the escapes that matter for reading a word.
        let j = this.i + 2;
        while (j < s.length && s[j] !== "'") {
          if (s[j] === '\\' && j + 1 < s.length) {
            const escaped = s[j + 1]!;
            word.text(
              ({ n: '\n', t: '\t', '\\': '\\', "'": "'" } as Record<string, string>)[escaped] ??
                `\\${escaped}`,
            );
            j += 2;
          } else word.text(s[j++]!);
        }
        this.i = j + 1;
      } else if (c === '"' || (c === '$' && s[this.i + 1] === '"')) {
        this.i += c === '$' ? 2 : 1;
        while (this.i < s.length && s[this.i] !== '"') {
          const d = s[this.i]!;
          if (d === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
            if (s[this.i + 1] !== '\n') word.text(s[this.i + 1]!);
            this.i += 2;
          } else if ((d === '$' || d === '`') && readExpansion()) {
            continue;
          } else {
            word.text(d);
            this.i += 1;
          }
        }
        this.i += 1;
      } else if ((c === '$' || c === '`') && readExpansion()) {
        continue;
      } else {
        word.text(c);
        this.i += 1;
      }
    }
    return word.word(this.base + start, this.base + this.i);
  }
}

/** One expansion starting at `$` or a backtick: where it ends and the commands inside it. */
function readExpansionAt(s: string, i: number, base: number): { end: number; inner: Pipeline[] } | undefined {
  if (s[i] === '`') {
    let j = i + 1;
    while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
    const body = s.slice(i + 1, j).replace(/\\([`$\\])/g, '$1');
    return { end: Math.min(j + 1, s.length), inner: parseBash(body, base + i + 1) };
  }
  const next = s[i + 1] ?? '';
  if (next === '(') {
    const close = matchParen(s, i + 1);
    // $((…)) is arithmetic: no commands inside.
    const arithmetic = s[i + 2] === '(';
    return { end: close + 1, inner: arithmetic ? [] : parseBash(s.slice(i + 2, close), base + i + 2) };
  }
  if (next === '{') {
    let depth = 0;
    let j = i + 1;
    for (; j < s.length; j += 1) {
      if (s[j] === '{') depth += 1;
      else if (s[j] === '}' && --depth === 0) break;
    }
    return { end: Math.min(j + 1, s.length), inner: [] };
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(s.slice(i + 1));
  return name ? { end: i + 1 + name[0].length, inner: [] } : undefined;
}

/** Index of the `)` that closes the `(` at `open`, skipping quotes and nested parentheses. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\') j += 2;
    else if (c === "'") {
      const close = s.indexOf("'", j + 1);
      j = close === -1 ? s.length : close + 1;
    } else if (c === '"') {
      j += 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j += 2;
        else if (s[j] === '$' && s[j + 1] === '(') j = matchParen(s, j + 1) + 1;
        else j += 1;
      }
      j += 1;
    } else if (c === '`') {
      j += 1;
      while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
      j += 1;
    } else if (c === '(') {
      depth += 1;
      j += 1;
    } else if (c === ')') {
      depth -= 1;
      if (depth === 0) return j;
      j += 1;
    } else j += 1;
  }
  return s.length;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

function toSimpleCommand(all: ShellWord[]): SimpleCommand | undefined {
  const words = [...all];
  while (words.length && !words[0]!.dynamic && PREFIX_KEYWORDS.has(words[0]!.text)) {
    const keyword = words.shift()!;
    if (keyword.text === 'time' && words[0]?.text === '-p') words.shift();
  }
  const assignments: ShellWord[] = [];
  while (
    words.length &&
    ASSIGNMENT.test(words[0]!.parts[0]?.kind === 'literal' ? words[0]!.parts[0].text : '')
  )
    assignments.push(words.shift()!);
  if (!words.length && !assignments.length) return undefined;
  return { assignments, words };
}
