/**
 * An author's mistake in a lesson file. The message always has the same three parts,
 * so a contributor reads where, what is wrong, and what to write instead:
 *   content/lessons/en/containers.mdx:42: unknown placeholder {{uid}}. Use one of: {{id}}, …
 */
export class LessonError extends Error {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
  readonly fix: string;

  constructor(file: string, line: number, problem: string, fix: string) {
    super(`${file}:${line}: ${problem}. ${fix}`);
    this.name = 'LessonError';
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.fix = fix;
  }
}
