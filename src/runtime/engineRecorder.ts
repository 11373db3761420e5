/**
 * Knows exactly which Docker objects a lesson created, even on an engine other people use at the same
 * time: the lesson's bash session talks to the engine through this pass-through proxy
 * (DOCKER_HOST=unix://<proxy socket>), which forwards every request unchanged and writes down what the
 * engine reports as created:
 *
 *   POST /containers/create   the container ID, and the volumes it mounts (anonymous ones are made here)
 *   POST /networks/create     the network ID
 *   POST /volumes/create      the volume name
 *   POST /images/create       the image reference pulled or imported (fromImage/tag, repo/tag)
 *   POST /build               its tags (t=) and the built image ID
 *   POST /images/{name}/tag   the new reference
 *   POST /commit              the new reference and image ID
 *   POST /images/load         the references it loaded
 *
 * The suite removes only objects on this list (and only those that did not exist before the lesson).
 * Connections that switch protocols (attach, exec, BuildKit sessions) are piped through byte for byte.
 */
import http from 'node:http';
import net from 'node:net';
import { rmSync } from 'node:fs';
import path from 'node:path';

export type EngineEndpoint = { socketPath: string } | { host: string; port: number };

/** Where the docker CLI's current endpoint (DOCKER_HOST or context) points, if the proxy can reach it. */
export function parseEndpoint(endpoint: string): EngineEndpoint | undefined {
  if (endpoint.startsWith('unix://')) return { socketPath: endpoint.slice('unix://'.length) };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(endpoint);
  // TLS endpoints (DOCKER_TLS_VERIFY) and ssh:// cannot be proxied by a plain HTTP forwarder.
  if (tcp && !process.env.DOCKER_TLS_VERIFY) return { host: tcp[1]!, port: Number(tcp[2]) };
  return undefined;
}

export interface CreatedObjects {
  containers: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
  /** Image references as `docker image ls` shows them (`redis:8`, `myapp:latest`) and image IDs (`sha256:…`). */
  images: Set<string>;
}

/** `docker.io/library/redis` → `redis`, the way `docker image ls` names repositories. */
export function shortRepository(repository: string): string {
  return repository
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

function reference(repository: string | null, tag: string | null): string | undefined {
  if (!repository) return undefined;
  if (repository.includes('@')) return shortRepository(repository);
  // `fromImage=redis:8` with no tag parameter also happens.
  const lastColon = repository.lastIndexOf(':');
  if (!tag && lastColon > repository.lastIndexOf('/'))
    return `${shortRepository(repository.slice(0, lastColon))}:${repository.slice(lastColon + 1)}`;
  return `${shortRepository(repository)}:${tag || 'latest'}`;
}

function jsonLines(body: string): Record<string, unknown>[] {
  return body
    .split(/\r?\n/)
    .filter((line) => line.trim().startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

export class EngineRecorder {
  readonly socketPath: string;
  readonly created: CreatedObjects = {
    containers: new Set(),
    networks: new Set(),
    volumes: new Set(),
    images: new Set(),
  };
  private readonly server: http.Server;
  private readonly target: EngineEndpoint;
  // Keep-alive, like the docker CLI itself: with `Connection: close` requests, older engines (20.10) sometimes drop
  // the connection before reading a request body (EPIPE on `docker exec` in about one run in five).
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly inFlight = new Set<Promise<void>>();
  private readonly rawSockets = new Set<net.Socket>();

  private constructor(target: EngineEndpoint, socketPath: string) {
    this.target = target;
    this.socketPath = socketPath;
    // No server-side timeouts: `docker logs -f` and long builds hold a request open as long as they like.
    this.server = http.createServer({ requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 5_000 });
    this.server.on('request', (request, response) => this.forward(request, response));
    this.server.on('upgrade', (request, socket, head) => this.pipeRaw(request, socket as net.Socket, head));
  }

  /** Listens on `<dir>/docker.sock`. */
  static async start(target: EngineEndpoint, dir: string): Promise<EngineRecorder> {
    const socketPath = path.join(dir, 'docker.sock');
    rmSync(socketPath, { force: true });
    const recorder = new EngineRecorder(target, socketPath);
    await new Promise<void>((resolve, reject) => {
      recorder.server.once('error', reject);
      recorder.server.listen(socketPath, () => resolve());
    });
    return recorder;
  }

  /** The DOCKER_HOST value for the lesson's shell. */
  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  /** Forgets what was recorded (one recorder serves lesson after lesson). */
  reset(): void {
    for (const set of Object.values(this.created)) set.clear();
  }

  /** Waits for the follow-up lookups (a new container's volumes) still running. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    for (const socket of this.rawSockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.agent.destroy();
    rmSync(this.socketPath, { force: true });
  }

  private upstreamOptions(request: http.IncomingMessage): http.RequestOptions {
    return {
      ...this.target,
      agent: this.agent,
      method: request.method,
      path: request.url,
      headers: request.headers,
    };
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse) {
    const upstream = http.request(this.upstreamOptions(request), (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
      // Send the headers now: `docker run` waits for the headers of its (long) wait request before it
      // starts the container, and Node would otherwise hold them back until the first body byte.
      response.flushHeaders();
      const record = this.recorderFor(request, answer.statusCode ?? 0);
      let body = '';
      answer.on('data', (chunk: Buffer) => {
        // Only creation answers are read, and only their start matters for the big streaming ones.
        if (record && body.length < 1_000_000) body += chunk.toString('utf8');
        response.write(chunk);
      });
      answer.on('end', () => {
        response.end();
        if (record) record(body);
      });
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain' });
      response.end(`dockside engine recorder: ${error.message}\n`);
    });
    // The client went away (a killed `docker logs -f`): stop the upstream request too.
    response.on('close', () => upstream.destroy());
    request.pipe(upstream);
  }

  /** attach, exec and BuildKit switch protocols: replay the request head and pipe both ways. */
  private pipeRaw(request: http.IncomingMessage, client: net.Socket, head: Buffer) {
    const upstream =
      'socketPath' in this.target
        ? net.connect(this.target.socketPath)
        : net.connect(this.target.port, this.target.host);
    this.rawSockets.add(client).add(upstream);
    const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
    for (let i = 0; i < request.rawHeaders.length; i += 2)
      lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    client.pipe(upstream).pipe(client);
    const done = () => {
      client.destroy();
      upstream.destroy();
      this.rawSockets.delete(client);
      this.rawSockets.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  }

  /** What to write down from a creation answer, or undefined for every other request. */
  private recorderFor(request: http.IncomingMessage, status: number): ((body: string) => void) | undefined {
    if (request.method !== 'POST' || status < 200 || status >= 300) return undefined;
    const url = new URL(request.url ?? '/', 'http://engine');
    const route = url.pathname.replace(/^\/v\d+(?:\.\d+)?/, '');
    const query = url.searchParams;
    const { containers, networks, volumes, images } = this.created;
    const idFrom = (body: string) => {
      try {
        return (JSON.parse(body) as { Id?: string; Name?: string }) ?? {};
      } catch {
        return {};
      }
    };

    if (route === '/containers/create') {
      return (body) => {
        const id = idFrom(body).Id;
        if (!id) return;
        containers.add(id);
        this.track(this.recordMounts(id));
      };
    }
    if (route === '/networks/create')
      return (body) => void (idFrom(body).Id && networks.add(idFrom(body).Id!));
    if (route === '/volumes/create')
      return (body) => void (idFrom(body).Name && volumes.add(idFrom(body).Name!));
    if (route === '/images/create') {
      const ref = query.get('fromSrc')
        ? reference(query.get('repo'), query.get('tag'))
        : reference(query.get('fromImage'), query.get('tag'));
      return () => void (ref && images.add(ref));
    }
    if (route === '/build') {
      const tags = query
        .getAll('t')
        .map((t) => reference(t, null))
        .filter((t): t is string => Boolean(t));
      return (body) => {
        for (const tag of tags) images.add(tag);
        for (const line of jsonLines(body)) {
          const aux = line.aux as { ID?: string } | undefined;
          if (aux?.ID) images.add(aux.ID);
        }
      };
    }
    const tagRoute = /^\/images\/(.+)\/tag$/.exec(route);
    if (tagRoute) {
      const ref = reference(query.get('repo'), query.get('tag'));
      return () => void (ref && images.add(ref));
    }
    if (route === '/commit') {
      const ref = reference(query.get('repo'), query.get('tag'));
      return (body) => {
        if (ref) images.add(ref);
        const id = idFrom(body).Id;
        if (id) images.add(id);
      };
    }
    if (route === '/images/load') {
      return (body) => {
        for (const line of jsonLines(body)) {
          const text = typeof line.stream === 'string' ? line.stream : '';
          const loaded = /Loaded image(?: ID)?: (\S+)/.exec(text)?.[1];
          if (loaded) images.add(loaded.startsWith('sha256:') ? loaded : (reference(loaded, null) ?? loaded));
        }
      };
    }
    return undefined;
  }

  private track(work: Promise<void>) {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** A new container's volumes (anonymous ones from the image's VOLUME, named ones made on the fly). */
  private recordMounts(id: string): Promise<void> {
    return new Promise((resolve) => {
      const request = http.request(
        { ...this.target, agent: this.agent, method: 'GET', path: `/containers/${id}/json` },
        (answer) => {
          let body = '';
          answer.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          answer.on('end', () => {
            try {
              const mounts =
                (JSON.parse(body) as { Mounts?: { Type?: string; Name?: string }[] }).Mounts ?? [];
              for (const mount of mounts)
                if (mount.Type === 'volume' && mount.Name) this.created.volumes.add(mount.Name);
            } catch {
              // The container is already gone (`docker run --rm` of a short command): nothing to record.
            }
            resolve();
          });
          answer.on('error', () => resolve());
        },
      );
      request.on('error', () => resolve());
      request.end();
    });
  }
}
