import { describe, expect, it } from 'vitest';
import { lineAt, programCalls } from '../../../src/lesson-model/shell/commands.ts';
import { imagePin, readDockerCall } from '../../../src/lesson-model/shell/dockerArgs.ts';
import { parseBash } from '../../../src/lesson-model/shell/parseBash.ts';
import { allPipelines, resolveWord } from '../../../src/lesson-model/shell/types.ts';

/** Each program call as "name arg arg", dynamic words in <>. */
const calls = (text: string, shell: 'bash' | 'powershell' = 'bash') =>
  programCalls(text, shell).map(
    (call) =>
      [call.name, ...call.args.map((a) => (a.dynamic ? `<${a.text}>` : a.text))].join(' ') +
      (call.incomplete ? ' …' : ''),
  );

describe('parseBash', () => {
  it('removes quotes and backslashes, keeps expansions as written and marks them dynamic', () => {
    expect(calls(`docker run -v "$PWD/redis.conf:/etc/redis.conf:ro" --name 'my box' a\\ b redis:8`)).toEqual(
      ['docker run -v <$PWD/redis.conf:/etc/redis.conf:ro> --name my box a b redis:8'],
    );
  });

  it('splits pipes, lists and newlines, and drops redirections', () => {
    expect(
      calls(`docker logs ds-redis 2>&1 | grep 'Ready' > out.txt && echo ok; echo done\nuname -r`),
    ).toEqual(['docker logs ds-redis', 'grep Ready', 'echo ok', 'echo done', 'uname -r']);
  });

  it('follows line continuations, and a pipe at the end of a line', () => {
    expect(calls('docker run -d \\\n  -p 127.0.0.1:6379:6379 \\\n  redis:8 |\n  cat')).toEqual([
      'docker run -d -p 127.0.0.1:6379:6379 redis:8',
      'cat',
    ]);
  });

  it('reads commands inside $(…), backticks, <(…) and loops', () => {
    expect(calls('DIGEST=$(docker image inspect --format "{{.Id}}" redis:8)')).toEqual([
      'docker image inspect --format {{.Id}} redis:8',
    ]);
    expect(calls('[ "$(uname -r)" = "`docker run --rm busybox:1.37 uname -r`" ] && echo same')).toEqual([
      '[ <$(uname -r)> = <`docker run --rm busybox:1.37 uname -r`> ]',
      'uname -r',
      'docker run --rm busybox:1.37 uname -r',
      'echo same',
    ]);
    expect(calls('for c in a b; do docker exec "$c" ls; done')).toEqual([
      'for c in a b',
      'docker exec <$c> ls',
    ]);
    expect(calls('diff <(docker image ls -q) before.txt')).toEqual([
      'diff <<(docker image ls -q)> before.txt',
      'docker image ls -q',
    ]);
  });

  it('skips heredoc bodies and comments', () => {
    expect(
      calls("cat <<'EOF' > compose.yaml\nservices:\n  docker run nope\nEOF\ndocker compose up -d # start it"),
    ).toEqual(['cat', 'docker compose up -d']);
  });

  it('looks through sudo, time, env and assignments; xargs makes the call incomplete', () => {
    expect(calls('sudo -E docker ps')).toEqual(['docker ps']);
    expect(calls('time docker run --rm busybox:1.37 true')).toEqual(['docker run --rm busybox:1.37 true']);
    expect(calls('FOO=1 env BAR=2 docker ps')).toEqual(['docker ps']);
    expect(calls('docker ps -q | xargs -r docker rm -f')).toEqual(['docker ps -q', 'docker rm -f …']);
  });

  it('knows where each word is, for the line of a problem', () => {
    const text = 'docker run -d \\\n  --bogus \\\n  redis:8';
    const word = allPipelines(parseBash(text))[0]!.commands[0]!.words.find((w) => w.text === '--bogus')!;
    expect(lineAt(text, word.offset, 40)).toBe(41);
  });

  it('resolves expansions to plausible values on request', () => {
    const word = allPipelines(parseBash('echo "$PWD/x:${HOME}"'))[0]!.commands[0]!.words[1]!;
    expect(resolveWord(word, (written) => (written.includes('PWD') ? '/work' : '/home'))).toBe(
      '/work/x:/home',
    );
  });
});

describe('parsePowerShell', () => {
  it('reads quotes, backtick continuations and variables', () => {
    expect(calls('docker run -d `\n  -v "${PWD}/redis.conf:/r.conf:ro" `\n  redis:8', 'powershell')).toEqual([
      'docker run -d -v <${PWD}/redis.conf:/r.conf:ro> redis:8',
    ]);
    expect(calls("docker ps --format 'it''s {{.Names}}'", 'powershell')).toEqual([
      "docker ps --format it's {{.Names}}",
    ]);
  });

  it('reads commands in (…), $(…) and script blocks, and after an assignment', () => {
    expect(calls('docker rm -f (docker ps -aq)', 'powershell')).toEqual([
      'docker rm -f <(docker ps -aq)>',
      'docker ps -aq',
    ]);
    expect(calls("foreach ($c in 'a', 'b') { docker exec $c ls }", 'powershell')).toEqual([
      "foreach <($c in 'a', 'b')> <{ docker exec $c ls }>",
      'docker exec <$c> ls',
    ]);
    expect(calls('$DIGEST = docker image inspect redis:8', 'powershell')).toEqual([
      'docker image inspect redis:8',
    ]);
    expect(
      calls('(Measure-Command { docker run --rm busybox:1.37 true }).TotalSeconds', 'powershell'),
    ).toContain('docker run --rm busybox:1.37 true');
  });

  it('drops redirections and ignores case in command names', () => {
    expect(calls("docker logs ds-redis 2>&1 | Select-String 'Ready'", 'powershell')).toEqual([
      'docker logs ds-redis',
      'select-string Ready',
    ]);
  });
});

describe('readDockerCall', () => {
  const read = (text: string) =>
    readDockerCall(allPipelines(parseBash(text))[0]!.commands[0]!.words.slice(1));

  it('finds the image after options with values, clusters and --flag=value', () => {
    expect(
      read('docker run -d --name x --restart on-failure:3 busybox:1.37 sh -c "exit 1"')?.positionals[0]?.text,
    ).toBe('busybox:1.37');
    expect(read('docker run -dit -p8080:80 -e A=1 --rm=true nginx:1.29')?.positionals[0]?.text).toBe(
      'nginx:1.29',
    );
    expect(read('docker container create --memory 64m python:3.13-slim')?.positionals[0]?.text).toBe(
      'python:3.13-slim',
    );
    expect(read('docker -H unix:///x.sock pull redis:8')?.positionals[0]?.text).toBe('redis:8');
  });

  it('collects option values, and says when an unknown option makes the image uncertain', () => {
    const call = read('docker run -p 127.0.0.1:80:80 -v /a:/b redis:8');
    expect(call?.options.map((o) => `${o.long}=${o.value}`)).toEqual([
      'publish=127.0.0.1:80:80',
      'volume=/a:/b',
    ]);
    expect(read('docker run --detatch busybox:1.37 true')).toMatchObject({
      uncertain: true,
      positionals: [],
    });
    expect(read('docker image ls')).toBeUndefined();
  });
});

describe('imagePin', () => {
  it('tells tags from registry ports and digests', () => {
    expect(imagePin('redis:8')).toEqual({ kind: 'tag', tag: '8' });
    expect(imagePin('redis')).toEqual({ kind: 'none' });
    expect(imagePin('registry.example.com:5000/team/web')).toEqual({ kind: 'none' });
    expect(imagePin('registry.example.com:5000/team/web:1.4')).toEqual({ kind: 'tag', tag: '1.4' });
    expect(imagePin('redis:8@sha256:abc')).toEqual({ kind: 'digest' });
  });
});
