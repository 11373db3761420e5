/** Interface strings of the site, per locale. Lesson text lives in content/, not here. */
import type { Locale } from '../lesson-model/schemas/lesson.ts';
import type { VerificationSummary } from '../lesson-model/verification.ts';

/** A record's date (YYYY-MM-DD, UTC) as the page's language writes dates: December 2, 2026 / 2026년 12월 2일. */
const formatDate = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** Open Graph's language_TERRITORY form of each locale (og:locale). */
export const OG_LOCALES: Record<Locale, string> = { en: 'en_US', ko: 'ko_KR' };

const en = {
  siteTagline: 'Learn what Docker images and containers really are, hands-on.',
  /** The home page's <title>: at most 70 characters, so search results show it whole. */
  homeTitle: 'Dockside: Docker images and containers, hands-on',
  homeIntro:
    'Dockside teaches Docker by doing. Every command on these pages runs in your own terminal, and every one of them is tested against a real Docker Engine on each change, so what you read is what you will see.',
  skipToContent: 'Skip to content',
  courseOutline: 'Course outline',
  menu: 'Lessons',
  switchToDark: 'Switch to dark theme',
  switchToLight: 'Switch to light theme',
  language: 'Language',
  readInOther: '한국어로 읽기',
  minutes: (n: number) => `${n} min read`,
  lessonOf: (n: number, total: number) => `Lesson ${n} of ${total}`,
  objectives: 'In this lesson you will',
  previous: 'Previous',
  next: 'Next',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text instead',
  copyLabel: 'Copy the commands of this block',
  shellTabs: 'Choose your shell',
  notRunOnLinux: 'Not tested on Linux:',
  placeholderHint: 'This value changes on every run',
  elided: '… more output',
  /** The lesson's verification line (src/lesson-model/verification.ts, summarize). */
  verification: (v: VerificationSummary): string => {
    if (v.state === 'none') return 'Not yet verified';
    const store =
      v.imageStore === 'containerd' ? 'containerd image store' : `${v.storageDriver} storage driver`;
    const on = `on Docker Engine ${v.engineVersion} (${store}) on ${formatDate(v.date!, 'en-US')}`;
    if (v.state === 'stale') return `Not yet verified: the commands changed after they were verified ${on}`;
    if (v.state === 'some')
      return `${v.verifiedCommands} of ${v.commands} commands verified ${on}; blocks changed since are marked “Not yet verified”`;
    return `${v.commands === 1 ? 'The command' : `All ${v.commands} commands`} verified ${on}`;
  },
  blockUnverified: 'Not yet verified',
  blockUnverifiedHint:
    "This block changed after the lesson's last verified run: the snippet suite has not yet run it as shown.",
  start: 'Start the course',
  lessons: (n: number) => `${n} lessons`,
  notFound: 'Page not found',
  backHome: 'Back to the lessons',
  glossary: 'Glossary',
  glossaryIntro:
    'The terms the lessons use, each in a sentence or two. The Korean pages write each term one way, the way this list does.',
  glossaryOther: 'Korean',
  footer: 'Dockside: every command tested against a real Docker Engine.',
  followSummary: 'Follow this lesson in your terminal',
  followText:
    'With Node.js 20 or newer and Docker, this command runs the lesson step by step in your terminal, against your own Docker: it checks each output against the lesson and cleans up when you quit. Nothing to clone or install first.',
  followTitle: 'Run this lesson step by step',
  followFirst:
    'Prefer to see the whole lesson first? Read on: the command runs the same steps in the same order, whenever you are ready.',
  editPrompt: 'Found a mistake, or a command that no longer works?',
  editPage: 'Edit this page on GitHub',
  exercise: 'Exercise',
  hint: 'Hint',
  showSolution: 'Show a solution',
  /** A "going deeper" aside (Deeper.astro): closed until the reader opens it. */
  goingDeeper: 'Going deeper',
  /** The end of a course's last lesson (CourseEnd.astro). */
  courseEnd: (course: string) => `You finished ${course}`,
  courseEndText:
    'With the cleanup above, the images the course pulled are gone too, and your machine is as it was before the course. Where to go next:',
  checkWork: 'Check your work',
  checkWorkText:
    'When you are done, paste these commands: each one should print what is shown. The follow-along command above runs this check for you.',
  quizRight: 'Right.',
  quizWrong: 'Not quite.',
  /** Progress, kept in the browser only (src/client/progress.ts). */
  markDone: 'Mark as done',
  done: 'Done:',
  continueWith: 'Continue:',
  allDone: 'You have done every lesson.',
  resetProgress: 'Reset progress',
  /** Search (SiteHeader.astro, src/client/search.ts). `{n}` and `{q}` are filled in by the browser. */
  search: 'Search',
  searchDialog: 'Search the lessons',
  searchLabel: 'Search the lessons and the glossary',
  searchPlaceholder: 'container, volume, registry…',
  searchClose: 'Close',
  searchResults: 'Results',
  searchLoading: 'Loading search…',
  searchFailed: 'Search could not load. Reload the page to try again.',
  searchCount: '{n} results',
  searchCountOne: '1 result',
  searchNone: 'No results for “{q}”',
};

type UiStrings = typeof en;

const ko: UiStrings = {
  siteTagline: '도커 이미지와 컨테이너가 실제로 무엇인지, 직접 해 보면서 배웁니다.',
  homeTitle: 'Dockside: 직접 해 보며 배우는 도커 이미지와 컨테이너',
  homeIntro:
    'Dockside는 직접 손으로 해 보며 도커를 익히는 곳입니다. 이 사이트의 모든 명령은 여러분의 터미널에서 그대로 실행되고, 변경이 있을 때마다 실제 Docker Engine에서 하나하나 테스트하므로 화면에 보이는 결과를 그대로 얻을 수 있습니다.',
  skipToContent: '본문으로 건너뛰기',
  courseOutline: '코스 목차',
  menu: '목차',
  switchToDark: '어두운 테마로 전환',
  switchToLight: '밝은 테마로 전환',
  language: '언어',
  readInOther: 'Read in English',
  minutes: (n: number) => `${n}분 분량`,
  lessonOf: (n: number, total: number) => `레슨 ${n}/${total}`,
  objectives: '이 레슨에서 배울 내용',
  previous: '이전',
  next: '다음',
  copy: '복사',
  copied: '복사됨',
  copyFailed: '복사하지 못했습니다. 텍스트를 직접 선택하세요',
  copyLabel: '이 블록의 명령어 복사',
  shellTabs: '셸 선택',
  notRunOnLinux: '리눅스에서 테스트하지 않음:',
  placeholderHint: '실행할 때마다 달라지는 값',
  elided: '… 출력 생략',
  verification: (v: VerificationSummary): string => {
    if (v.state === 'none') return '아직 검증 전';
    const store =
      v.imageStore === 'containerd' ? 'containerd 이미지 스토어' : `${v.storageDriver} 스토리지 드라이버`;
    const when = `${formatDate(v.date!, 'ko-KR')}에 Docker Engine ${v.engineVersion}(${store})에서`;
    if (v.state === 'stale') return `아직 검증 전입니다. ${when} 검증한 뒤 명령이 바뀌었습니다`;
    if (v.state === 'some')
      return `${when} 명령 ${v.commands}개 중 ${v.verifiedCommands}개를 검증했습니다. 그 뒤에 바뀐 블록에는 ‘아직 검증 전’이라고 표시합니다`;
    return `${when} 명령 ${v.commands}개를 모두 검증했습니다`;
  },
  blockUnverified: '아직 검증 전',
  blockUnverifiedHint:
    '레슨을 마지막으로 검증한 뒤에 바뀐 블록입니다. 보이는 그대로는 아직 스니펫 테스트로 실행하지 않았습니다.',
  start: '첫 레슨 시작하기',
  lessons: (n: number) => `레슨 ${n}개`,
  notFound: '페이지를 찾을 수 없습니다',
  backHome: '레슨 목록으로',
  glossary: '용어집',
  glossaryIntro:
    '레슨에 나오는 용어를 한두 문장으로 정리했습니다. 한국어 레슨은 모든 용어를 이 목록에 적힌 대로 한 가지로만 씁니다.',
  glossaryOther: '영어',
  footer: 'Dockside: 모든 명령을 실제 Docker Engine에서 테스트합니다.',
  followSummary: '이 레슨을 터미널에서 따라 하기',
  followText:
    'Node.js 20 이상과 도커가 있으면 아래 명령으로 내 터미널에서 내 도커로 레슨을 한 단계씩 실행하고, 출력이 레슨과 같은지 확인할 수 있습니다. 중간에 그만두면 정리도 해 줍니다. 먼저 클론하거나 설치할 것은 없습니다.',
  followTitle: '레슨을 한 단계씩 실행하기',
  followFirst:
    '레슨 전체를 먼저 보고 싶다면 아래 내용을 끝까지 읽어 보세요. 준비가 되면 이 명령으로 같은 단계를 같은 순서로 실행할 수 있습니다.',
  editPrompt: '틀린 내용이나 더 이상 동작하지 않는 명령을 발견했나요?',
  editPage: 'GitHub에서 이 페이지 수정하기',
  exercise: '연습 문제',
  hint: '힌트',
  showSolution: '풀이 보기',
  goingDeeper: '더 알아보기',
  courseEnd: (course: string) => `${course} 코스를 마쳤습니다`,
  courseEndText:
    '위의 정리 단계를 실행하면 코스에서 받은 이미지까지 지워져, 컴퓨터가 코스를 시작하기 전 상태로 돌아갑니다. 이어서 볼 만한 곳은 다음과 같습니다.',
  checkWork: '결과 확인',
  checkWorkText:
    '다 했으면 아래 명령을 붙여 넣어 실행하세요. 명령마다 여기 보이는 내용이 출력되어야 합니다. 위의 따라 하기 명령을 쓰면 이 확인을 대신 해 줍니다.',
  quizRight: '정답입니다.',
  quizWrong: '오답입니다.',
  markDone: '완료로 표시',
  done: '완료:',
  continueWith: '이어서 학습:',
  allDone: '모든 레슨을 마쳤습니다.',
  resetProgress: '진행 상황 초기화',
  search: '검색',
  searchDialog: '레슨 검색',
  searchLabel: '레슨과 용어집에서 검색',
  searchPlaceholder: '컨테이너, 볼륨, 레지스트리…',
  searchClose: '닫기',
  searchResults: '검색 결과',
  searchLoading: '검색을 불러오는 중…',
  searchFailed: '검색을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  searchCount: '결과 {n}개',
  searchCountOne: '결과 1개',
  searchNone: '‘{q}’에 대한 결과가 없습니다',
};

export const UI: Record<Locale, UiStrings> = { en, ko };

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ko' : 'en';
}
