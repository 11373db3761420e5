/**
 * How long diagrams take to render, cold (empty cache: Chromium starts, Mermaid loads, every
 * diagram renders twice) and warm (same cache, as on a rebuild: no browser at all).
 *
 *   npx tsx scripts/bench/diagrams.ts [N]      (N sample diagrams, default 12)
 *
 * Uses a temporary cache directory, so it neither reads nor disturbs .cache/mermaid.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, MermaidBrowser } from '../../src/diagrams/browserRenderer.ts';
import { mermaidVersion } from '../../src/diagrams/config.ts';
import { createDiskCache } from '../../src/diagrams/diskCache.ts';
import { createDiagramRenderer } from '../../src/diagrams/renderMermaid.ts';

const count = Number(process.argv[2] ?? 12);

const templates = [
  (i: number) => `flowchart LR
  accTitle: Image to container ${i}
  accDescr: docker run adds a writable layer on top of the image layers.
  img["이미지 레이어 ${i} (읽기 전용)"] -->|docker run| ctr(컨테이너 ${i})
  ctr --> q{종료됐나?}
  q -->|예| stopped[Exited]
  q -->|아니오| ctr`,
  (i: number) => `sequenceDiagram
  accTitle: Pull ${i}
  accDescr: The client asks the daemon, which asks the registry.
  participant C as 클라이언트
  C->>D: docker pull redis:8 (${i})
  D->>R: GET manifest
  R-->>D: layers
  D-->>C: done`,
  (i: number) => `stateDiagram-v2
  accTitle: Lifecycle ${i}
  accDescr: Container states.
  [*] --> Created: docker create
  Created --> Running: docker start
  Running --> Exited: 종료 ${i}
  Exited --> [*]`,
];
const sources = Array.from({ length: count }, (_, i) => templates[i % templates.length]!(i));

let launches = 0;
const countingLaunch = () => {
  launches++;
  return launchChromium();
};

const dir = mkdtempSync(path.join(tmpdir(), 'dockside-bench-'));
try {
  const run = async (label: string) => {
    launches = 0;
    const renderer = createDiagramRenderer({
      cache: createDiskCache(dir),
      browser: new MermaidBrowser({ launch: countingLaunch }),
      mermaidVersion: mermaidVersion(),
    });
    const start = performance.now();
    let first = 0;
    for (const [index, source] of sources.entries()) {
      await renderer.renderDiagram(source, { file: 'bench.mdx', line: index * 10 + 1 });
      if (index === 0) first = performance.now() - start;
    }
    const total = performance.now() - start;
    await renderer.close();
    const rest = sources.length > 1 ? (total - first) / (sources.length - 1) : 0;
    console.log(
      `${label}: ${sources.length} diagrams (x2 themes) in ${total.toFixed(0)} ms; ` +
        `first ${first.toFixed(0)} ms, then ${rest.toFixed(1)} ms per diagram; browser launches: ${launches}`,
    );
  };
  await run('cold');
  await run('warm');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
