/** Interface strings of the site, per locale. Lesson text lives in content/, not here. */
import type { Locale } from '../lesson-model/schemas/lesson.ts';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

const en = {
  siteTagline: 'Learn what Docker images and containers really are, hands-on.',
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
  verified: (date: string, docker: string) => `Last verified ${date} with Docker ${docker}`,
  start: 'Start the course',
  lessons: (n: number) => `${n} lessons`,
  notFound: 'Page not found',
  backHome: 'Back to the lessons',
  footer: 'Dockside: every command tested against a real Docker Engine.',
  followSummary: 'Follow this lesson in your terminal',
  followText:
    'In a clone of the Dockside repository (after npm install), this runs the lesson step by step against your own Docker, checks each output and cleans up when you quit.',
  followTitle: 'Run this lesson step by step',
  editPrompt: 'Found a mistake, or a command that no longer works?',
  editPage: 'Edit this page on GitHub',
};

type UiStrings = typeof en;

const ko: UiStrings = {
  siteTagline: '도커 이미지와 컨테이너가 실제로 무엇인지, 직접 해 보면서 배웁니다.',
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
  verified: (date: string, docker: string) => `${date}, Docker ${docker}에서 마지막으로 검증`,
  start: '첫 레슨 시작하기',
  lessons: (n: number) => `레슨 ${n}개`,
  notFound: '페이지를 찾을 수 없습니다',
  backHome: '레슨 목록으로',
  footer: 'Dockside: 모든 명령을 실제 Docker Engine에서 테스트합니다.',
  followSummary: '이 레슨을 터미널에서 따라 하기',
  followText:
    'Dockside 저장소를 클론하고 npm install을 마친 뒤 아래 명령을 실행하면, 내 Docker에서 레슨을 한 단계씩 실행하고 출력이 레슨과 같은지 확인해 줍니다. 중간에 그만두면 정리도 해 줍니다.',
  followTitle: '레슨을 한 단계씩 실행하기',
  editPrompt: '틀린 내용이나 더 이상 동작하지 않는 명령을 발견했나요?',
  editPage: 'GitHub에서 이 페이지 수정하기',
};

export const UI: Record<Locale, UiStrings> = { en, ko };

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ko' : 'en';
}
