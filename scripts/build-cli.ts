/**
 * npm run build:cli: the `dockside` npm package (packages/cli) from the runner's own source.
 *
 * esbuild bundles src/follow/dockside.ts and everything it imports (src/follow/, src/runtime/, the
 * lesson model's parser, matcher and shell reader) into one file, packages/cli/dist/dockside.mjs,
 * for Node 20 and newer, with no dependencies left to install. The lessons of content/ (both
 * languages, with the files they show) are read here by the lesson model, as `npm run follow` reads
 * them, and compiled into the bundle as data (the `dockside:lesson-data` module).
 *
 * The bundle may contain npm packages only from BUNDLED_PACKAGES: the site's (Astro, Mermaid,
 * Shiki, the Markdown parser, the schema library) must never come along with an import, and the
 * build fails naming the import chain that would bring one.
 *
 *   npm run build:cli      → packages/cli/dist/dockside.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { CLI_PACKAGE } from '../src/follow/cliPackage.ts';
import { contentLessonSource } from '../src/follow/contentLessons.ts';
import { toLessonData, type LessonData } from '../src/follow/lessonData.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const PACKAGE_DIR = path.join(ROOT, 'packages', 'cli');
export const BUNDLE = path.join(PACKAGE_DIR, 'dist', 'dockside.mjs');
/** The oldest Node the package supports: packages/cli/package.json says the same in `engines`. */
export const NODE_TARGET = 'node20';

/** npm packages the bundle may carry, and why. */
const BUNDLED_PACKAGES: Record<string, string> = {
  yaml: "lessonNames reads a shown compose.yaml's project name",
};

/** The lessons' version: the last commit that changed content/, and whether content/ has changes on top. */
function lessonsVersion(): LessonData['lessons'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const [commit = 'unknown', date = 'unknown'] = git('log', '-1', '--format=%h %cs', '--', 'content').split(
      ' ',
    );
    return { commit, date, changed: git('status', '--porcelain', '--', 'content') !== '' };
  } catch {
    // A copy of the source without git history (a release tarball): say so rather than guess.
    return { commit: 'unknown', date: 'unknown', changed: false };
  }
}

/** The npm package an input file belongs to, or undefined for the project's own source. */
function packageOf(input: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** The chain of imports from the entry to `input`, for the error message. */
function importChain(metafile: Metafile, input: string): string[] {
  const importers = new Map<string, string>();
  for (const [file, info] of Object.entries(metafile.inputs))
    for (const imported of info.imports)
      if (!importers.has(imported.path)) importers.set(imported.path, file);
  const chain = [input];
  for (let at = importers.get(input); at && !chain.includes(at); at = importers.get(at)) chain.unshift(at);
  return chain;
}

/** Problems with what the bundle carries: one line each, with the import chain and what to do. */
export function foreignPackages(metafile: Metafile): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageOf(input);
    if (!pkg || pkg in BUNDLED_PACKAGES || seen.has(pkg)) continue;
    seen.add(pkg);
    problems.push(
      `${importChain(metafile, input).join(' → ')}: the dockside package would carry the npm package "${pkg}". ` +
        'It must run with Node alone: keep that import out of src/follow/ and what it imports (compute it in ' +
        'scripts/build-cli.ts and pass it as lesson data), or add the package to BUNDLED_PACKAGES with the reason.',
    );
  }
  return problems;
}

export interface CliBuild {
  file: string;
  bytes: number;
  data: LessonData;
  /** The npm packages in the bundle. */
  packages: string[];
  /** Bytes of the bundle by origin: lesson data, npm packages, Dockside's own code. */
  parts: { lessons: number; packages: number; code: number };
}

export async function buildCli(): Promise<CliBuild> {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  if (manifest.name !== CLI_PACKAGE)
    throw new Error(
      `packages/cli/package.json: the package is named "${manifest.name}", but lesson pages tell learners to run ` +
        `"npx ${CLI_PACKAGE}". Rename one of them: the name is CLI_PACKAGE in src/follow/cliPackage.ts.`,
    );
  const data = toLessonData(
    contentLessonSource(),
    { name: manifest.name, version: manifest.version },
    lessonsVersion(),
  );
  const lessonData: Plugin = {
    name: 'dockside-lesson-data',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^dockside:lesson-data$/ }, () => ({
        path: 'lesson-data',
        namespace: 'dockside',
      }));
      esbuild.onLoad({ filter: /.*/, namespace: 'dockside' }, () => ({
        contents: JSON.stringify(data),
        loader: 'json',
      }));
    },
  };
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/follow/dockside.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'esm',
    // The shebang makes the file the `dockside` command. yaml's Node build is CommonJS and asks for
    // node:process with require(), which an ES module lacks: give the bundle Node's own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __dockside_createRequire } from 'node:module';\nconst require = __dockside_createRequire(import.meta.url);",
    },
    plugins: [lessonData],
    metafile: true,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  const problems = foreignPackages(result.metafile);
  if (problems.length) throw new Error(problems.join('\n'));
  const packages = [
    ...new Set(
      Object.keys(result.metafile.inputs)
        .map(packageOf)
        .filter((p) => p !== undefined),
    ),
  ];
  const bytesBy = (pick: (input: string) => boolean) =>
    Object.entries(result.metafile.outputs[path.relative(process.cwd(), BUNDLE)]?.inputs ?? {})
      .filter(([input]) => pick(input))
      .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  return {
    file: BUNDLE,
    bytes: statSync(BUNDLE).size,
    data,
    packages,
    parts: {
      lessons: bytesBy((input) => input.startsWith('dockside:')),
      packages: bytesBy((input) => packageOf(input) !== undefined),
      code: bytesBy((input) => !input.startsWith('dockside:') && packageOf(input) === undefined),
    },
  };
}

if (import.meta.filename === process.argv[1]) {
  try {
    const built = await buildCli();
    const counts = Object.entries(built.data.lessonsByLocale)
      .map(([locale, lessons]) => `${lessons.length} ${locale}`)
      .join(', ');
    const kB = (bytes: number) => (bytes / 1024).toFixed(0);
    console.log(
      `${path.relative(ROOT, built.file)}: ${kB(built.bytes)} kB, lessons ${counts}, ` +
        `npm packages inside: ${built.packages.join(', ') || 'none'} ` +
        `(kB of lesson data ${kB(built.parts.lessons)}, packages ${kB(built.parts.packages)}, runner ${kB(built.parts.code)})`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
