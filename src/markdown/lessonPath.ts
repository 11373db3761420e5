/** The lesson file a remark plugin is working on, as authors know it: relative to the repository root. */
import path from 'node:path';
import type { VFile } from 'vfile';

export function lessonPath(file: VFile): string {
  return file.path ? path.relative(process.cwd(), file.path) : 'unknown.mdx';
}
