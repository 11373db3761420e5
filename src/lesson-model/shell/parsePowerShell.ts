/**
 * The PowerShell counterpart of parseBash.ts, for the PowerShell tabs of command blocks. It reads
 * what lessons write: 'single' and "double" quotes (with `` ` `` and doubled-quote escapes),
 * here-strings (@"…"@), the backtick line continuation, `|`, `;`, `&&`, `||`, redirections
 * (`2>&1`), comments, `$var`, `$env:NAME`, `${…}`, and the expressions and script blocks whose
 * commands count too: `$(…)`, `(…)`, `@(…)`, `{…}` (so `foreach (…) { docker … }` is checked).
 * Nothing is evaluated; an expansion marks its word dynamic.
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
const STOP = new Set([' ', '\t', '\n', '\r', '|', ';', '&', ')', '}', '>']);
const REDIRECTION = /^(?:[1-6*]?>>?(?:&[12])?)/;

export function parsePowerShell(text: string, base = 0): Pipeline[] {
  return groupTokens(new PowerShellLexer(text, base).run(), ['|'], toSimpleCommand);
}

class PowerShellLexer {
  private i = 0;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly src: string,
    private readonly base: number,
  ) {}

  private atCommandStart(): boolean {
    const last = this.tokens.at(-1);
    return last === undefined || last.kind === 'op';
  }

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r') this.i += 1;
      else if (c === '`' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '\n') {
        this.i += 1;
        this.tokens.push({ kind: 'op', op: '\n' });
      } else if (s.startsWith('<#', this.i)) {
        const close = s.indexOf('#>', this.i + 2);
        this.i = close === -1 ? s.length : close + 2;
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i += 1;
      } else if (REDIRECTION.test(s.slice(this.i)) && (c === '>' || s[this.i + 1] === '>')) {
        const op = REDIRECTION.exec(s.slice(this.i))![0];
        this.i += op.length;
        if (!op.includes('&')) {
          while (s[this.i] === ' ' || s[this.i] === '\t') this.i += 1;
          this.readWord();
        }
      } else if (s.startsWith('&&', this.i) || s.startsWith('||', this.i)) {
        this.tokens.push({ kind: 'op', op: s.slice(this.i, this.i + 2) });
        this.i += 2;
      } else if (c === '&' && this.atCommandStart()) {
        // The call operator: `& docker ps` runs docker.
        this.i += 1;
      } else if (c === '|' || c === ';' || c === '&') {
        this.tokens.push({ kind: 'op', op: c });
        this.i += 1;
      } else if (c === ')' || c === '}') {
        this.i += 1; // unbalanced: nothing sensible to do but skip it
      } else {
        this.tokens.push({ kind: 'word', word: this.readWord() });
      }
    }
    return this.tokens;
  }

  private readWord(): ShellWord {
    const s = this.src;
    const start = this.i;
    const word = new WordBuilder();
    const expansion = (end: number, nested: Pipeline[] = []) => {
      word.expansion(s.slice(this.i, end), nested);
      this.i = end;
    };
    /** `(…)`, `$(…)`, `@(…)`, `{…}`, `@{…}` at this.i: an expression whose commands we also read. */
    const group = (openAt: number) => {
      const close = matchBracket(s, openAt);
      expansion(close + 1, parsePowerShell(s.slice(openAt + 1, close), this.base + openAt + 1));
    };

    while (this.i < s.length && !STOP.has(s[this.i]!)) {
      const c = s[this.i]!;
      const next = s[this.i + 1] ?? '';
      if (c === '`') {
        if (next !== '\n') word.text(next);
        this.i += 2;
      } else if (c === '@' && (next === '"' || next === "'") && s[this.i + 2] === '\n') {
        // Here-string: @" … "@ with the closing marker at the start of a line.
        const close = s.indexOf(`\n${next}@`, this.i + 3);
        const end = close === -1 ? s.length : close + 3;
        if (next === '"' && /\$/.test(s.slice(this.i, end))) expansion(end);
        else {
          word.text(s.slice(this.i + 3, close === -1 ? s.length : close));
          this.i = end;
        }
      } else if (c === "'") {
        let j = this.i + 1;
        while (j < s.length) {
          if (s[j] === "'" && s[j + 1] === "'") {
            word.text("'");
            j += 2;
          } else if (s[j] === "'") break;
          else word.text(s[j++]!);
        }
        this.i = j + 1;
      } else if (c === '"') {
        this.i += 1;
        while (this.i < s.length) {
          const d = s[this.i]!;
          if (d === '"' && s[this.i + 1] === '"') {
            word.text('"');
            this.i += 2;
          } else if (d === '"') break;
          else if (d === '`') {
            word.text(s[this.i + 1] ?? '');
            this.i += 2;
          } else if (d === '$' && s[this.i + 1] === '(') group(this.i + 1);
          else if (d === '$' && /[A-Za-z_{?^$]/.test(s[this.i + 1] ?? '')) expansion(variableEnd(s, this.i));
          else {
            word.text(d);
            this.i += 1;
          }
        }
        this.i += 1;
      } else if ((c === '$' || c === '@') && (next === '(' || next === '{') && !(c === '$' && next === '{')) {
        group(this.i + 1);
      } else if (c === '(' || c === '{') {
        group(this.i);
      } else if (c === '$' && /[A-Za-z_{?^$]/.test(next)) {
        expansion(variableEnd(s, this.i));
      } else {
        word.text(c);
        this.i += 1;
      }
    }
    return word.word(this.base + start, this.base + this.i);
  }
}

/** End of `$name`, `$env:NAME`, `${any name}`, `$_`, `$?` starting at `$`. */
function variableEnd(s: string, i: number): number {
  if (s[i + 1] === '{') {
    const close = s.indexOf('}', i + 2);
    return close === -1 ? s.length : close + 1;
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)?|[?^$])/.exec(s.slice(i + 1));
  return i + 1 + (name?.[0].length ?? 0);
}

/** Index of the bracket closing the one at `open` ( `(` or `{` ), skipping strings. */
function matchBracket(s: string, open: number): number {
  const opening = s[open]!;
  const closing = opening === '(' ? ')' : '}';
  let depth = 0;
  let j = open;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '`') j += 2;
    else if (c === "'") {
      j += 1;
      while (j < s.length && !(s[j] === "'" && s[j + 1] !== "'")) j += s[j] === "'" ? 2 : 1;
      j += 1;
    } else if (c === '"') {
      j += 1;
      while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '`' || s[j] === '"' ? 2 : 1;
      j += 1;
    } else {
      if (c === opening) depth += 1;
      else if (c === closing && --depth === 0) return j;
      j += 1;
    }
  }
  return s.length;
}

function toSimpleCommand(all: ShellWord[]): SimpleCommand | undefined {
  const words = [...all];
  const assignments: ShellWord[] = [];
  // `$DIGEST = docker image inspect …`: the command is what follows the `=`.
  if (words.length >= 2 && words[0]!.text.startsWith('$') && /^[+\-*/]?=$/.test(words[1]!.text))
    assignments.push(...words.splice(0, 2));
  if (!words.length && !assignments.length) return undefined;
  return { assignments, words };
}
