/**
 * The stand-in images: one folder per image under tests/standins/, each with
 *   standin.yaml  which official image it stands in for, how its root filesystem is made (mmdebstrap),
 *                 and the contract it keeps (what the contract test checks against the engine)
 *   Dockerfile    the image settings (ENTRYPOINT, CMD, EXPOSE, WORKDIR, ENV) on top of that rootfs
 *   *.sh          mmdebstrap hooks and files the Dockerfile copies
 * Read by the builder (build.ts), the contract test and the snippet suite's preflight.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

export const STANDINS_DIR = import.meta.dirname;
/** The local registry that setup-engine.sh makes the engine's mirror for Docker Hub. */
export const REGISTRY = '127.0.0.1:5000';
/**
 * Bump when build.ts changes how it turns a definition into an image, so every stand-in is rebuilt.
 * (Changes to the definitions themselves are picked up by their hash.)
 */
export const RECIPE_VERSION = 1;

const argv = z.array(z.string().min(1)).min(1);
const hookList = z.array(z.string().min(1)).default([]);

const definitionSchema = z.strictObject({
  /** The reference a lesson pulls, exactly as written in the lesson: `redis:8`. */
  image: z.string().regex(/^[a-z0-9][a-z0-9._-]*:[\w][\w.-]*$/),
  /** The official image this replaces when no registry is reachable. */
  standsInFor: z.string().min(1),
  rootfs: z.strictObject({
    suite: z.enum(['bookworm', 'trixie']),
    variant: z.enum(['extract', 'minbase']),
    include: z.array(z.string().min(1)),
    /** mmdebstrap --skip steps, for a hook that takes over a step (see mmdebstrap(1), OPERATION). */
    skip: z.array(z.string().regex(/^[a-z]+(\/[a-z/]+)?$/)).default([]),
    hooks: z
      .strictObject({ setup: hookList, extract: hookList, essential: hookList, customize: hookList })
      .partial()
      .default({}),
  }),
  contract: z.strictObject({
    entrypoint: z.array(z.string()).nullable(),
    cmd: z.array(z.string()).nullable(),
    exposedPorts: z.array(z.string().regex(/^\d+\/(tcp|udp)$/)),
    workingDir: z.string(),
    /** VOLUME paths the image declares (each makes an anonymous volume per container). */
    volumes: z.array(z.string().startsWith('/')),
    /** A command whose output shows the version; the pattern's first group must match `expect`. */
    version: z.strictObject({ command: argv, pattern: z.string().min(1), expect: z.string().min(1) }),
    /** Commands a lesson relies on; each must exit 0 when run in the image. */
    commands: z.array(argv).default([]),
  }),
});

export type StandinSpec = z.infer<typeof definitionSchema>;
export type HookStage = 'setup' | 'extract' | 'essential' | 'customize';

export interface Standin extends StandinSpec {
  /** Folder name under tests/standins/. */
  name: string;
  dir: string;
  /** `library/redis` */
  repository: string;
  tag: string;
  /** Hash of everything that makes the image: the definition folder and the hook files it names. */
  hash: string;
  /** Hash of what makes the root filesystem only, so a Dockerfile change does not rerun mmdebstrap. */
  rootfsHash: string;
  /** Absolute paths of the hooks per stage, in order. */
  hookFiles: Record<HookStage, string[]>;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** Content and executable bit of each file, keyed by its path relative to tests/standins/. */
function fingerprint(files: string[]): string {
  return sha256(
    files
      .map((file) => {
        const mode = statSync(file).mode & 0o111 ? 'x' : '-';
        return `${path.relative(STANDINS_DIR, file)} ${mode} ${sha256(readFileSync(file))}`;
      })
      .join('\n'),
  );
}

export function loadStandin(name: string): Standin {
  const dir = path.join(STANDINS_DIR, name);
  const file = path.join(dir, 'standin.yaml');
  const parsed = definitionSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${path.relative(process.cwd(), file)}: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
  }
  const spec = parsed.data;
  const hookFiles = { setup: [], extract: [], essential: [], customize: [] } as Record<HookStage, string[]>;
  for (const stage of Object.keys(hookFiles) as HookStage[]) {
    hookFiles[stage] = (spec.rootfs.hooks[stage] ?? []).map((hook) => {
      const hookPath = path.resolve(dir, hook);
      if (!statSync(hookPath, { throwIfNoEntry: false })?.isFile())
        throw new Error(`${file}: hook ${hook} does not exist`);
      if (!(statSync(hookPath).mode & 0o100))
        throw new Error(`${file}: hook ${hook} is not executable (chmod +x)`);
      return hookPath;
    });
  }
  const allHooks = [...new Set(Object.values(hookFiles).flat())];
  const rootfsHash = sha256(
    JSON.stringify({ recipe: RECIPE_VERSION, rootfs: spec.rootfs, hooks: fingerprint(allHooks) }),
  );
  const outside = allHooks.filter((hook) => !hook.startsWith(dir + path.sep));
  const hash = sha256(`${RECIPE_VERSION}\n${fingerprint([...filesUnder(dir), ...outside])}`);
  const [repo, tag] = spec.image.split(':') as [string, string];
  return {
    ...spec,
    name,
    dir,
    repository: repo.includes('/') ? repo : `library/${repo}`,
    tag,
    hash,
    rootfsHash,
    hookFiles,
  };
}

/** Every stand-in, sorted by folder name. */
export function loadStandins(): Standin[] {
  return readdirSync(STANDINS_DIR)
    .filter((name) =>
      statSync(path.join(STANDINS_DIR, name, 'standin.yaml'), { throwIfNoEntry: false })?.isFile(),
    )
    .sort()
    .map(loadStandin);
}

/** The tag in the local registry that says "this repository's <tag> was built from definition <hash>". */
export function markerTag(standin: Standin): string {
  return `standin-${standin.hash.slice(0, 20)}`;
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

/** The manifest digest the local registry holds for repository:tag, or undefined. Throws when it does not answer. */
export async function registryDigest(repository: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_TYPES },
    signal: AbortSignal.timeout(5_000),
  });
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new Error(`registry ${REGISTRY} answered ${response.status} for ${repository}:${tag}`);
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** Whether the registry's <tag> is the build of this exact definition (the marker tag points at the same manifest). */
export async function registryHoldsCurrentBuild(standin: Standin): Promise<boolean> {
  const [image, marker] = await Promise.all([
    registryDigest(standin.repository, standin.tag),
    registryDigest(standin.repository, markerTag(standin)),
  ]);
  return image !== undefined && image === marker;
}
