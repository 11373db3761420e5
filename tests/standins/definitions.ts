/**
 * The stand-in images: one folder per image under tests/standins/, each with
 *   standin.yaml  which official image it stands in for, how its root filesystem is made (mmdebstrap),
 *                 the official image's configuration (`official`, with its source), the stand-in's
 *                 documented `differences` from it, and the contract it keeps (what the contract test
 *                 checks against the engine)
 *   Dockerfile    built by BuildKit: `FROM scratch`, `ADD rootfs.tar /`, then the official image's
 *                 settings (ENV, WORKDIR, ENTRYPOINT, CMD, EXPOSE, VOLUME, STOPSIGNAL) and files
 *   *.sh, files   mmdebstrap hooks and files the Dockerfile copies (`COPY --from=standin`)
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
export const RECIPE_VERSION = 2;

const argv = z.array(z.string().min(1)).min(1);
const hookList = z.array(z.string().min(1)).default([]);

/**
 * The image configuration a lesson can observe (`docker image inspect`, `docker run`), in the field names
 * of `docker image inspect --format '{{json .Config}}'`. Absent and empty are the same: an image without
 * ENTRYPOINT has `Entrypoint: null`, without USER `User: ''`, without STOPSIGNAL `StopSignal: ''`.
 */
export const imageConfigSchema = z.strictObject({
  /** Environment variables by name (order is not kept: no lesson can rely on it). */
  Env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()),
  Entrypoint: z.array(z.string()).nullable(),
  Cmd: z.array(z.string()).nullable(),
  /** '' when the Dockerfile has no WORKDIR (a container then starts in /). */
  WorkingDir: z.string().refine((dir) => dir === '' || dir.startsWith('/'), 'an absolute path or ""'),
  User: z.string(),
  ExposedPorts: z.array(z.string().regex(/^\d+\/(tcp|udp|sctp)$/, 'a port like 80/tcp')),
  Volumes: z.array(z.string().startsWith('/')),
  StopSignal: z.string().regex(/^(SIG[A-Z0-9]+)?$/, 'a signal name like SIGQUIT, or ""'),
});
export type ImageConfig = z.infer<typeof imageConfigSchema>;
export const CONFIG_FIELDS = Object.keys(imageConfigSchema.shape) as (keyof ImageConfig)[];

/** The official image's configuration as its own Dockerfile (and the one it is built FROM) sets it. */
const officialSchema = z.strictObject({
  source: z.strictObject({
    /** GitHub repository of the official image's Dockerfile: `docker-library/python`. */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    /** Path of the Dockerfile in it. */
    path: z.string().min(1),
    /** The commit the record was taken from (40 hex digits). */
    commit: z.string().regex(/^[0-9a-f]{40}$/, '40 hex digits'),
    /** The image's base (`FROM`) and what the record takes from it, such as its PATH. */
    base: z.string().min(1),
  }),
  config: imageConfigSchema,
});

const OTHER_FIELDS = CONFIG_FIELDS.filter((field) => field !== 'Env');
/** `Env.NAME` for one variable, or one of the other fields by name. */
const differenceField = z
  .string()
  .regex(
    new RegExp(`^(Env\\.[A-Za-z_][A-Za-z0-9_]*|${OTHER_FIELDS.join('|')})$`),
    `Env.<NAME> or one of ${OTHER_FIELDS.join(', ')}`,
  );
const differenceSchema = z.strictObject({
  field: differenceField,
  /** The stand-in's value; null for an environment variable the stand-in does not set. */
  standin: z.union([z.string(), z.array(z.string()), z.null()]),
  reason: z.string().min(10),
});
export type Difference = z.infer<typeof differenceSchema>;

const definitionSchema = z.strictObject({
  /** The reference a lesson pulls, exactly as written in the lesson: `redis:8`. */
  image: z.string().regex(/^[a-z0-9][a-z0-9._-]*:[\w][\w.-]*$/),
  /** The official image this replaces when no registry is reachable. */
  standsInFor: z.string().min(1),
  rootfs: z.strictObject({
    suite: z.enum(['bookworm', 'trixie', 'forky']),
    variant: z.enum(['extract', 'minbase']),
    include: z.array(z.string().min(1)),
    /** mmdebstrap --skip steps, for a hook that takes over a step (see mmdebstrap(1), OPERATION). */
    skip: z.array(z.string().regex(/^[a-z]+(\/[a-z/]+)?$/)).default([]),
    hooks: z
      .strictObject({ setup: hookList, extract: hookList, essential: hookList, customize: hookList })
      .partial()
      .default({}),
  }),
  official: officialSchema,
  /**
   * Every way the stand-in's configuration differs from `official.config`, each with the stand-in's value
   * and why. The contract test fails on a difference not listed here, and on a listed one that is gone.
   */
  differences: z.array(differenceSchema).default([]),
  contract: z.strictObject({
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
  const listed = new Set<string>();
  for (const difference of spec.differences) {
    if (listed.has(difference.field))
      throw new Error(
        `${path.relative(process.cwd(), file)}: differences: ${difference.field} is listed twice; keep one entry per field`,
      );
    listed.add(difference.field);
  }
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

/** `docker image inspect --format '{{json .Config}}'`, the parts the record covers. */
export interface InspectedConfig {
  Env?: string[] | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, object> | null;
  Volumes?: Record<string, object> | null;
  StopSignal?: string;
}

/** An image's inspected configuration in the record's form (see imageConfigSchema). */
export function observedConfig(inspected: InspectedConfig): ImageConfig {
  const env: Record<string, string> = {};
  for (const entry of inspected.Env ?? []) {
    const equals = entry.indexOf('=');
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return {
    Env: env,
    Entrypoint: inspected.Entrypoint?.length ? inspected.Entrypoint : null,
    Cmd: inspected.Cmd?.length ? inspected.Cmd : null,
    WorkingDir: inspected.WorkingDir ?? '',
    User: inspected.User ?? '',
    ExposedPorts: Object.keys(inspected.ExposedPorts ?? {}).sort(),
    Volumes: Object.keys(inspected.Volumes ?? {}).sort(),
    StopSignal: inspected.StopSignal ?? '',
  };
}

type FieldValue = string | string[] | null;

/** One field's value, `Env.NAME` for a variable (null when unset); ports and volumes sorted. */
function fieldValue(config: ImageConfig, field: string): FieldValue {
  if (field.startsWith('Env.')) return config.Env[field.slice(4)] ?? null;
  const value = config[field as Exclude<keyof ImageConfig, 'Env'>];
  if (field === 'ExposedPorts' || field === 'Volumes') return [...(value as string[])].sort();
  // No WORKDIR and `WORKDIR /` are the same to a container: it starts in /.
  if (field === 'WorkingDir') return (value as string) || '/';
  return value;
}

const show = (value: FieldValue) => (value === null ? 'nothing' : JSON.stringify(value));
const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What is wrong with an image's configuration against a stand-in's record of the official image; empty
 * when nothing is. For the stand-in (`servedBy: 'standin'`) every field must equal the record or be a
 * listed difference with exactly the stand-in's value, and every listed difference must still be one. For
 * the real official image (a machine that reaches Docker Hub) every field must equal the record, except
 * the values of environment variables other than PATH: those name the release (PYTHON_VERSION) and move
 * with every rebuild, so only their presence is checked.
 */
export function configProblems(
  standin: Pick<Standin, 'official' | 'differences'>,
  actual: ImageConfig,
  servedBy: 'standin' | 'official',
): string[] {
  const official = standin.official.config;
  const fields = [
    ...[...new Set([...Object.keys(official.Env), ...Object.keys(actual.Env)])]
      .sort()
      .map((name) => `Env.${name}`),
    ...OTHER_FIELDS,
  ];
  const listed = new Map(standin.differences.map((difference) => [difference.field, difference]));
  const problems: string[] = [];
  for (const field of fields) {
    const want = fieldValue(official, field);
    const have = fieldValue(actual, field);
    const differs = !same(want, have);
    if (servedBy === 'official') {
      const versionValue = field.startsWith('Env.') && field !== 'Env.PATH' && want !== null && have !== null;
      if (differs && !versionValue)
        problems.push(
          `${field}: the record says ${show(want)}, the official image has ${show(have)}; update the record`,
        );
      continue;
    }
    const difference = listed.get(field);
    if (differs && !difference)
      problems.push(
        `${field}: the official image has ${show(want)}, the stand-in ${show(have)}; make the stand-in match (Dockerfile) or list it under differences with the reason`,
      );
    else if (differs && !same(difference!.standin, have))
      problems.push(
        `${field}: differences lists the stand-in's value as ${show(difference!.standin)}, but it is ${show(have)}`,
      );
    else if (!differs && difference)
      problems.push(
        `${field}: listed under differences, but the stand-in has the official value ${show(want)}; remove the entry`,
      );
  }
  if (servedBy === 'standin') {
    for (const field of listed.keys())
      if (!fields.includes(field))
        problems.push(`${field}: listed under differences, but neither image sets it; remove the entry`);
  }
  return problems;
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
