/**
 * The `dockside` npm package as a learner gets it: built (scripts/build-cli.ts), packed with
 * `npm pack`, installed from the tarball into an empty folder with nothing but Node (and Docker) on
 * the PATH, far from this repository and its node_modules, then run: --version, the lesson list, a
 * whole lesson driven in a real terminal (tmux) through `npx`, and every lesson with --yes against
 * the real Docker Engine. Publishing is left to .github/workflows/publish.yml: the test stops at the
 * packed tarball.
 *
 * The learner's Node is the oldest supported one found (/usr/bin/node when it is 20 or newer), or the
 * one in DOCKSIDE_PACKAGE_NODE; DOCKSIDE_PACKAGE_LESSONS=slug,slug runs only those lessons with --yes.
 * Sizes and times are printed and written to .cache/package-report.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, PACKAGE_DIR, type CliBuild } from '../../scripts/build-cli.ts';
import { existingNames } from '../../src/follow/preflight.ts';
import { lessonNames } from '../../src/lesson-model/lessonNames.ts';
import type { EngineLock } from '../../src/runtime/engineLock.ts';
import { engineUp, lockLessonEngine } from '../follow/engine.ts';
import { keysPrompt } from '../follow/steps.ts';
import { TerminalSession } from '../follow/terminalSession.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The learner's Node: DOCKSIDE_PACKAGE_NODE, else the system's if it is 20 or newer, else this one. */
function learnerNode(): string {
  const candidates = [process.env.DOCKSIDE_PACKAGE_NODE, '/usr/bin/node', process.execPath];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (Number(/^v(\d+)\./.exec(version)?.[1]) >= 20) return candidate;
  }
  throw new Error('no Node 20 or newer to install the package with; set DOCKSIDE_PACKAGE_NODE');
}

let built: CliBuild;
let tarball: string;
let packed: { size: number; unpackedSize: number; files: { path: string }[] };
let work: string;
let learner: string;
let installMs: number;
let nodeVersion: string;
let engineLock: EngineLock | undefined;
/** Only Node (with its npm and npx) and what lessons run (bash, docker, coreutils): no repository node_modules. */
let env: Record<string, string>;
const report: Record<string, unknown> = {};

beforeAll(async () => {
  built = await buildCli();
  work = mkdtempSync(path.join(os.tmpdir(), 'dockside-package-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string }[] },
  ];
  packed = info;
  tarball = path.join(work, info.filename);

  // The learner's machine: a bin folder holding only Node's own node, npm and npx, then the system's
  // folders for bash and docker. No node_modules of this repository anywhere on the PATH.
  const node = learnerNode();
  const nodeBin = path.join(work, 'node-bin');
  mkdirSync(nodeBin);
  for (const program of ['node', 'npm', 'npx']) {
    // npm and npx from beside that Node when it has them (a system install), else the ones on the PATH.
    const beside = path.join(path.dirname(node), program);
    const target =
      program === 'node'
        ? node
        : existsSync(beside)
          ? beside
          : execFileSync('which', [program], { encoding: 'utf8' }).trim();
    symlinkSync(target, path.join(nodeBin, program));
  }
  const home = path.join(work, 'home');
  mkdirSync(home);
  env = {
    PATH: [
      nodeBin,
      path.dirname(execFileSync('which', ['docker'], { encoding: 'utf8' }).trim()),
      '/usr/bin',
      '/bin',
    ].join(':'),
    HOME: home,
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    npm_config_cache: path.join(home, '.npm'),
    npm_config_update_notifier: 'false',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  };
  nodeVersion = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();

  learner = path.join(work, 'learner');
  mkdirSync(learner);
  const started = performance.now();
  // --offline: a package with no dependencies installs from its tarball alone.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], {
    cwd: learner,
    env,
    encoding: 'utf8',
  });
  installMs = performance.now() - started;

  Object.assign(report, {
    package: `${manifest.name}@${manifest.version}`,
    node: nodeVersion,
    bundleBytes: built.bytes,
    bundleParts: built.parts,
    tarballBytes: packed.size,
    unpackedBytes: packed.unpackedSize,
    installMs: Math.round(installMs),
  });
  if (engineUp) engineLock = await lockLessonEngine();
}, 1_800_000);

afterAll(() => {
  engineLock?.release();
  mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  writeFileSync(path.join(ROOT, '.cache', 'package-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`package report: ${JSON.stringify(report)}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the installed `dockside` as the learner would, in the learner's folder. */
function dockside(args: string[], timeout = 60_000) {
  return spawnSync(path.join(learner, 'node_modules', '.bin', 'dockside'), args, {
    cwd: learner,
    env,
    encoding: 'utf8',
    timeout,
  });
}

describe('the packed package', () => {
  it('holds the bundle, the two READMEs and a manifest without dependencies', () => {
    expect(packed.files.map((f) => f.path).toSorted()).toEqual([
      'README.ko.md',
      'README.md',
      'dist/dockside.mjs',
      'package.json',
    ]);
    const installed = JSON.parse(
      readFileSync(path.join(learner, 'node_modules', ...manifest.name.split('/'), 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
      expect(installed[field], field).toBeUndefined();
    expect(installed.bin).toEqual({ dockside: 'dist/dockside.mjs' });
    expect(installed.engines).toEqual({ node: '>=20' });
  });

  it('installs into an empty folder as one package and nothing else', () => {
    const all = execFileSync('npm', ['ls', '--all', '--parseable'], { cwd: learner, env, encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(1); // the first line is the folder itself
    expect(all).toEqual([path.join(learner, 'node_modules', ...manifest.name.split('/'))]);
    report.dependencies = all.length - 1;
    expect(readdirSync(path.join(learner, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([
      manifest.name.split('/')[0],
    ]);
  });

  it('carries no path of the machine that built it and none of the site', () => {
    const text = readFileSync(built.file, 'utf8');
    expect(text).not.toContain(ROOT);
    expect(built.packages).toEqual(['yaml']);
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it(`says its version and the lessons' version`, () => {
    const result = dockside(['--version']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${manifest.name} ${manifest.version} · lessons [0-9a-f]{7,}(\\+changes)? \\(\\d{4}-\\d\\d-\\d\\d\\) · ${built.data.lessonsByLocale.en.length} en, ${built.data.lessonsByLocale.ko.length} ko\\n$`,
      ),
    );
    report.version = result.stdout.trim();
  });

  it('lists the lessons in English and in Korean', () => {
    const en = dockside([]);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/ \d+\. What is Docker \(what-is-docker\)/);
    expect(en.stdout).toContain('A Redis Cluster on Docker (redis-cluster)');
    expect(en.stdout).toContain('Follow one: dockside follow <lesson>');
    const ko = dockside(['list', '--lang', 'ko']);
    expect(ko.status, ko.stderr).toBe(0);
    expect(ko.stdout).toContain('도커 기본 개념');
    expect(ko.stdout).toContain('(what-is-docker)');
  });

  it('tells a learner who came through npx to come back through npx', () => {
    const listed = spawnSync('npx', ['--offline', manifest.name], { cwd: learner, env, encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`Follow one: npx ${manifest.name} follow <lesson>`);
  });

  it('prints its help in both languages', () => {
    expect(dockside(['--help']).stdout).toContain('dockside follow <lesson>');
    expect(dockside(['--help', '--lang', 'ko']).stdout).toContain('dockside follow <레슨>');
  });
});

describe.runIf(engineUp)('following lessons from the installed package', () => {
  it('follows a whole lesson in a terminal through npx, step by step, exercises included', async () => {
    const exercisePrompt = 'Enter check my work';
    const vars = Object.entries(env).map(([key, value]) => `${key}='${value}'`);
    // `env -i`: the pane gets the learner's environment only, not the tmux server's.
    const session = new TerminalSession(
      `env -i ${vars.join(' ')} npx --offline ${manifest.name} follow what-is-docker`,
      {},
      learner,
    );
    try {
      let prompts = 0;
      let confirms = 0;
      let exercises = 0;
      const lesson = built.data.lessonsByLocale.en.find((candidate) => candidate.slug === 'what-is-docker')!;
      const deadline = Date.now() + 300_000;
      for (;;) {
        const screen = session.screen();
        if (/Lesson finished: \d+ of \d+ steps/.test(screen)) break;
        if (screen.includes('[exit ')) throw new Error(`the runner stopped early:\n${screen}`);
        if (Date.now() > deadline) throw new Error(`the lesson did not finish; the screen shows:\n${screen}`);
        if (session.count(keysPrompt) > prompts) {
          prompts += 1;
          session.send('Enter');
        } else if (screen.split(exercisePrompt).length - 1 > exercises) {
          // Counted on the same screen as the title it names, so the two cannot disagree.
          // The learner does the task in their own terminal (here: the lesson's solution), then Enter checks it.
          const exercise = lesson.exercises[exercises]!;
          expect(screen).toContain(`Your turn: ${exercise.title}`);
          exercises += 1;
          spawnSync('bash', ['-c', exercise.solution[0]!.block.commands.map((c) => c.text).join('\n')], {
            cwd: learner,
            env: { ...process.env, ...env },
          });
          session.send('Enter');
        } else if (session.count('Run it? [y/N]') > confirms) {
          confirms += 1;
          session.send('y');
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const screen = await session.waitFor('[exit 0]');
      const [, matched, ran] = /Lesson finished: (\d+) of (\d+) steps/.exec(screen)!;
      expect(Number(ran)).toBeGreaterThan(3);
      expect(matched, screen).toBe(ran);
      expect(exercises).toBe(lesson.exercises.length);
      expect(prompts + exercises).toBe(Number(ran));
      expect(screen).toContain(`✓ Linux`);
      expect(screen).not.toContain('✗');
      expect(spawnSync('docker', ['container', 'inspect', 'ds-hello']).status).not.toBe(0);
      report.session = screen.trimEnd();
      writeFileSync(path.join(ROOT, '.cache', 'package-session.txt'), `${screen.trimEnd()}\n`);
    } finally {
      session.close();
    }
  });

  it('says how to get bash where there is none (Windows outside WSL), before running anything', () => {
    const docker = path.dirname(execFileSync('which', ['docker'], { encoding: 'utf8' }).trim());
    const noBash = [env.PATH!.split(':')[0], docker].join(':');
    expect(spawnSync('sh', ['-c', 'command -v bash'], { env: { PATH: noBash } }).status).not.toBe(0);
    const result = spawnSync(
      path.join(learner, 'node_modules', '.bin', 'dockside'),
      ['follow', 'what-is-docker'],
      {
        cwd: learner,
        env: { ...env, PATH: noBash },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain("✗ The lesson's commands run in bash, and bash is not installed here.");
    expect(result.stdout).not.toContain('Step 1');
  });

  const only = process.env.DOCKSIDE_PACKAGE_LESSONS?.split(',').filter(Boolean);
  it('runs every lesson with --yes, matching every step it runs, and leaves nothing behind', async () => {
    const data = built.data;
    const times: Record<string, string> = {};
    for (const lesson of data.lessonsByLocale.en) {
      if (only && !only.includes(lesson.slug)) continue;
      const started = performance.now();
      const result = dockside(['follow', lesson.slug, '--yes'], 900_000);
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status, output).toBe(0);
      const [, matched, ran] = /Lesson finished: (\d+) of (\d+) steps/.exec(output) ?? [];
      expect(matched, `${lesson.slug}:\n${output}`).toBe(ran);
      // An exercise is one step (its check), its solution run first without a terminal.
      const runnable = lesson.blocks.filter(
        ({ block }) => block.shell === 'bash' && !block.norun && block.exercise !== 'solution',
      ).length;
      expect(Number(ran), lesson.slug).toBe(runnable);
      expect(await existingNames(lessonNames(lesson)), lesson.slug).toEqual([]);
      times[lesson.slug] = `${ran} steps in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    }
    // The same data in Korean: the Korean lesson's steps run and match too.
    const ko = dockside(['follow', 'what-is-docker', '--yes', '--lang', 'ko'], 300_000);
    expect(ko.status, ko.stdout).toBe(0);
    expect(ko.stdout).toMatch(/레슨을 마쳤습니다\. (\d+)단계 중 \1단계의 출력이 레슨과 같았습니다\./);
    report.lessons = times;
  }, 3_600_000);
});
