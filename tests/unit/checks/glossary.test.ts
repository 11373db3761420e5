/**
 * Where the glossary check looks for rejected Korean spellings: prose, front matter, callout titles
 * and diagram labels are read; command blocks and inline code are written as programs want them and
 * are left alone.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findRejectedTerms, readGlossaryFile } from '../../../src/lesson-model/glossary.ts';

/** A lesson's tree, parsed as readLessonFile parses it (the front matter is not validated here). */
function lesson(body: string): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
  return processor.runSync(processor.parse(body)) as Root;
}

const { entries } = readGlossaryFile();

describe('rejected Korean spellings', () => {
  it('are found in front matter, prose, callout titles and diagram labels, each at its line', () => {
    const found = findRejectedTerms(
      lesson(`---
title: 도커 허브 둘러보기
description: 설명입니다.
course: docker-concepts
order: 1
objectives:
  - 배웁니다
---

첫 줄은 괜찮고
둘째 줄의 파일시스템은 틀렸습니다.

<Callout type="note" title="네임드 볼륨 이야기">
본문입니다.
</Callout>

\`\`\`mermaid
flowchart LR
  accTitle: 그림
  accDescr: 설명
  a["쓰기 레이어"] --> b
\`\`\`
`),
      entries,
    );
    expect(found.map((use) => `${use.line} ${use.found} → ${use.entry.ko.term}`)).toEqual([
      '2 도커 허브 → Docker Hub',
      '11 파일시스템 → 파일 시스템',
      '13 네임드 볼륨 → 이름 있는 볼륨',
      '21 쓰기 레이어 → 쓰기 가능한 레이어',
    ]);
  });

  it('are left alone in command blocks and inline code', () => {
    const found = findRejectedTerms(
      lesson(`---
title: 제목
description: 설명입니다.
course: docker-concepts
order: 1
objectives:
  - 배웁니다
---

코드로 쓴 \`네임드 볼륨\`은 그대로 둡니다.

\`\`\`console
$ echo 파일시스템
파일시스템
\`\`\`
`),
      entries,
    );
    expect(found).toEqual([]);
  });
});
