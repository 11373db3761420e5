/**
 * Each stand-in keeps its official image's contract as far as the lessons rely on it: image settings,
 * the version inside matching the tag, and the commands the lessons use. The test pulls each image the
 * way a lesson does (`docker pull redis:8`), so it checks whatever the engine serves: the stand-ins behind
 * the local mirror here, the official images on a machine that reaches Docker Hub. Both must pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, docker } from '../../src/runtime/exec.ts';
import { CONTRACT_LABEL, removeLabelled } from '../../src/runtime/engine.ts';
import { loadStandins, type Standin } from './definitions.ts';

interface ImageConfig {
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  ExposedPorts: Record<string, object> | null;
  WorkingDir?: string;
  Volumes: Record<string, object> | null;
}

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

    beforeAll(async () => {
      hadImage =
        (await exec('docker', ['image', 'inspect', standin.image], { timeoutMs: 30_000 })).code === 0;
      await docker(['pull', '--quiet', standin.image], { timeoutMs: 10 * 60_000 });
      config = JSON.parse(
        await docker(['image', 'inspect', '--format', '{{json .Config}}', standin.image]),
      ) as ImageConfig;
    });

    afterAll(async () => {
      await removeLabelled(ownLabel(standin));
      // Leave the local image store as it was. Someone else may have started using the image meanwhile:
      // then removing fails, and that is fine.
      if (!hadImage) await exec('docker', ['image', 'rm', standin.image], { timeoutMs: 60_000 });
    });

    it('has the official ENTRYPOINT, CMD, EXPOSE, WORKDIR and VOLUME', () => {
      const { contract } = standin;
      expect({
        entrypoint: config.Entrypoint?.length ? config.Entrypoint : null,
        cmd: config.Cmd?.length ? config.Cmd : null,
        exposedPorts: Object.keys(config.ExposedPorts ?? {}).sort(),
        workingDir: config.WorkingDir ?? '',
        volumes: Object.keys(config.Volumes ?? {}).sort(),
      }).toEqual({
        entrypoint: contract.entrypoint,
        cmd: contract.cmd,
        exposedPorts: [...contract.exposedPorts].sort(),
        workingDir: contract.workingDir,
        volumes: [...contract.volumes].sort(),
      });
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
