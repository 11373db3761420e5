/**
 * Building and running the site image (Dockerfile) on the Docker Engine the docker CLI points at:
 * one home for the image test (tests/image/) and the Lighthouse benchmark (scripts/bench/).
 * The container runs the way the README recommends for production: read-only root filesystem with
 * a /tmp tmpfs, every capability dropped, no new privileges, published on 127.0.0.1 at a free port.
 * Both take the engine lock (src/runtime/engineLock.ts) so they never overlap a lesson run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lockEngine, type EngineLock } from '../src/runtime/engineLock.ts';
import { NGINX_HEADERS_FILE } from '../src/security/csp.ts';

export function docker(args: string[], timeoutMs = 600_000): string {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0)
    throw new Error(`docker ${args.join(' ')} failed (${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

export interface RunningImage {
  /** http://127.0.0.1:<port> */
  base: string;
  tag: string;
  container: string;
  /** Seconds `docker build` took. */
  buildSeconds: number;
  /** Removes the container and the image, and releases the engine lock. */
  stop(): void;
}

export async function startSiteImage({
  root,
  label,
}: {
  root: string;
  label: string;
}): Promise<RunningImage> {
  const dist = path.join(root, 'dist');
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, NGINX_HEADERS_FILE)))
    throw new Error(`${dist} has no built site with its ${NGINX_HEADERS_FILE}: run npm run build first`);
  const engine = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' });
  if (engine.status !== 0)
    throw new Error(
      `no Docker Engine answers (${(engine.stderr ?? '').trim() || 'docker not found'}): the site image needs one`,
    );
  const endpoint = docker(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}']);
  const lock: EngineLock = await lockEngine(endpoint || 'default', (holder) =>
    console.log(`waiting for the run of pid ${holder} on this engine`),
  );
  const tag = `dockside-${label}:${process.pid}`;
  const container = `dockside-${label}-${process.pid}`;
  const stop = () => {
    spawnSync('docker', ['rm', '--force', container]);
    spawnSync('docker', ['image', 'rm', tag]);
    lock.release();
  };
  try {
    const started = performance.now();
    docker(['build', '--quiet', '--tag', tag, root]);
    const buildSeconds = (performance.now() - started) / 1000;
    docker([
      'run',
      '--detach',
      '--name',
      container,
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--publish',
      '127.0.0.1::8080',
      tag,
    ]);
    const base = `http://${docker(['port', container, '8080/tcp']).split('\n')[0]}`;
    // The image's own HEALTHCHECK decides when it is ready.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const health = docker(['inspect', '--format', '{{.State.Health.Status}}', container]);
      if (health === 'healthy') break;
      const running = docker(['inspect', '--format', '{{.State.Running}}', container]) === 'true';
      if (Date.now() > deadline || !running) {
        const logs = spawnSync('docker', ['logs', container], { encoding: 'utf8' });
        throw new Error(
          `the container is ${running ? health : 'not running'}:\n${logs.stdout}${logs.stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { base, tag, container, buildSeconds, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
