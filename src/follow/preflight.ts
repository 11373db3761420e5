/**
 * Before the first step: is docker installed, does the engine answer, on what system, and are the
 * lesson's names free. Each failure says what to do, in the learner's language.
 */
import os from 'node:os';
import { exec } from '../runtime/exec.ts';
import type { Messages } from './messages.ts';
import type { LessonName } from '../lesson-model/lessonNames.ts';

export type Preflight = { ok: true; summary: string } | { ok: false; problem: string };

export async function checkDocker(say: Messages): Promise<Preflight> {
  const client = await exec(
    'docker',
    ['version', '--format', '{{.Client.Version}}|{{.Server.Version}}|{{.Server.Os}}/{{.Server.Arch}}'],
    { timeoutMs: 20_000 },
  );
  if (client.code === null && !client.timedOut) return { ok: false, problem: say.dockerMissing };
  const [clientVersion = '?', serverVersion = '', platform = ''] = client.stdout.trim().split('|');
  if (client.code !== 0 || !serverVersion) {
    const said = `${client.stderr}\n${client.stdout}`;
    if (/permission denied/i.test(said)) return { ok: false, problem: say.permission };
    const reason = client.timedOut
      ? 'no answer in 20 s'
      : (said.trim().split('\n').filter(Boolean).at(-1) ?? `exit ${client.code}`);
    return { ok: false, problem: say.engineDown(reason) };
  }
  return {
    ok: true,
    summary: say.system(
      `${os.type()} ${os.release()}`,
      os.arch(),
      clientVersion,
      `${serverVersion} (${platform})`,
    ),
  };
}

/**
 * The lesson's commands run in bash, as the page shows them (src/runtime/bashSession.ts). Linux and
 * Mac have it; on Windows a learner runs the runner inside WSL or Git Bash.
 */
export async function checkBash(say: Messages): Promise<Preflight> {
  const bash = await exec('bash', ['--noprofile', '--norc', '-c', 'echo "$BASH_VERSION"'], {
    timeoutMs: 20_000,
  });
  if (bash.code !== 0) return { ok: false, problem: say.bashMissing };
  return { ok: true, summary: `bash ${bash.stdout.trim()}` };
}

/** Whether something of that kind and name exists on the engine now. */
async function nameExists(entry: LessonName): Promise<boolean> {
  if (entry.kind === 'compose project') {
    const result = await exec(
      'docker',
      ['ps', '-aq', '--filter', `label=com.docker.compose.project=${entry.name}`],
      { timeoutMs: 20_000 },
    );
    return result.stdout.trim() !== '';
  }
  const result = await exec('docker', [entry.kind, 'inspect', entry.name], { timeoutMs: 20_000 });
  return result.code === 0;
}

/** The ones among `names` that exist now. */
export async function existingNames(names: readonly LessonName[]): Promise<LessonName[]> {
  const existing: LessonName[] = [];
  for (const name of names) if (await nameExists(name)) existing.push(name);
  return existing;
}

/** The command a learner runs to remove it; also what the runner runs for names it made itself. */
export function removeCommand(entry: LessonName): string[] {
  switch (entry.kind) {
    case 'container':
      return ['docker', 'rm', '-f', entry.name];
    case 'volume':
      return ['docker', 'volume', 'rm', entry.name];
    case 'network':
      return ['docker', 'network', 'rm', entry.name];
    case 'compose project':
      // No compose file needed: Compose labels everything it makes with the project name.
      return [
        'sh',
        '-c',
        `docker rm -f $(docker ps -aq --filter label=com.docker.compose.project=${entry.name}); docker network prune -f --filter label=com.docker.compose.project=${entry.name}; docker volume rm $(docker volume ls -q --filter label=com.docker.compose.project=${entry.name})`,
      ];
  }
}
