/**
 * What the snippet suite asks the Docker Engine for itself: whether one answers, which objects exist,
 * and removing the objects a lesson left behind.
 *
 * A lesson's objects are those the engine recorder (engineRecorder.ts) saw the lesson create, that did
 * not exist before the lesson, and still exist after it. Objects other people create on the same engine
 * at the same time are never the lesson's. When the engine cannot be proxied (ssh://, TLS), attribution
 * falls back to difference alone: anything new since the lesson started counts as the lesson's, which is
 * right only when nothing else uses the engine meanwhile.
 */
import type { EngineFacts } from '../lesson-model/verification.ts';
import { docker, exec } from './exec.ts';
import type { CreatedObjects } from './engineRecorder.ts';

export interface EngineStatus {
  ok: boolean;
  version?: string;
  /** Why no engine answers, in the docker CLI's words. */
  reason?: string;
  /** Registry mirrors the engine uses (http://127.0.0.1:5000/ when stand-ins are in use). */
  mirrors: string[];
}

export async function engineStatus(): Promise<EngineStatus> {
  const result = await exec('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
  if (result.code !== 0 || !result.stdout.trim()) {
    const said = (result.stderr.trim() || result.stdout.trim()).split('\n').filter(Boolean);
    const reason = result.timedOut
      ? '`docker version` did not answer within 20 s'
      : result.code === null
        ? 'the docker command is not installed'
        : (said.at(-1) ?? `docker version exited with ${result.code}`);
    return { ok: false, reason, mirrors: [] };
  }
  const mirrors = await exec(
    'docker',
    ['info', '--format', '{{range .RegistryConfig.Mirrors}}{{println .}}{{end}}'],
    { timeoutMs: 20_000 },
  );
  return {
    ok: true,
    version: result.stdout.trim(),
    mirrors: mirrors.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/**
 * What a verification record says about the engine (src/lesson-model/verification.ts): `docker version`
 * for the server and client, `docker info` for the image store. The containerd image store is the
 * containerd snapshotter (`driver-type: io.containerd.snapshotter.v1`); anything else is a classic
 * storage driver (overlay2, …). `images` is the caller's: whether the stand-in mirror served the images.
 */
export async function engineFacts(images: EngineFacts['images']): Promise<EngineFacts> {
  const version = JSON.parse(await docker(['version', '--format', '{{json .}}'])) as {
    Client?: { Version?: string };
    Server?: { Version?: string; ApiVersion?: string; Os?: string; Arch?: string };
  };
  const [driver, driverStatus, operatingSystem] = (
    await docker(['info', '--format', '{{json .Driver}}\t{{json .DriverStatus}}\t{{json .OperatingSystem}}'])
  )
    .trim()
    .split('\t')
    .map((part) => JSON.parse(part) as unknown);
  const snapshotter =
    Array.isArray(driverStatus) &&
    driverStatus.some(
      (pair) =>
        Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === 'io.containerd.snapshotter.v1',
    );
  return {
    server: version.Server?.Version ?? 'unknown',
    client: version.Client?.Version ?? 'unknown',
    api: version.Server?.ApiVersion ?? 'unknown',
    os: typeof operatingSystem === 'string' ? operatingSystem : (version.Server?.Os ?? 'unknown'),
    arch: version.Server?.Arch ?? 'unknown',
    storageDriver: typeof driver === 'string' ? driver : 'unknown',
    imageStore: snapshotter ? 'containerd' : 'classic',
    images,
  };
}

export interface DockerObject {
  kind: 'container' | 'volume' | 'network' | 'image';
  /** What `docker … rm` takes: an ID, a volume name or an image reference. */
  key: string;
  /** What a person recognises: a name or an image reference. */
  display: string;
  /** com.docker.compose.project, when Compose made it. */
  composeProject?: string | undefined;
  /** An image's ID (a tag and a digest reference to the same image share it). */
  imageId?: string;
}

export interface Snapshot {
  objects: Map<string, DockerObject>;
  /** Image IDs that existed, so a new reference to an old image is removed by untagging, never by ID. */
  imageIds: Set<string>;
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const keyOf = (object: DockerObject) => `${object.kind} ${object.key}`;
const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export async function snapshot(): Promise<Snapshot> {
  const compose = '{{.Label "com.docker.compose.project"}}';
  const [containers, volumes, networks, images] = await Promise.all([
    docker(['ps', '-a', '--no-trunc', '--format', `{{.ID}}\t{{.Names}}\t${compose}`]),
    docker(['volume', 'ls', '--format', `{{.Name}}\t${compose}`]),
    docker(['network', 'ls', '--no-trunc', '--format', `{{.ID}}\t{{.Name}}\t${compose}`]),
    // Top-level images only: intermediate layers of a build go when the image they belong to goes.
    docker(['image', 'ls', '--no-trunc', '--format', '{{.ID}}\t{{.Repository}}\t{{.Tag}}']),
  ]);
  const objects = new Map<string, DockerObject>();
  const add = (object: DockerObject) => objects.set(keyOf(object), object);
  for (const line of lines(containers)) {
    const [id = '', name = '', project = ''] = line.split('\t');
    add({
      kind: 'container',
      key: id,
      display: `${name} (${shortId(id)})`,
      composeProject: project || undefined,
    });
  }
  for (const line of lines(volumes)) {
    const [name = '', project = ''] = line.split('\t');
    const anonymous = /^[0-9a-f]{64}$/.test(name)
      ? ' (anonymous: a VOLUME in the image, removed by `docker rm -v` or `--rm`)'
      : '';
    add({
      kind: 'volume',
      key: name,
      display: `${name.length === 64 ? shortId(name) : name}${anonymous}`,
      composeProject: project || undefined,
    });
  }
  for (const line of lines(networks)) {
    const [id = '', name = '', project = ''] = line.split('\t');
    add({ kind: 'network', key: id, display: name, composeProject: project || undefined });
  }
  const imageIds = new Set<string>();
  for (const line of lines(images)) {
    const [id = '', repository = '', tag = ''] = line.split('\t');
    imageIds.add(id);
    if (repository !== '<none>' && tag !== '<none>')
      add({ kind: 'image', key: `${repository}:${tag}`, display: `${repository}:${tag}`, imageId: id });
    else add({ kind: 'image', key: id, display: `${shortId(id)} (untagged)`, imageId: id });
  }
  return { objects, imageIds };
}

const ATTRIBUTION = {
  container: 'containers',
  network: 'networks',
  volume: 'volumes',
  image: 'images',
} as const;

/**
 * Objects in `after` that were not in `before` and (when a recorder watched) that the lesson created,
 * in the order they can be removed.
 */
export function newObjects(before: Snapshot, after: Snapshot, created?: CreatedObjects): DockerObject[] {
  const order = { container: 0, network: 1, volume: 2, image: 3 } as const;
  return (
    [...after.objects.entries()]
      .filter(([key]) => !before.objects.has(key))
      .map(([, object]) => object)
      .filter((object) => !created || created[ATTRIBUTION[object.kind]].has(object.key))
      // An untagged image that existed before (it lost its tag during the lesson) is not the lesson's.
      .filter((object) => !(object.kind === 'image' && before.imageIds.has(object.key)))
      .sort((a, b) => order[a.kind] - order[b.kind])
  );
}

/**
 * Leaves out the images a lesson may keep (its course's images, src/lesson-model/courseImages.ts), and
 * any other reference to those same images: `docker pull redis@sha256:…` after `redis:8` names the same
 * image twice, and the course's last lesson removes both when it removes `redis:8`.
 */
export function withoutKept(
  objects: DockerObject[],
  kept: ReadonlySet<string>,
  after: Snapshot,
): DockerObject[] {
  if (!kept.size) return objects;
  const keptIds = new Set(
    [...after.objects.values()]
      .filter((object) => object.kind === 'image' && kept.has(object.key))
      .map((object) => object.imageId),
  );
  return objects.filter(
    (object) => object.kind !== 'image' || !(kept.has(object.key) || keptIds.has(object.imageId)),
  );
}

/** Groups objects for a report: Compose projects first as one line each, then the rest. */
export function describeObjects(objects: DockerObject[]): string[] {
  const projects = new Map<string, DockerObject[]>();
  const loose: string[] = [];
  for (const object of objects) {
    if (object.composeProject)
      projects.set(object.composeProject, [...(projects.get(object.composeProject) ?? []), object]);
    else loose.push(`${object.kind} ${object.display}`);
  }
  const grouped = [...projects].map(([project, members]) => {
    const counts = new Map<string, number>();
    for (const member of members) counts.set(member.kind, (counts.get(member.kind) ?? 0) + 1);
    const parts = [...counts].map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`);
    return `compose project ${project}: ${parts.join(', ')}`;
  });
  return [...grouped, ...loose];
}

/**
 * Removes the given objects (containers first, images last). Returns what could not be removed, with
 * the engine's reason.
 */
export async function removeObjects(objects: DockerObject[]): Promise<string[]> {
  const problems: string[] = [];
  const remove = async (kind: DockerObject['kind'], args: string[], keys: string[]) => {
    if (keys.length === 0) return;
    const result = await exec('docker', [...args, ...keys], { timeoutMs: 120_000 });
    if (result.code !== 0) {
      for (const line of lines(result.stderr)) {
        if (!/no such (container|volume|network|image)/i.test(line)) problems.push(`${kind}: ${line.trim()}`);
      }
    }
  };
  const keys = (kind: DockerObject['kind']) =>
    objects.filter((object) => object.kind === kind).map((object) => object.key);
  // -v: a container's anonymous volumes go with it (they are the lesson's too).
  await remove('container', ['rm', '--force', '--volumes'], keys('container'));
  await remove('network', ['network', 'rm'], keys('network'));
  await remove('volume', ['volume', 'rm', '--force'], keys('volume'));
  // References before bare IDs: removing a reference untags; the image goes with its last reference.
  const images = keys('image');
  await remove(
    'image',
    ['image', 'rm'],
    images.filter((key) => !key.startsWith('sha256:')),
  );
  await remove(
    'image',
    ['image', 'rm'],
    images.filter((key) => key.startsWith('sha256:')),
  );
  return problems;
}

/** Containers the stand-in contract test starts carry this label, so an interrupted run can find them. */
export const CONTRACT_LABEL = 'org.dockside.test=standin-contract';

export async function removeLabelled(label: string): Promise<void> {
  const ids = lines(await docker(['ps', '-aq', '--filter', `label=${label}`]).catch(() => ''));
  if (ids.length) await exec('docker', ['rm', '--force', '--volumes', ...ids], { timeoutMs: 60_000 });
  const networks = lines(await docker(['network', 'ls', '-q', '--filter', `label=${label}`]).catch(() => ''));
  if (networks.length) await exec('docker', ['network', 'rm', ...networks], { timeoutMs: 60_000 });
  const volumes = lines(await docker(['volume', 'ls', '-q', '--filter', `label=${label}`]).catch(() => ''));
  if (volumes.length) await exec('docker', ['volume', 'rm', '--force', ...volumes], { timeoutMs: 60_000 });
}
