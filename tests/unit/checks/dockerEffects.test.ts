import { describe, expect, it } from 'vitest';
import { createdNames, removesSomething } from '../../../src/lesson-model/shell/dockerEffects.ts';

describe('names a command creates', () => {
  it.each([
    ['docker run -d --name ds-web busybox:1.37 sleep 60', [{ kind: 'container', name: 'ds-web' }]],
    ['docker run -d --name=ds-web busybox:1.37', [{ kind: 'container', name: 'ds-web' }]],
    ['docker container create --name ds-box busybox:1.37', [{ kind: 'container', name: 'ds-box' }]],
    ['sudo docker run --name ds-web busybox:1.37', [{ kind: 'container', name: 'ds-web' }]],
    ['docker volume create data --label a=b', [{ kind: 'volume', name: 'data' }]],
    ['docker volume create --label a=b data', [{ kind: 'volume', name: 'data' }]],
    ['docker volume create --name data', [{ kind: 'volume', name: 'data' }]],
    ['docker network create --driver bridge ds-net', [{ kind: 'network', name: 'ds-net' }]],
    ['docker network create -d bridge --subnet 10.9.0.0/24 ds-net', [{ kind: 'network', name: 'ds-net' }]],
    ['docker run --rm -v data:/data busybox:1.37 ls /data', [{ kind: 'volume', name: 'data' }]],
    ['docker run --rm --volume=data:/data:ro busybox:1.37', [{ kind: 'volume', name: 'data' }]],
    ['docker run --rm --mount source=vol,target=/data busybox:1.37', [{ kind: 'volume', name: 'vol' }]],
    ['docker run --rm --mount type=volume,src=vol,dst=/data busybox:1.37', [{ kind: 'volume', name: 'vol' }]],
    ['docker compose -p ds-stack up -d', [{ kind: 'compose project', name: 'ds-stack' }]],
    [
      'docker run -d \\\n  --name ds-cache \\\n  -v ds-data:/data \\\n  redis:8',
      [
        { kind: 'container', name: 'ds-cache' },
        { kind: 'volume', name: 'ds-data' },
      ],
    ],
  ])('%s', (command, names) => {
    expect(createdNames(command)).toEqual(names);
  });

  it.each([
    // Not docker's options: another program's words.
    'grep -v x:/ notes.txt',
    'echo --name ds-web',
    'docker logs ds-web | grep -v data:/x',
    // Bind mounts and anonymous volumes name nothing.
    'docker run --rm -v "$PWD":/site busybox:1.37',
    'docker run --rm -v ./site:/site busybox:1.37',
    'docker run --rm -v /tmp/site:/site busybox:1.37',
    'docker run --rm -v /data busybox:1.37',
    'docker run --rm --mount type=bind,source=/tmp,target=/x busybox:1.37',
    // Uses a name; creates none.
    'docker exec ds-web ls',
    'docker volume inspect data',
    'docker network connect ds-net ds-web',
  ])('%s creates nothing', (command) => {
    expect(createdNames(command)).toEqual([]);
  });
});

describe('steps that remove', () => {
  it.each([
    'docker rm -f ds-web',
    'docker rmi redis:8',
    'docker container rm ds-web',
    'docker image rm redis:8',
    'docker image prune -f',
    'docker volume rm data',
    'docker volume prune -f',
    'docker network rm ds-net',
    'docker system prune -f',
    'docker compose down',
    'docker compose -f compose.yaml down --volumes',
    'docker compose -p ds-stack rm -f',
    'docker stop ds-web && docker rm ds-web',
    'sudo docker rm ds-web',
    'rm -rf build',
  ])('%s', (command) => {
    expect(removesSomething(command)).toBe(true);
  });

  it.each([
    'docker ps -a',
    'docker run --rm busybox:1.37 echo hi',
    'echo docker rm ds-web',
    'docker compose up -d',
    'docker volume ls',
    'docker network inspect ds-net',
    'grep rm notes.txt',
  ])('%s removes nothing', (command) => {
    expect(removesSomething(command)).toBe(false);
  });
});
