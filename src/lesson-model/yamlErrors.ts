/** How a YAML syntax error reads in our messages (front matter, courses.yaml): one wording for both. */
import type { YAMLError } from 'yaml';

/** The parser's first line, without its own "at line 3, column 5" (our messages name the line themselves). */
export function yamlProblem(error: YAMLError): string {
  return `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
}

export const YAML_FIX = 'Check the indentation and quote values that contain a colon';
