/**
 * The rules of the command lint, the docker CLI verdicts and the HTML reader, case by case. The
 * broken-lesson corpus shows each rule rejecting a lesson; these show what each rule lets through,
 * so a lesson that does the right thing is never blocked.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Code, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  insideWarningCallout,
  lintCommandBlock,
  lintImagesInFile,
} from '../../../scripts/checks/commands.ts';
import { classifyDockerOutput } from '../../../scripts/checks/docker-cli.ts';
import { scanHtml, scanTags } from '../../../scripts/checks/lib/html.ts';
import { nearest } from '../../../scripts/checks/lib/nearest.ts';
import { parseAstroCheckOutput } from '../../../scripts/checks/types.ts';
import { parseCommandBlock } from '../../../src/lesson-model/command-block/parseCommandBlock.ts';

const lint = (body: string, meta = '', insideWarning = false) =>
  lintCommandBlock(parseCommandBlock(body, meta, { file: 'x.mdx', line: 10 }), insideWarning).map(
    (e) => `${e.line}: ${e.problem}`,
  );

describe('command lint', () => {
  it('accepts pinned tags, digests, images from variables and registries with a port', () => {
    expect(
      lint(
        '$ docker run --rm busybox:1.37 true\n$ docker pull redis@sha256:0123\n$ docker pull "$IMAGE"\n$ docker run registry.example.com:5000/team/web:1.4',
      ),
    ).toEqual([]);
  });

  it('reports unpinned images in run, create and pull, on the line of the image', () => {
    expect(lint('$ docker create --name x \\\n>   redis\n$ docker image pull busybox:latest')).toEqual([
      '12: image "redis" has no tag, so Docker uses redis:latest, which changes without notice',
      '13: image "busybox:latest" uses the tag latest, which changes without notice',
    ]);
  });

  it('accepts ports on loopback, and any port when the block says why', () => {
    expect(
      lint('$ docker run -d -p 127.0.0.1:8080:80 -p [::1]:8443:443 -p localhost:53:53/udp nginx:1.29'),
    ).toEqual([]);
    expect(
      lint('$ docker run -d -p 8080:80 nginx:1.29', 'public-port="phones on the LAN open the page"'),
    ).toEqual([]);
    expect(lint('$ docker run -d -P nginx:1.29')).toEqual([
      '11: -P publishes every exposed port on all network interfaces',
    ]);
    expect(lint('$ docker run -d -p 0.0.0.0:80:80 nginx:1.29')).toHaveLength(1);
  });

  it('accepts --privileged and the Docker socket inside a warning callout', () => {
    const body =
      '$ docker run --rm --privileged -v /var/run/docker.sock:/var/run/docker.sock docker:28-cli docker ps';
    expect(lint(body, '', true)).toEqual([]);
    expect(lint(body, '', false)).toHaveLength(2);
    expect(
      lint(
        '$ docker run --rm --mount type=bind,src=/var/run/docker.sock,dst=/var/run/docker.sock docker:28-cli',
      ),
    ).toHaveLength(1);
  });

  it('finds a download run by a shell, but not a download saved to a file', () => {
    expect(lint('$ curl -fsSL https://get.docker.com -o get-docker.sh\n$ sh get-docker.sh')).toEqual([]);
    expect(lint('$ curl -fsSL https://get.docker.com | sudo sh')).toHaveLength(1);
    expect(lint('$ sh -c "$(curl -fsSL https://example.com/install.sh)"')).toHaveLength(1);
    expect(lint('$ bash <(wget -qO- https://example.com/install.sh)')).toHaveLength(1);
    expect(lint('PS> irm https://example.com/install.ps1 | iex', 'shell=powershell')).toHaveLength(1);
  });

  it('finds the warning callout at any depth', () => {
    const tree = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .parse(
        '<Callout type="warning">\n- item\n\n  ```console\n  $ ls\n  ```\n</Callout>\n\n```console\n$ ls\n```\n',
      ) as Root;
    const fences: Code[] = [];
    visit(tree, 'code', (fence) => void fences.push(fence));
    expect(fences.map((fence) => insideWarningCallout(tree, fence))).toEqual([true, false]);
  });

  it('reads FROM and image: lines, skipping build stages and variables', () => {
    const dockerfile =
      'FROM golang:1.25 AS build\nFROM build AS test\nFROM --platform=$BUILDPLATFORM alpine\nFROM ${BASE}\nFROM scratch';
    expect(
      lintImagesInFile(dockerfile, 'dockerfile', 'Dockerfile', 1).map((e) => `${e.line}: ${e.problem}`),
    ).toEqual(['3: image "alpine" has no tag, so Docker uses alpine:latest, which changes without notice']);
    expect(
      lintImagesInFile(
        'services:\n  web:\n    image: "nginx"\n  db:\n    image: postgres:18',
        'compose',
        'compose.yaml',
        1,
      ).map((e) => e.line),
    ).toEqual([3]);
  });
});

describe('docker CLI verdicts', () => {
  it('accepts what got as far as connecting, a terminal or a file', () => {
    expect(
      classifyDockerOutput(
        125,
        'docker: Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?',
        false,
      ),
    ).toEqual({ kind: 'accepted' });
    expect(classifyDockerOutput(1, 'the input device is not a TTY', false)).toEqual({ kind: 'accepted' });
    expect(
      classifyDockerOutput(
        1,
        'Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:9: connect: connection refused',
        false,
      ),
    ).toEqual({ kind: 'accepted' });
    expect(classifyDockerOutput(0, '', false)).toEqual({ kind: 'accepted' });
  });

  it("skips a plugin this machine lacks, and rejects everything else with the CLI's own words", () => {
    expect(
      classifyDockerOutput(1, "docker: unknown command: docker buildx\n\nRun 'docker --help'", false),
    ).toMatchObject({ kind: 'skipped' });
    expect(classifyDockerOutput(1, 'docker: unknown command: docker imagez\n', false)).toEqual({
      kind: 'rejected',
      message: 'unknown command: docker imagez',
    });
    expect(
      classifyDockerOutput(125, 'unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE', false),
    ).toEqual({ kind: 'rejected', message: 'unknown flag: --bogus' });
  });
});

describe('HTML reading for the links check', () => {
  it('collects links and ids, and skips comments, scripts and styles', () => {
    const html =
      '<a href="/en/">x</a><!-- <a href="/gone/"> --><script>const a = "<a href=\'/no/\'>";</script><h2 id="pull-two-images">P</h2><img srcset="/a.png 1x, /b.png 2x" alt=""><a href="?q=1&amp;r=2" title="a > b">y</a><meta http-equiv="refresh" content="0; url=/en/">';
    const scan = scanHtml(html);
    expect(scan.links.map((l) => l.url)).toEqual(['/en/', '/a.png', '/b.png', '?q=1&r=2', '/en/']);
    expect([...scan.ids]).toEqual(['pull-two-images']);
  });

  it('gives the page-weight bench the scripts and styles a page loads, with their bodies', () => {
    const html =
      '<!-- <script src="/commented.js"></script> --><link rel="stylesheet" href="/a.css">' +
      '<script type="module">import "/b.js"; const s = "<link href=/not-a-tag>";</script>' +
      '<style>p{color:red}</style><script src="/c.js" defer></script>';
    expect(
      [...scanTags(html)].map((tag) => [tag.name, Object.fromEntries(tag.attributes), tag.body ?? null]),
    ).toEqual([
      ['link', { rel: 'stylesheet', href: '/a.css' }, null],
      ['script', { type: 'module' }, 'import "/b.js"; const s = "<link href=/not-a-tag>";'],
      ['style', {}, 'p{color:red}'],
      ['script', { src: '/c.js', defer: '' }, ''],
    ]);
  });

  it('suggests a close match only when it is close', () => {
    expect(nearest('run-a-containr', ['run-a-container', 'recap'])).toBe('run-a-container');
    expect(nearest('objectives', ['run-a-container', 'recap'])).toBeUndefined();
  });
});

describe('astro check output', () => {
  it('turns each error into file:line', () => {
    const output =
      "src/a.ts:3:7 - error ts(2322): Type 'string' is not assignable to type 'number'.\n\n3 const x: number = \"a\";\nsrc/b.astro:1:1 - warning ts(6133): unused.\n";
    expect(parseAstroCheckOutput(output).map((e) => e.message)).toEqual([
      "src/a.ts:3: ts(2322) at column 7: Type 'string' is not assignable to type 'number'. Fix the type error (npx astro check shows it in context)",
    ]);
  });
});
