/**
 * Builds the stand-in images and pushes them to the local registry that the engine uses as its Docker Hub
 * mirror, so `docker pull redis:8` in a lesson works with no registry reachable.
 *
 *   npm run standins                      build what is missing or out of date
 *   npm run standins -- redis-8 busybox:1.37   only these (folder names or image references)
 *   npm run standins -- --force           rebuild even when the registry holds the current build
 *   npm run standins -- --verbose         show mmdebstrap's and docker's output
 *
 * Per stand-in: mmdebstrap makes the root filesystem (cached as a tarball, keyed by the rootfs part of the
 * definition), then BuildKit builds the definition's Dockerfile with that tarball's folder as the build
 * context (`FROM scratch`, `ADD rootfs.tar /`, then the official image's settings) and the definition's
 * folder as a second context named `standin` (`COPY --from=standin docker-entrypoint.sh /`), so the image is
 * made of layers like the official one. The result is pushed as 127.0.0.1:5000/library/<repo>:<tag> plus a
 * marker tag naming the definition's hash. A stand-in whose marker tag and image tag point at the same
 * manifest is current and is skipped. No tag is left in the local image store afterwards: lessons pull the
 * image through the mirror like anyone else.
 * Needs root (mmdebstrap's root mode, the cache in /var/cache) and scripts/docker/setup-engine.sh done once.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docker, exec, ExecError, execOk } from '../../src/runtime/exec.ts';
import {
  REGISTRY,
  loadStandins,
  markerTag,
  registryDigest,
  registryHoldsCurrentBuild,
  type HookStage,
  type Standin,
} from './definitions.ts';

const CACHE_DIR =
  process.env.DOCKSIDE_STANDINS_CACHE ??
  (process.getuid?.() === 0
    ? '/var/cache/dockside-standins'
    : path.join(os.homedir(), '.cache', 'dockside-standins'));
const DEBIAN_MIRROR = process.env.DOCKSIDE_DEBIAN_MIRROR ?? 'http://deb.debian.org';

/** The official slim images' dpkg filter: no documentation (except copyrights), manual pages or locales. */
const SLIM_DPKG_OPTIONS = [
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/groff/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/lintian/*',
  'path-exclude=/usr/share/linda/*',
  'path-exclude=/usr/share/locale/*',
];

interface Options {
  force: boolean;
  verbose: boolean;
  only: string[];
}

function parseArgs(args: string[]): Options {
  const options: Options = { force: false, verbose: false, only: [] };
  for (const arg of args) {
    if (arg === '--force') options.force = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run standins [-- [--force] [--verbose] [name|image ...]]');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.only.push(arg);
  }
  return options;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function mirrorLines(suite: string): string[] {
  return [
    `deb ${DEBIAN_MIRROR}/debian ${suite} main`,
    `deb ${DEBIAN_MIRROR}/debian ${suite}-updates main`,
    `deb ${DEBIAN_MIRROR}/debian-security ${suite}-security main`,
  ];
}

/** Makes (or reuses) the root filesystem tarball of a stand-in. */
async function buildRootfs(
  standin: Standin,
  options: Options,
): Promise<{ tarball: string; cached: boolean }> {
  const rootfsDir = path.join(CACHE_DIR, 'rootfs');
  // One folder per rootfs: it is the build context, so BuildKit sees this tarball and nothing else.
  const contextDir = path.join(rootfsDir, `${standin.name}-${standin.rootfsHash.slice(0, 20)}`);
  const tarball = path.join(contextDir, 'rootfs.tar');
  if (existsSync(tarball) && !options.force) return { tarball, cached: true };
  mkdirSync(contextDir, { recursive: true });

  const { rootfs } = standin;
  const debCache = path.join(CACHE_DIR, 'debs', rootfs.suite);
  mkdirSync(debCache, { recursive: true });
  const args = [
    `--variant=${rootfs.variant}`,
    '--skip=output/dev',
    '--format=tar',
    // A testing suite's (forky's) Release files expire quickly, and a slow mirror may serve one just past.
    '--aptopt=Acquire::Check-Valid-Until "false"',
  ];
  if (rootfs.include.length) args.push(`--include=${rootfs.include.join(',')}`);
  args.push(...rootfs.skip.map((step) => `--skip=${step}`));
  if (rootfs.variant !== 'extract') {
    args.push(...SLIM_DPKG_OPTIONS.map((option) => `--dpkgopt=${option}`));
    // Keep downloaded packages between builds (the recipe from mmdebstrap(1)): a changed definition
    // rebuilds in seconds instead of downloading everything again.
    args.push(
      '--skip=essential/unlink',
      '--setup-hook=mkdir -p "$1"/var/cache/apt/archives',
      `--setup-hook=sync-in ${debCache} /var/cache/apt/archives/`,
      `--customize-hook=sync-out /var/cache/apt/archives ${debCache}`,
    );
  }
  for (const stage of ['setup', 'extract', 'essential', 'customize'] as HookStage[]) {
    for (const hook of standin.hookFiles[stage]) args.push(`--${stage}-hook=${hook}`);
  }
  const partial = `${tarball}.partial`;
  args.push(rootfs.suite, partial, ...mirrorLines(rootfs.suite));
  try {
    // Generous: nginx's rootfs took 14 minutes on a 2-core machine busy with other work (load 20).
    await execOk('mmdebstrap', args, { echo: options.verbose, timeoutMs: 45 * 60_000 });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, tarball);
  // Older root filesystems of this stand-in are from definitions that no longer exist.
  for (const old of readdirSync(rootfsDir)) {
    if (old.startsWith(`${standin.name}-`) && path.join(rootfsDir, old) !== contextDir)
      rmSync(path.join(rootfsDir, old), { recursive: true, force: true });
  }
  return { tarball, cached: false };
}

async function buildOne(standin: Standin, options: Options): Promise<string> {
  const started = performance.now();
  if (!options.force && (await registryHoldsCurrentBuild(standin))) return 'current (cached in the registry)';

  const steps: string[] = [];
  const rootfsStarted = performance.now();
  const { tarball, cached } = await buildRootfs(standin, options);
  steps.push(cached ? 'rootfs cached' : `rootfs ${seconds(rootfsStarted)}`);

  const target = `${REGISTRY}/${standin.repository}`;
  const tags = [`${target}:${standin.tag}`, `${target}:${markerTag(standin)}`];
  const quiet = { echo: options.verbose, timeoutMs: 10 * 60_000 };
  try {
    let step = performance.now();
    await docker(
      [
        'buildx',
        'build',
        '--load',
        // One manifest per image, as `docker push` of a single-platform image gives: no attestations
        // (they would name this machine's paths and make every build differ).
        '--provenance=false',
        '--sbom=false',
        '--file',
        path.join(standin.dir, 'Dockerfile'),
        '--build-context',
        `standin=${standin.dir}`,
        ...tags.flatMap((tag) => ['--tag', tag]),
        path.dirname(tarball),
      ],
      quiet,
    );
    steps.push(`image ${seconds(step)}`);
    step = performance.now();
    // The image tag first: the marker is what says "current", so it must never exist without the image.
    for (const tag of tags) await docker(['push', tag], quiet);
    steps.push(`push ${seconds(step)}`);
  } finally {
    await exec('docker', ['image', 'rm', ...tags], { timeoutMs: 60_000 });
  }
  if (!(await registryHoldsCurrentBuild(standin)))
    throw new Error(`pushed ${tags[0]} but the registry does not show it`);
  return `built in ${seconds(started)} (${steps.join(', ')})`;
}

/**
 * Deletes marker tags of definitions that no longer exist (each rebuild leaves the previous one behind),
 * so the registry lists only current builds. Their layers stay on disk until the registry's own garbage
 * collection runs (`docker-registry garbage-collect /etc/dockside/registry.yml` with the registry stopped).
 */
async function pruneOldMarkers(standins: Standin[]): Promise<number> {
  let pruned = 0;
  for (const repository of new Set(standins.map((standin) => standin.repository))) {
    const response = await fetch(`http://${REGISTRY}/v2/${repository}/tags/list`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) continue;
    const tags = ((await response.json()) as { tags?: string[] | null }).tags ?? [];
    const current = new Set(standins.filter((standin) => standin.repository === repository).map(markerTag));
    const kept = new Set<string>();
    for (const tag of tags.filter((t) => !t.startsWith('standin-') || current.has(t))) {
      const digest = await registryDigest(repository, tag);
      if (digest) kept.add(digest);
    }
    for (const tag of tags.filter((t) => t.startsWith('standin-') && !current.has(t))) {
      const digest = await registryDigest(repository, tag);
      // A manifest is deleted with all its tags: only when no current tag points at it.
      if (!digest || kept.has(digest)) continue;
      const deleted = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${digest}`, {
        method: 'DELETE',
        signal: AbortSignal.timeout(5_000),
      });
      if (deleted.ok) pruned += 1;
    }
  }
  return pruned;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const all = loadStandins();
  const chosen = options.only.length
    ? options.only.map((wanted) => {
        const found = all.find((standin) => standin.name === wanted || standin.image === wanted);
        if (!found)
          throw new Error(`no stand-in "${wanted}"; there are: ${all.map((s) => s.name).join(', ')}`);
        return found;
      })
    : all;

  try {
    await registryDigest('library/dockside-probe', 'none');
  } catch (error) {
    throw new Error(
      `the local registry at ${REGISTRY} does not answer (${(error as Error).message}). Run scripts/docker/setup-engine.sh as root first.`,
      { cause: error },
    );
  }

  if ((await exec('docker', ['buildx', 'version'], { timeoutMs: 30_000 })).code !== 0)
    throw new Error(
      'the stand-ins are built with BuildKit, and `docker buildx version` fails: install the buildx plugin (Debian: docker-buildx; scripts/docker/setup-engine.sh does)',
    );

  const started = performance.now();
  let failed = 0;
  for (const standin of chosen) {
    process.stdout.write(`${standin.image.padEnd(20)} `);
    try {
      console.log(await buildOne(standin, options));
    } catch (error) {
      failed += 1;
      console.log('FAILED');
      console.error(error instanceof ExecError || error instanceof Error ? error.message : error);
    }
  }
  const pruned = failed ? 0 : await pruneOldMarkers(all);
  console.log(
    `stand-ins: ${chosen.length - failed} ready, ${failed} failed in ${seconds(started)} (cache: ${CACHE_DIR})` +
      (pruned ? `; removed ${pruned} outdated build${pruned === 1 ? '' : 's'} from the registry` : ''),
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`standins: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
