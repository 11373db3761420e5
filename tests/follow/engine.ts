/**
 * The Docker Engine the follow-along tests run lessons on (tests/follow/, tests/package/): whether
 * one answers, and its lock (src/runtime/engineLock.ts), shared with the snippet suite, because
 * lessons use fixed names (ds-hello) that two runs on one engine would both create.
 */
import { spawnSync } from 'node:child_process';
import { lockEngine, type EngineLock } from '../../src/runtime/engineLock.ts';

export const engineUp = spawnSync('docker', ['version', '--format', '{{.Server.Version}}']).status === 0;

/** Waits while another run holds this engine (the snippet suite, another follow test), then holds it. */
export async function lockLessonEngine(): Promise<EngineLock> {
  const endpoint = spawnSync('docker', ['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], {
    encoding: 'utf8',
  }).stdout.trim();
  return lockEngine(endpoint || 'default', (holder) =>
    console.log(`waiting for the lesson run of pid ${holder} on this engine`),
  );
}
