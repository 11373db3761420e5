/**
 * Each stand-in keeps its official image's contract as far as the lessons rely on it: the image
 * configuration recorded from the official Dockerfile (standin.yaml `official`, with every difference
 * listed with its reason under `differences`), a working directory that exists, the version inside
 * matching the tag, the commands the lessons use and the behaviour of the entrypoints. The test pulls each
 * image the way a lesson does (`docker pull redis:8`), so it checks whatever the engine serves: the
 * stand-ins behind the local mirror here, the official images on a machine that reaches Docker Hub. Both
 * must pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, docker } from '../../src/runtime/exec.ts';
import { CONTRACT_LABEL, removeLabelled } from '../../src/runtime/engine.ts';
import {
  configProblems,
  loadStandins,
  markerTag,
  observedConfig,
  registryDigest,
  type ImageConfig,
  type InspectedConfig,
  type Standin,
} from './definitions.ts';

/**
 * Labels for what a stand-in's tests start: the suite-wide one (an interrupted run removes everything
 * with it) and one per stand-in, because the stand-ins are tested concurrently and each removes only its own.
 */
const labels = (standin: Standin) => ['--label', CONTRACT_LABEL, '--label', ownLabel(standin)];
const ownLabel = (standin: Standin) => `org.dockside.standin=${standin.name}`;

async function runIn(standin: Standin, command: string[], extra: string[] = []) {
  return exec('docker', ['run', '--rm', ...labels(standin), ...extra, standin.image, ...command], {
    timeoutMs: 60_000,
  });
}

async function startIn(standin: Standin, args: string[], extra: string[] = []): Promise<string> {
  return (await docker(['run', '-d', ...labels(standin), ...extra, standin.image, ...args])).trim();
}

/** Retries a command in a running container until it prints what is expected (a server starting up). */
async function eventually(container: string, command: string[], expected: string): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const result = await exec('docker', ['exec', container, ...command], { timeoutMs: 20_000 });
    last = (result.stdout + result.stderr).trim();
    if (last === expected) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

function versionMatches(found: string, expected: string): boolean {
  return found === expected || found.startsWith(`${expected}.`);
}

for (const standin of loadStandins()) {
  describe(`${standin.image} (stands in for ${standin.standsInFor})`, () => {
    let hadImage = false;
    let config: ImageConfig;
    let servedBy: 'standin' | 'official';

    beforeAll(async () => {
      hadImage =
        (await exec('docker', ['image', 'inspect', standin.image], { timeoutMs: 30_000 })).code === 0;
      await docker(['pull', '--quiet', standin.image], { timeoutMs: 10 * 60_000 });
      const [inspected, repoDigests] = JSON.parse(
        await docker([
          'image',
          'inspect',
          '--format',
          '[{{json .Config}}, {{json .RepoDigests}}]',
          standin.image,
        ]),
      ) as [InspectedConfig, string[] | null];
      config = observedConfig(inspected);
      // The stand-in is the image the local registry holds under the definition's marker tag; an image
      // the registry holds only under the lesson's tag is a stand-in from an older definition.
      const held = (tag: string) => registryDigest(standin.repository, tag).catch(() => undefined);
      const [marker, tagged] = await Promise.all([held(markerTag(standin)), held(standin.tag)]);
      const served = (digest: string | undefined) =>
        digest !== undefined && (repoDigests ?? []).some((ref) => ref.endsWith(`@${digest}`));
      if (served(marker)) servedBy = 'standin';
      else if (served(tagged))
        throw new Error(
          `${standin.image} is a stand-in built from an older definition of tests/standins/${standin.name}: run \`npm run standins\``,
        );
      else servedBy = 'official';
    });

    afterAll(async () => {
      await removeLabelled(ownLabel(standin));
      // Leave the local image store as it was. Someone else may have started using the image meanwhile:
      // then removing fails, and that is fine.
      if (!hadImage) await exec('docker', ['image', 'rm', standin.image], { timeoutMs: 60_000 });
    });

    it(`has the official image's configuration (${standin.official.source.repo} ${standin.official.source.path}), but for the listed differences`, () => {
      const problems = configProblems(standin, config, servedBy);
      expect(
        problems,
        `tests/standins/${standin.name}/standin.yaml, served by the ${servedBy} image:\n${problems.join('\n')}`,
      ).toEqual([]);
    });

    it('has its working directory in the image (`docker exec` starts there)', async () => {
      const workdir = config.WorkingDir || '/';
      // Started in / with `test` as the program: the engine creates a missing working directory for the
      // container's first process, so only this shows whether the image itself has it.
      const result = await runIn(standin, ['-d', workdir], ['--workdir', '/', '--entrypoint', 'test']);
      expect(result.code, `${workdir} is not a directory in ${standin.image}`).toBe(0);
    });

    it(`has the version its tag names (${standin.contract.version.expect})`, async () => {
      const { command, pattern, expect: expected } = standin.contract.version;
      const result = await runIn(standin, command);
      const output = result.stdout + result.stderr;
      const found = new RegExp(pattern).exec(output)?.[1];
      expect(found, `\`${command.join(' ')}\` printed:\n${output}`).toBeDefined();
      expect(versionMatches(found!, expected), `version ${found} does not match the tag's ${expected}`).toBe(
        true,
      );
    });

    for (const command of standin.contract.commands) {
      it(`runs: ${command.join(' ')}`, async () => {
        const result = await runIn(standin, command);
        expect(result.code, result.stdout + result.stderr).toBe(0);
      });
    }

    if (standin.image === 'redis:8') redisBehaviour(standin);
    if (standin.image === 'nginx:1.30') nginxBehaviour(standin);
    if (standin.image === 'registry:2.8') registryBehaviour(standin);
  });
}

/** What the Redis lessons rely on from the official redis image's entrypoint and defaults. */
function redisBehaviour(standin: Standin) {
  it('runs `redis-server` as the redis user when started as root', async () => {
    const id = await startIn(standin, []);
    expect(await eventually(id, ['redis-cli', 'ping'], 'PONG')).toBe('PONG');
    const status = await docker(['exec', id, 'cat', '/proc/1/status']);
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe('999');
  });

  it('treats a first argument starting with "-" as options for redis-server (`docker run redis:8 --port 7000`)', async () => {
    const id = await startIn(standin, ['--port', '7000']);
    expect(await eventually(id, ['redis-cli', '-p', '7000', 'ping'], 'PONG')).toBe('PONG');
  });

  it('passes options after redis-server through (`redis-server --appendonly yes`)', async () => {
    const id = await startIn(standin, ['redis-server', '--appendonly', 'yes']);
    expect(await eventually(id, ['redis-cli', 'config', 'get', 'appendonly'], 'appendonly\nyes')).toBe(
      'appendonly\nyes',
    );
  });

  it('answers clients in other containers without a password (protected mode off, as in the official image)', async () => {
    const network = `dockside-contract-${process.pid}`;
    await docker(['network', 'create', ...labels(standin), network]);
    const id = await startIn(standin, [], ['--network', network, '--network-alias', 'contract-redis']);
    expect(await eventually(id, ['redis-cli', 'ping'], 'PONG')).toBe('PONG');
    const client = await runIn(
      standin,
      ['redis-cli', '-h', 'contract-redis', 'ping'],
      ['--network', network],
    );
    expect((client.stdout + client.stderr).trim()).toBe('PONG');
  });

  it('reads a config file mounted at /usr/local/etc/redis/redis.conf', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dockside-contract-'));
    try {
      const conf = path.join(dir, 'redis.conf');
      writeFileSync(conf, 'port 6380\nappendonly yes\n');
      const id = await startIn(
        standin,
        ['redis-server', '/usr/local/etc/redis/redis.conf'],
        ['-v', `${conf}:/usr/local/etc/redis/redis.conf:ro`],
      );
      expect(
        await eventually(id, ['redis-cli', '-p', '6380', 'config', 'get', 'appendonly'], 'appendonly\nyes'),
      ).toBe('appendonly\nyes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Runs a command in a running container until it succeeds (a server starting up); its last result. */
async function untilSucceeds(container: string, command: string[]) {
  let result = await exec('docker', ['exec', container, ...command], { timeoutMs: 20_000 });
  for (let attempt = 0; attempt < 40 && result.code !== 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    result = await exec('docker', ['exec', container, ...command], { timeoutMs: 20_000 });
  }
  return result;
}

/** What the lessons and the site image rely on from the official nginx image's entrypoint and defaults. */
function nginxBehaviour(standin: Standin) {
  it('serves the "Welcome to nginx!" page on port 80 and logs the request to `docker logs`', async () => {
    const id = await startIn(standin, []);
    const page = await untilSucceeds(id, ['curl', '-fsS', 'http://localhost/']);
    expect(page.stdout + page.stderr).toContain('<h1>Welcome to nginx!</h1>');
    const logs = await docker(['logs', id]);
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(logs).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\//);
  });

  it('enables `listen [::]:80` in the untouched default.conf when the kernel has IPv6', async () => {
    const id = await startIn(standin, []);
    await untilSucceeds(id, ['curl', '-fsS', '-o', '/dev/null', 'http://localhost/']);
    const hasIpv6 = (await exec('docker', ['exec', id, 'test', '-f', '/proc/net/if_inet6'])).code === 0;
    const logs = await docker(['logs', id]);
    const conf = await docker(['exec', id, 'cat', '/etc/nginx/conf.d/default.conf']);
    if (hasIpv6) {
      expect(logs).toContain('Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
      expect(conf).toContain('listen  [::]:80;');
    } else {
      expect(logs).toContain('ipv6 not available');
      expect(conf).not.toContain('[::]:80');
    }
  });

  it('fills /etc/nginx/templates/*.template with environment variables into conf.d', async () => {
    const template = 'server { listen ${NGINX_PORT}; location / { return 200 "port $server_port\\n"; } }';
    const id = await startIn(
      standin,
      [
        'sh',
        '-c',
        `mkdir -p /etc/nginx/templates && printf '%s\\n' '${template}' >/etc/nginx/templates/default.conf.template && exec /docker-entrypoint.sh nginx -g 'daemon off;'`,
      ],
      ['--env', 'NGINX_PORT=8080', '--entrypoint', ''],
    );
    const answer = await untilSucceeds(id, ['curl', '-fsS', 'http://localhost:8080/']);
    expect(answer.stdout).toBe('port 8080\n');
    expect(await docker(['logs', id])).toContain(
      '20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/default.conf.template to /etc/nginx/conf.d/default.conf',
    );
  });

  it('stops gracefully on `docker stop` (SIGQUIT): exit status 0, well before the kill timeout', async () => {
    const id = await startIn(standin, []);
    await untilSucceeds(id, ['curl', '-fsS', '-o', '/dev/null', 'http://localhost/']);
    const started = performance.now();
    await docker(['stop', id]);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect((await docker(['inspect', '--format', '{{.State.ExitCode}}', id])).trim()).toBe('0');
  });
}

/** What the registry lessons rely on from the official registry image. */
function registryBehaviour(standin: Standin) {
  it('treats an option as an argument to registry (`docker run registry:2.8 --version`)', async () => {
    const result = await runIn(standin, ['--version']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/\b2\.8\.\d+/);
  });

  it('serves the registry API on port 5000 without a login, and `docker push` to it stores in /var/lib/registry', async () => {
    const id = await startIn(standin, [], ['--publish', '127.0.0.1::5000']);
    const api = await untilSucceeds(id, ['wget', '-qO-', 'http://localhost:5000/v2/']);
    expect(api.stdout.trim()).toBe('{}');
    const port = /:(\d+)\s*$/.exec(await docker(['port', id, '5000/tcp']))?.[1];
    expect(port).toBeDefined();
    const pushed = `127.0.0.1:${port}/dockside-contract/registry:${process.pid}`;
    await docker(['tag', standin.image, pushed]);
    try {
      await docker(['push', '--quiet', pushed], { timeoutMs: 5 * 60_000 });
    } finally {
      await exec('docker', ['image', 'rm', pushed], { timeoutMs: 60_000 });
    }
    const catalog = await docker(['exec', id, 'wget', '-qO-', 'http://localhost:5000/v2/_catalog']);
    expect(JSON.parse(catalog)).toEqual({ repositories: ['dockside-contract/registry'] });
    const stored = await docker(['exec', id, 'ls', '/var/lib/registry/docker/registry/v2/repositories']);
    expect(stored.trim()).toBe('dockside-contract');
  });
}
