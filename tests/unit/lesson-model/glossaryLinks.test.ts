/**
 * Which words a lesson links to the glossary (findFirstUses in src/lesson-model/glossary.ts) and how
 * the remark plugin writes the links (src/markdown/remarkGlossaryLinks.ts). Fixtures are small
 * glossaries written here, so a change to content/glossary.yaml does not move these tests; one test
 * reads the real glossary to see its forms work.
 */
import type { Root, Table } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import {
  findFirstUses,
  formProblems,
  readGlossaryFile,
  type FirstUse,
} from '../../../src/lesson-model/glossary.ts';
import { glossaryEntrySchema, type GlossaryEntry } from '../../../src/lesson-model/schemas/glossary.ts';
import type { Locale } from '../../../src/lesson-model/schemas/lesson.ts';
import { lessonLocale, remarkGlossaryLinks } from '../../../src/markdown/remarkGlossaryLinks.ts';

function entry(
  id: string,
  en: string,
  ko: string,
  forms: { en?: string[]; ko?: string[] } = {},
): GlossaryEntry {
  return {
    id,
    en: { term: en, definition: `The ${en} of the tests.`, ...(forms.en && { forms: forms.en }) },
    ko: {
      term: ko,
      definition: `테스트용 ${ko} 정의입니다.`,
      rejected: [],
      ...(forms.ko && { forms: forms.ko }),
    },
  };
}

const GLOSSARY: GlossaryEntry[] = [
  entry('container', 'container', '컨테이너', { en: ['containers'] }),
  entry('image', 'image', '이미지', { en: ['images'] }),
  entry('image-store', 'image store', '이미지 스토어'),
  entry('volume', 'volume', '볼륨', { en: ['volumes'] }),
  entry('named-volume', 'named volume', '이름 있는 볼륨', { en: ['named volumes'] }),
  entry('registry', 'registry', '레지스트리', { en: ['registries'] }),
  entry('dockerd', 'dockerd', 'dockerd'),
  entry('virtual-machine', 'virtual machine (VM)', '가상 머신(VM)', {
    en: ['virtual machine', 'VM'],
    ko: ['가상 머신', 'VM'],
  }),
];

/** A lesson body parsed as readLessonFile parses it (MDX). */
function parse(body: string): Root {
  const processor = unified().use(remarkParse).use(remarkMdx);
  return processor.runSync(processor.parse(body)) as Root;
}

/** "id: found" for each first use, in reading order. */
function uses(body: string, locale: Locale = 'en', glossary = GLOSSARY): string[] {
  return findFirstUses(parse(body), glossary, locale).map((use: FirstUse) => `${use.entry.id}: ${use.found}`);
}

describe('first use only', () => {
  it('links each term once per lesson, at its first use in reading order', () => {
    expect(
      uses(`A container starts from an image.

Every container has its own writable layer; the image stays as it is.

- Pull the image from a registry.
`),
    ).toEqual(['container: container', 'image: image', 'registry: registry']);
  });

  it('counts a plural as the first use of its term', () => {
    expect(uses('Containers come first. Then one container.')).toEqual(['container: Containers']);
  });

  it('reads callouts, <Deeper> asides and exercise prose like paragraphs', () => {
    expect(
      uses(`<Callout type="note" title="About images">
A container is a process.
</Callout>

<Deeper title="Registries">
Images come from a registry.
</Deeper>

<Exercise title="Try it">
Remove the volume.
</Exercise>
`),
    ).toEqual(['container: container', 'image: Images', 'registry: registry', 'volume: volume']);
  });
});

describe('skipped contexts', () => {
  it('skips headings, links, inline code, code and command blocks', () => {
    expect(
      uses(`## The container

See [the image lesson](../images/) and \`docker volume ls\`.

\`\`\`console
$ docker run --name registry registry:3
\`\`\`

The dockerd process.
`),
    ).toEqual(['dockerd: dockerd']);
  });

  it('skips diagrams and the quiz fence', () => {
    expect(
      uses(`\`\`\`mermaid
flowchart LR
  a[container] --> b[image]
\`\`\`

\`\`\`quiz
- q: What is a container?
\`\`\`
`),
    ).toEqual([]);
  });

  it('skips JSX attributes, hints and exercise solution and check blocks', () => {
    expect(
      uses(`<Callout type="note" title="A container">
Plain words.
</Callout>

<Exercise title="An image">

Do it yourself.

<Hint>A volume helps.</Hint>

\`\`\`console exercise=solution
$ docker volume create registry
registry
\`\`\`

</Exercise>
`),
    ).toEqual([]);
  });

  it('skips inline JSX, and reads table cells, the header row first', () => {
    const tree = parse('Use <kbd>container</kbd> keys.');
    const table: Table = {
      type: 'table',
      children: [
        { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'image' }] }] },
        {
          type: 'tableRow',
          children: [{ type: 'tableCell', children: [{ type: 'text', value: 'a volume' }] }],
        },
      ],
    };
    tree.children.push(table);
    expect(findFirstUses(tree, GLOSSARY, 'en').map((use) => use.entry.id)).toEqual(['image', 'volume']);
  });

  it('matches whole words only', () => {
    expect(uses('The image-as-class picture, containerd and imagery, then subimages.')).toEqual([]);
  });

  it('links a term after its uses in skipped places, in the first prose that has it', () => {
    expect(uses('## Images\n\n`image` first, then the image.')).toEqual(['image: image']);
  });
});

describe('plural and other forms', () => {
  it('matches English case-insensitively, with the forms the glossary lists', () => {
    expect(uses('IMAGES and Registries and a VM.')).toEqual([
      'image: IMAGES',
      'registry: Registries',
      'virtual-machine: VM',
    ]);
  });

  it('does not guess plurals the glossary does not list', () => {
    expect(uses('Two dockerds.')).toEqual([]);
  });

  it('matches a term broken across lines', () => {
    expect(uses('Make a named\nvolume now.')).toEqual(['named-volume: named\nvolume']);
  });

  it('takes the term itself even when it holds parentheses', () => {
    expect(uses('A virtual machine (VM) is heavier.')).toEqual(['virtual-machine: virtual machine (VM)']);
  });
});

describe('Korean particles', () => {
  it('matches a term with a particle attached', () => {
    expect(uses('컨테이너를 지우고 이미지는 둡니다. 레지스트리에서 받습니다.', 'ko')).toEqual([
      'container: 컨테이너',
      'image: 이미지',
      'registry: 레지스트리',
    ]);
  });

  it('matches the copula and endings: 입니다, 마다, 끼리, 들', () => {
    expect(uses('이것이 이미지입니다. 볼륨마다 다릅니다.', 'ko')).toEqual(['image: 이미지', 'volume: 볼륨']);
  });

  it('matches a Latin term with a Korean particle (dockerd가, VM이)', () => {
    expect(uses('dockerd가 VM이 아닙니다.', 'ko')).toEqual(['dockerd: dockerd', 'virtual-machine: VM']);
  });

  it('does not match a longer word that starts with the term (컨테이너화) or ends with it (플레이어)', () => {
    expect(uses('컨테이너화와 컨테이너선, 그리고 데이터볼륨 이야기.', 'ko')).toEqual([]);
    expect(uses('컨테이너화 다음에 컨테이너가 나옵니다.', 'ko')).toEqual(['container: 컨테이너']);
  });
});

describe('longest match', () => {
  it('prefers "image store" over "image", which starts the same', () => {
    expect(uses('The image store holds images.')).toEqual(['image-store: image store', 'image: images']);
  });

  it('prefers 이미지 스토어 over 이미지', () => {
    expect(uses('이미지 스토어에 이미지가 있습니다.', 'ko')).toEqual([
      'image-store: 이미지 스토어',
      'image: 이미지',
    ]);
  });

  it('prefers "named volume" over "volume", and links "volume" at its own first use', () => {
    expect(uses('A named volume is a volume with a name.')).toEqual([
      'named-volume: named volume',
      'volume: volume',
    ]);
  });

  it('does not link the shorter term inside a later use of the longer one', () => {
    expect(uses('A named volume here. Named volumes there. A volume at last.')).toEqual([
      'named-volume: named volume',
      'volume: volume',
    ]);
  });

  it('prefers 이름 있는 볼륨 over 볼륨 in Korean', () => {
    expect(uses('이름 있는 볼륨을 만듭니다. 볼륨은 남습니다.', 'ko')).toEqual([
      'named-volume: 이름 있는 볼륨',
      'volume: 볼륨',
    ]);
  });
});

describe('phrases that are not the term (notTerm)', () => {
  const tagged = [
    ...GLOSSARY,
    {
      ...entry('tag', 'tag', '태그', { en: ['tags'] }),
      en: { term: 'tag', definition: 'A movable name.', forms: ['tags'], notTerm: ['hash tag', 'hash tags'] },
      ko: { term: '태그', definition: '이미지 이름입니다.', rejected: [], notTerm: ['해시 태그'] },
    },
  ];

  it('does not link the term inside the phrase, and links its next use', () => {
    expect(
      uses('A hash tag groups keys. Hash tags are Redis. The tag 8 names an image.', 'en', tagged),
    ).toEqual(['tag: tag', 'image: image']);
    expect(uses('해시 태그를 씁니다. 태그는 이미지 이름입니다.', 'ko', tagged)).toEqual([
      'tag: 태그',
      'image: 이미지',
    ]);
  });
});

describe('the remark plugin', () => {
  /** The plugin on a Markdown lesson at `file`, rendered to HTML. */
  function render(body: string, file: string): string {
    const processor = unified().use(remarkParse).use(remarkGlossaryLinks, { entries: GLOSSARY });
    const tree = processor.runSync(processor.parse(body), new VFile({ path: file })) as Root;
    return toHtml(toHast(tree));
  }

  it('writes a quiet link to the entry on the glossary page of the lesson language', () => {
    expect(render('Run a container, then another container.', 'content/lessons/en/x.mdx')).toBe(
      '<p>Run a <a href="../glossary/#container" title="The container of the tests." class="glossary-link">container</a>, then another container.</p>',
    );
    expect(render('컨테이너를 실행합니다.', 'content/lessons/ko/x.mdx')).toBe(
      '<p><a href="../glossary/#container" title="테스트용 컨테이너 정의입니다." class="glossary-link">컨테이너</a>를 실행합니다.</p>',
    );
  });

  it('splits one text node around several links', () => {
    expect(render('An image and a volume.', 'content/lessons/en/x.mdx')).toContain(
      'An <a href="../glossary/#image" title="The image of the tests." class="glossary-link">image</a> and a <a href="../glossary/#volume"',
    );
  });

  it('leaves files that are not lessons alone', () => {
    expect(render('A container.', 'README.md')).toBe('<p>A container.</p>');
    expect(lessonLocale('content/lessons/ko/images.mdx')).toBe('ko');
    expect(lessonLocale('content/lessons/fr/images.mdx')).toBeUndefined();
    expect(lessonLocale('docs/practice.md')).toBeUndefined();
  });
});

describe('the glossary forms', () => {
  it('the real glossary links plurals and particles in both languages', () => {
    const { entries, problems } = readGlossaryFile();
    expect(problems).toEqual([]);
    expect(uses('Containers share the kernel; layers make images.', 'en', entries)).toEqual([
      'container: Containers',
      'kernel: kernel',
      'layer: layers',
      'image: images',
    ]);
    expect(uses('쓰기 가능한 레이어는 컨테이너마다 있습니다.', 'ko', entries)).toEqual([
      'writable-layer: 쓰기 가능한 레이어',
      'container: 컨테이너',
    ]);
  });

  it('refuses a form that is not a list of plain words, saying what to write', () => {
    const bad = (forms: unknown) =>
      glossaryEntrySchema.safeParse({
        ...entry('image', 'image', '이미지'),
        en: { term: 'image', definition: 'A long enough text.', forms },
      });
    expect(bad('images').error?.issues[0]?.message).toBe(
      'forms is a YAML list of words, e.g. forms: [containers]',
    );
    expect(bad(['']).error?.issues[0]?.message).toMatch(
      /a form is empty; write the word as lessons write it/,
    );
    expect(bad(['`images`']).error?.issues[0]?.message).toMatch(/plain text .* without Markdown/);
    expect(bad(['images']).success).toBe(true);
  });

  it('reports a notTerm phrase that holds none of its forms', () => {
    const odd = [
      {
        ...entry('tag', 'tag', '태그'),
        en: { term: 'tag', definition: 'A movable name.', notTerm: ['hash key'] },
      },
    ];
    expect(formProblems('content/glossary.yaml', odd, [7]).map(String)).toEqual([
      expect.stringMatching(
        /content\/glossary.yaml:7.*en.notTerm: "hash key" does not contain "tag" or one of its forms/,
      ),
    ]);
  });

  it('reports a form two entries claim, and a Korean form the glossary rejects', () => {
    const clash = [
      entry('image', 'image', '이미지', { en: ['images'] }),
      entry('picture', 'picture', '그림', { en: ['Images'] }),
      {
        ...entry('volume', 'volume', '볼륨', { ko: ['볼룸'] }),
        ko: { ...entry('v', 'v', '볼륨').ko, forms: ['볼룸'], rejected: ['볼룸'] },
      },
    ];
    expect(formProblems('content/glossary.yaml', clash, [5, 12, 20]).map(String)).toEqual([
      expect.stringMatching(
        /content\/glossary.yaml:12.*en.forms: "Images" already stands for "image" \(image\)/,
      ),
      expect.stringMatching(/content\/glossary.yaml:20.*ko.forms: "볼룸" is a spelling the glossary rejects/),
    ]);
  });
});
