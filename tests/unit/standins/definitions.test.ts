/**
 * The stand-in definitions (tests/standins/<name>/standin.yaml) and the comparison the contract test makes
 * between an image's configuration and the record of the official image. The contract test itself needs
 * an engine; what it decides from an inspected configuration is checked here, with no engine.
 */
import { describe, expect, it } from 'vitest';
import {
  configProblems,
  loadStandins,
  observedConfig,
  type ImageConfig,
  type Standin,
} from '../../standins/definitions.ts';

const official: ImageConfig = {
  Env: { PATH: '/usr/local/bin:/usr/bin:/bin', PYTHON_VERSION: '3.13.14', GPG_KEY: 'ABC' },
  Entrypoint: null,
  Cmd: ['python3'],
  WorkingDir: '',
  User: '',
  ExposedPorts: [],
  Volumes: [],
  StopSignal: '',
};

function record(differences: Standin['differences'] = []): Pick<Standin, 'official' | 'differences'> {
  return {
    official: {
      source: { repo: 'docker-library/python', path: 'Dockerfile', commit: 'a'.repeat(40), base: 'scratch' },
      config: official,
    },
    differences,
  };
}

const withEnv = (env: Record<string, string>): ImageConfig => ({ ...official, Env: env });

describe('observedConfig', () => {
  it("turns `docker image inspect`'s Config into the record's form", () => {
    expect(
      observedConfig({
        Env: ['PATH=/usr/bin:/bin', 'OPTS=a=b'],
        Entrypoint: [],
        Cmd: ['nginx', '-g', 'daemon off;'],
        ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
        Volumes: null,
        StopSignal: 'SIGQUIT',
      }),
    ).toEqual({
      Env: { PATH: '/usr/bin:/bin', OPTS: 'a=b' },
      Entrypoint: null,
      Cmd: ['nginx', '-g', 'daemon off;'],
      WorkingDir: '',
      User: '',
      ExposedPorts: ['443/tcp', '80/tcp'],
      Volumes: [],
      StopSignal: 'SIGQUIT',
    });
  });
});

describe('configProblems for a stand-in', () => {
  it('accepts the official configuration', () => {
    expect(configProblems(record(), official, 'standin')).toEqual([]);
  });

  it('takes no WORKDIR and WORKDIR / as the same', () => {
    expect(configProblems(record(), { ...official, WorkingDir: '/' }, 'standin')).toEqual([]);
  });

  it('reports a difference that is not listed, naming the field and both values', () => {
    const problems = configProblems(record(), { ...official, Cmd: ['bash'] }, 'standin');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Cmd: the official image has \["python3"\], the stand-in \["bash"\]/);
  });

  it('reports a missing environment variable, and an extra one', () => {
    const problems = configProblems(
      record(),
      withEnv({ PATH: official.Env.PATH!, GPG_KEY: 'ABC', EXTRA: '1' }),
      'standin',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Env\.EXTRA: the official image has nothing, the stand-in "1"/),
      expect.stringMatching(/^Env\.PYTHON_VERSION: the official image has "3\.13\.14", the stand-in nothing/),
    ]);
  });

  it('accepts a listed difference with the stand-in value it names', () => {
    const listed = [{ field: 'Env.PYTHON_VERSION', standin: null, reason: "Debian's Python" }];
    expect(
      configProblems(record(listed), withEnv({ PATH: official.Env.PATH!, GPG_KEY: 'ABC' }), 'standin'),
    ).toEqual([]);
  });

  it('reports a listed difference whose stand-in value is not what the image has', () => {
    const listed = [{ field: 'StopSignal', standin: 'SIGTERM', reason: 'some reason here' }];
    expect(configProblems(record(listed), { ...official, StopSignal: 'SIGINT' }, 'standin')).toEqual([
      'StopSignal: differences lists the stand-in\'s value as "SIGTERM", but it is "SIGINT"',
    ]);
  });

  it('reports a listed difference that no longer is one, so the list stays true', () => {
    const listed = [
      { field: 'Cmd', standin: ['bash'], reason: 'some reason here' },
      { field: 'Env.GONE', standin: null, reason: 'some reason here' },
    ];
    expect(configProblems(record(listed), official, 'standin')).toEqual([
      expect.stringMatching(/^Cmd: listed under differences, but the stand-in has the official value/),
      expect.stringMatching(/^Env\.GONE: listed under differences, but neither image sets it/),
    ]);
  });
});

describe('configProblems for the real official image', () => {
  it('accepts release values of environment variables that moved on, but not a changed PATH', () => {
    expect(
      configProblems(record(), withEnv({ ...official.Env, PYTHON_VERSION: '3.13.15' }), 'official'),
    ).toEqual([]);
    expect(configProblems(record(), withEnv({ ...official.Env, PATH: '/bin' }), 'official')).toEqual([
      expect.stringMatching(
        /^Env\.PATH: the record says .*, the official image has "\/bin"; update the record/,
      ),
    ]);
  });

  it('ignores the listed differences: the official image must match the record', () => {
    const listed = [{ field: 'Cmd', standin: ['bash'], reason: 'some reason here' }];
    expect(configProblems(record(listed), official, 'official')).toEqual([]);
    expect(configProblems(record(listed), { ...official, Cmd: ['bash'] }, 'official')).toHaveLength(1);
  });
});

describe('the stand-in definitions', () => {
  const standins = loadStandins();

  it('load, each with the official configuration recorded from a named source', () => {
    expect(standins.map((standin) => standin.image)).toEqual(
      expect.arrayContaining(['nginx:1.30', 'registry:2.8', 'redis:8', 'busybox:1.37']),
    );
    for (const standin of standins) {
      expect(standin.official.source.commit, standin.name).toMatch(/^[0-9a-f]{40}$/);
      expect(standin.official.config.Env.PATH, standin.name).toBeDefined();
    }
  });
});
