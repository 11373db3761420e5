/**
 * What the command lint and the docker CLI check need to know about a command line: its simple
 * commands, their words after quote removal, and which parts are only known when the shell runs
 * (variables, command substitutions). This is not a shell: nothing is expanded or executed.
 */

/** A piece of a word: literal text, or an expansion kept as written ("$PWD", "$(docker ps -q)"). */
export type WordPart = { kind: 'literal'; text: string } | { kind: 'expansion'; text: string };

export interface ShellWord {
  /** The word after quote removal, expansions shown as written: "$PWD/hello.txt:/hello.txt:ro". */
  text: string;
  parts: WordPart[];
  /** Some part is only known at run time. */
  dynamic: boolean;
  /** Offsets of the word in the command text (end exclusive), to point at its line. */
  offset: number;
  end: number;
  /** Commands inside the word: $(…), `…`, <(…) in bash; $(…), (…), {…} in PowerShell. */
  inner: Pipeline[];
}

/** A finished word from its parts: both lexers end a word this way. */
/**
 * One word as a lexer reads it (bash and PowerShell alike): the characters the shell means, the
 * expansions as written with the commands inside them, then the finished word.
 */
export class WordBuilder {
  private readonly parts: WordPart[] = [];
  private readonly inner: Pipeline[] = [];
  private literal = '';

  /** Characters as the shell means them (quotes and escapes already taken off). */
  text(chars: string): void {
    this.literal += chars;
  }

  /** An expansion as written (`$x`, `$(…)`); `nested` are the commands inside it. */
  expansion(written: string, nested: Pipeline[] = []): void {
    this.flush();
    this.parts.push({ kind: 'expansion', text: written });
    this.inner.push(...nested);
  }

  /** The word, from `offset` to `end` in the block's text. */
  word(offset: number, end: number): ShellWord {
    this.flush();
    return shellWord(this.parts, offset, end, this.inner);
  }

  private flush() {
    if (this.literal) this.parts.push({ kind: 'literal', text: this.literal });
    this.literal = '';
  }
}

export function shellWord(parts: WordPart[], offset: number, end: number, inner: Pipeline[]): ShellWord {
  return {
    text: parts.map((part) => part.text).join(''),
    parts,
    dynamic: parts.some((part) => part.kind === 'expansion'),
    offset,
    end,
    inner,
  };
}

export interface SimpleCommand {
  /** Leading NAME=value words (bash) or the "$x =" of a PowerShell assignment. */
  assignments: ShellWord[];
  /** The command name first, then its arguments; redirections are left out. */
  words: ShellWord[];
}

/** Commands joined by pipes: `curl … | sh` is one pipeline of two commands. */
export interface Pipeline {
  commands: SimpleCommand[];
}

/** Every pipeline of a parse, also those nested in substitutions, in source order. */
export function allPipelines(pipelines: Pipeline[]): Pipeline[] {
  const out: Pipeline[] = [];
  const visit = (list: Pipeline[]) => {
    for (const pipeline of list) {
      out.push(pipeline);
      for (const command of pipeline.commands) {
        for (const word of [...command.assignments, ...command.words]) visit(word.inner);
      }
    }
  };
  visit(pipelines);
  return out;
}

/** The word's text with each expansion replaced: how a check gives a plausible value to `$PWD`. */
export function resolveWord(word: ShellWord, expansion: (written: string) => string): string {
  return word.parts.map((part) => (part.kind === 'literal' ? part.text : expansion(part.text))).join('');
}

/** What a shell's lexer produces: words, and operators (`|`, `&&`, `;`, newlines …). */
export type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string };

/**
 * Groups a token stream into pipelines. Bash and PowerShell share this; they differ only in their
 * pipe operators and in what counts as the start of a simple command (prefix keywords, assignments).
 */
export function groupTokens(
  tokens: Token[],
  pipes: readonly string[],
  toSimpleCommand: (words: ShellWord[]) => SimpleCommand | undefined,
): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  const endCommand = () => {
    const command = toSimpleCommand(words);
    if (command) commands.push(command);
    words = [];
  };
  const endPipeline = () => {
    endCommand();
    if (commands.length) pipelines.push({ commands });
    commands = [];
  };
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.kind === 'word') words.push(token.word);
    else if (pipes.includes(token.op)) endCommand();
    // A line that ends with a pipe, && or || goes on on the next line.
    else if (
      token.op === '\n' &&
      previous?.kind === 'op' &&
      (pipes.includes(previous.op) || previous.op === '&&' || previous.op === '||')
    )
      continue;
    else endPipeline();
    previous = token;
  }
  endPipeline();
  return pipelines;
}
