/**
 * A throwaway copy of the project in a temporary folder, for tests that must run the real scripts
 * (new:lesson, check, build) on content of their own without touching content/ or dist/.
 *
 * Copied: the config files, src/, scripts/, public/, and either a given content folder or an empty
 * one with content/courses.yaml. node_modules/ is a folder of symlinks to the repository's
 * packages rather than one symlink: Astro and Vite keep caches inside node_modules/ (.astro, .vite),
 * and those must be the copy's own, or two builds would share (and overwrite) one content cache.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const REPO = path.resolve(import.meta.dirname, '../..');

const COPIED = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  '.gitignore',
  '.prettierrc.json',
  '.prettierignore',
  'eslint.config.js',
  'src',
  'scripts',
  'public',
];
/** Caches that belong to one project, never shared. */
const PRIVATE_IN_NODE_MODULES = new Set(['.astro', '.vite', '.cache']);

export interface TempProject {
  root: string;
  contentDir: string;
  /** Removes the copy. */
  remove(): void;
}

export function createTempProject(options: { content?: string } = {}): TempProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dockside-project-'));
  for (const name of COPIED) {
    if (existsSync(path.join(REPO, name)))
      cpSync(path.join(REPO, name), path.join(root, name), { recursive: true });
  }
  const contentDir = path.join(root, 'content');
  if (options.content) cpSync(options.content, contentDir, { recursive: true });
  else {
    mkdirSync(contentDir, { recursive: true });
    // The repository's courses without their next steps: a next step may name a lesson of the
    // repository, and this content tree starts with none (the links check would rightly refuse it).
    const courses = parse(readFileSync(path.join(REPO, 'content', 'courses.yaml'), 'utf8')) as Record<
      string,
      unknown
    >[];
    writeFileSync(
      path.join(contentDir, 'courses.yaml'),
      stringify(courses.map(({ next: _next, ...course }) => course)),
    );
  }
  for (const locale of ['en', 'ko']) mkdirSync(path.join(contentDir, 'lessons', locale), { recursive: true });
  // The site builds a glossary page from it; a fixture without one gets the repository's.
  if (!existsSync(path.join(contentDir, 'glossary.yaml')))
    cpSync(path.join(REPO, 'content', 'glossary.yaml'), path.join(contentDir, 'glossary.yaml'));

  const modules = path.join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(REPO, 'node_modules'))) {
    if (!PRIVATE_IN_NODE_MODULES.has(entry))
      symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
  }
  return { root, contentDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
