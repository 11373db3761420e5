/** Everything the follow-along runner says, in English and Korean. */
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.ts';

export type FollowLocale = Locale;

const en = {
  title: 'Dockside · follow a lesson in your terminal',
  pick: 'Which lesson? Type its number and press Enter',
  pickAgain: (max: number) => `Type a number from 1 to ${max}.`,
  unknownLesson: (name: string, known: string) => `There is no lesson "${name}". Lessons: ${known}`,
  nameLesson: (follow: string, known: string) =>
    `Name the lesson to follow (there is no terminal to pick one in): ${follow} <lesson>. Lessons: ${known}`,
  preflight: 'Checking your Docker',
  dockerMissing:
    'The docker command is not installed. Install Docker Desktop (Windows, Mac) or Docker Engine (Linux): https://docs.docker.com/get-docker/',
  bashMissing:
    "The lesson's commands run in bash, and bash is not installed here. On Windows, run this in WSL (wsl.exe, then the same command) or in Git Bash; on Linux, install the bash package.",
  engineDown: (reason: string) =>
    `Docker is installed, but the engine does not answer (${reason}).\n  • Docker Desktop: start it and wait until it says "Engine running".\n  • Linux: start the service: sudo systemctl start docker`,
  permission:
    'Docker answered "permission denied". Add yourself to the docker group and log in again:\n  sudo usermod -aG docker $USER   (then log out and back in, or run: newgrp docker)',
  system: (os: string, arch: string, client: string, server: string) =>
    `${os} ${arch} · Docker client ${client} · engine ${server}`,
  collision: (kind: string, name: string) =>
    `A ${kind} named "${name}" already exists, and this runner did not make it.`,
  collisionHelp: (commands: string) =>
    `This lesson creates that name itself, so it stops here instead of touching yours.\nIf it is left over from trying the lesson by hand and you no longer need it, remove it:\n${commands}\nthen start the lesson again.`,
  leftover: (names: string) => `Left from your last run of this lesson: ${names}.`,
  removeLeftover: 'Remove them and start fresh?',
  workingIn: (dir: string) => `Working directory: ${dir}`,
  wroteFile: (name: string) => `Saved ${name} from the lesson there.`,
  keys: 'Enter run · s skip · q quit',
  step: (n: number, total: number) => `Step ${n} of ${total}`,
  notRunnable: (reason: string) => `Not for this terminal: ${reason}. Read it on the page; skipping.`,
  confirmRemove: 'This step removes containers, images, volumes or files. Run it?',
  skipped: 'Skipped.',
  matched: 'Output matches the lesson.',
  mismatched: (explanation: string) => `Output differs from the lesson. ${explanation}`,
  diffLegend: '  (- what the lesson shows, + what you got)',
  exitDiffers: (expected: number, got: number | null) =>
    `The command ended with status ${got ?? 'none'}; the lesson expects ${expected}.`,
  timedOut: (seconds: number) => `Stopped after ${seconds} s without finishing.`,
  stopAsk: 'Stop the lesson?',
  offerCleanup: "Run the lesson's cleanup step now, so nothing it started keeps running?",
  cleaning: 'Cleaning up',
  removedLeft: (what: string) => `Also removed what the lesson had started: ${what}`,
  yourTurn: (title: string) => `Your turn: ${title}`,
  exerciseHow:
    'Do it in your own terminal (this one waits), then press Enter: the runner checks your Docker.',
  exerciseKeys: 'Enter check my work · v show the solution · s skip · q quit',
  exerciseKeysHint: 'Enter check my work · h hint · v show the solution · s skip · q quit',
  hint: (n: number, total: number, text: string) => `Hint ${n} of ${total}: ${text}`,
  solutionIs: 'One way to do it (type or paste it in your own terminal):',
  solvingForYou: 'No terminal to wait in (--yes): running the solution, then the check.',
  checking: 'Checking your work',
  shouldPrint: (text: string) => `should print: ${text}`,
  printed: (text: string) => `printed:      ${text}`,
  nothing: '(nothing)',
  exerciseDone: 'Done: everything the task asks for is there.',
  exerciseNotYet: 'Not yet: the lines marked ✗ are still missing.',
  tryAgain: 'Fix it in your terminal and press Enter to check again.',
  done: (matched: number, ran: number) =>
    `Lesson finished: ${matched} of ${ran} steps printed what the lesson shows.`,
  bye: (again: string) => `Bye. Come back with: ${again}`,
  nextLesson: (title: string, command: string) => `Next lesson: ${title}. Follow it with: ${command}`,
  lastLesson: 'That was the last lesson. The site has the next steps at the end of each course.',
  listIntro: 'Lessons you can follow in your terminal, against your own Docker:',
  listFollow: (follow: string, example: string) =>
    `Follow one: ${follow} <lesson>   (for example: ${follow} ${example})`,
  listMore: (command: string) => `In Korean: add --lang ko · every option: ${command} --help`,
  about:
    'Follow a Dockside lesson step by step in your terminal, against your own Docker: each step shows why it\nexists and its commands, Enter runs them, and the output is checked against what the lesson shows.',
  usage: 'Usage',
  usageList: 'list the lessons',
  usageFollow: 'follow a lesson: Enter runs a step, s skips it, q quits and offers the cleanup',
  usagePick: 'pick a lesson from the list, then follow it',
  lessonArg: '<lesson>',
  options: 'Options',
  optionLang: 'the language of the lessons and of this runner (default: from LANG, else English)',
  optionYes: 'run every step without asking, the cleanup step included (for scripts)',
  optionVersion: 'this runner and the version of the lessons it carries',
  optionHelp: (command: string) => `this help; in Korean: ${command} --help --lang ko`,
  needs: 'Needs Docker: Docker Desktop (Windows, Mac) or Docker Engine (Linux).',
  unknownOption: (problem: string, command: string) => `${problem}. See: ${command} --help`,
  yes: 'y',
  yesNo: '[y/N]',
  noYes: '[Y/n]',
};

type Messages = typeof en;

const ko: Messages = {
  title: 'Dockside · 터미널에서 레슨 따라 하기',
  pick: '어떤 레슨을 할까요? 번호를 입력하고 Enter를 누르세요',
  pickAgain: (max: number) => `1부터 ${max} 사이의 번호를 입력하세요.`,
  unknownLesson: (name: string, known: string) => `"${name}" 레슨은 없습니다. 레슨 목록: ${known}`,
  nameLesson: (follow: string, known: string) =>
    `레슨을 고를 터미널이 없으니 따라 할 레슨의 이름을 지정하세요: ${follow} <레슨>. 레슨 목록: ${known}`,
  preflight: 'Docker 환경 확인',
  dockerMissing:
    'docker 명령이 설치되어 있지 않습니다. Docker Desktop(윈도우, 맥)이나 Docker Engine(리눅스)을 설치하세요: https://docs.docker.com/get-docker/',
  bashMissing:
    '레슨의 명령은 bash에서 실행하는데, 이 컴퓨터에는 bash가 설치되어 있지 않습니다. 윈도우에서는 WSL(wsl.exe를 실행한 뒤 같은 명령)이나 Git Bash에서 실행하세요. 리눅스에서는 bash 패키지를 설치하세요.',
  engineDown: (reason: string) =>
    `Docker는 설치되어 있지만 엔진이 응답하지 않습니다(${reason}).\n  • Docker Desktop: 실행한 뒤 "Engine running"이 표시될 때까지 기다리세요.\n  • 리눅스: 서비스를 시작하세요: sudo systemctl start docker`,
  permission:
    'Docker가 "permission denied"로 응답했습니다. docker 그룹에 사용자를 추가한 뒤 다시 로그인하세요:\n  sudo usermod -aG docker $USER   (로그아웃 후 다시 로그인하거나 newgrp docker 실행)',
  system: (os: string, arch: string, client: string, server: string) =>
    `${os} ${arch} · Docker 클라이언트 ${client} · 엔진 ${server}`,
  collision: (kind: string, name: string) =>
    `"${name}"라는 ${kind}이(가) 이미 있고, 이 도구가 만든 것이 아닙니다.`,
  collisionHelp: (commands: string) =>
    `이 레슨이 같은 이름을 직접 만들기 때문에, 기존 것을 건드리지 않도록 여기서 멈춥니다.\n레슨을 손으로 따라 하다 남은 것이고 더 필요 없다면 지우세요:\n${commands}\n그다음 레슨을 다시 시작하세요.`,
  leftover: (names: string) => `지난번에 이 레슨을 실행하고 남은 것: ${names}.`,
  removeLeftover: '지우고 처음부터 시작할까요?',
  workingIn: (dir: string) => `작업 디렉터리: ${dir}`,
  wroteFile: (name: string) => `레슨의 ${name} 파일을 저장했습니다.`,
  keys: 'Enter 실행 · s 건너뛰기 · q 종료',
  step: (n: number, total: number) => `${total}단계 중 ${n}단계`,
  notRunnable: (reason: string) =>
    `이 터미널에서 실행하는 단계가 아닙니다: ${reason}. 페이지에서 읽어 보세요. 건너뜁니다.`,
  confirmRemove: '이 단계는 컨테이너, 이미지, 볼륨이나 파일을 지웁니다. 실행할까요?',
  skipped: '건너뛰었습니다.',
  matched: '출력이 레슨과 같습니다.',
  mismatched: (explanation: string) => `출력이 레슨과 다릅니다. ${explanation}`,
  diffLegend: '  (- 레슨에 나온 내용, + 실제 출력)',
  exitDiffers: (expected: number, got: number | null) =>
    `명령이 종료 코드 ${got ?? '없음'}(으)로 끝났습니다. 레슨에서는 ${expected}입니다.`,
  timedOut: (seconds: number) => `${seconds}초 안에 끝나지 않아 멈췄습니다.`,
  stopAsk: '레슨을 멈출까요?',
  offerCleanup: '레슨이 띄운 것이 남지 않도록 정리 단계를 지금 실행할까요?',
  cleaning: '정리 중',
  removedLeft: (what: string) => `레슨이 띄운 것도 지웠습니다: ${what}`,
  yourTurn: (title: string) => `직접 해 보기: ${title}`,
  exerciseHow: '내 터미널에서 직접 해 본 다음 Enter를 누르세요. 이 도구가 내 도커에서 결과를 확인합니다.',
  exerciseKeys: 'Enter 확인 · v 풀이 보기 · s 건너뛰기 · q 종료',
  exerciseKeysHint: 'Enter 확인 · h 힌트 · v 풀이 보기 · s 건너뛰기 · q 종료',
  hint: (n: number, total: number, text: string) => `힌트 ${n}/${total}: ${text}`,
  solutionIs: '풀이 예시입니다(내 터미널에 입력하거나 붙여 넣으세요):',
  solvingForYou: '기다릴 터미널이 없으므로(--yes) 풀이를 실행한 뒤 확인합니다.',
  checking: '결과 확인',
  shouldPrint: (text: string) => `기대하는 출력: ${text}`,
  printed: (text: string) => `실제 출력:     ${text}`,
  nothing: '(없음)',
  exerciseDone: '완료: 과제에서 요구한 것이 모두 있습니다.',
  exerciseNotYet: '아직입니다: ✗ 표시한 항목이 아직 맞지 않습니다.',
  tryAgain: '내 터미널에서 고친 다음 Enter를 눌러 다시 확인하세요.',
  done: (matched: number, ran: number) =>
    `레슨을 마쳤습니다. ${ran}단계 중 ${matched}단계의 출력이 레슨과 같았습니다.`,
  bye: (again: string) => `다음에 또 만나요. 다시 시작하려면: ${again}`,
  nextLesson: (title: string, command: string) => `다음 레슨: ${title}. 이어서 따라 하려면: ${command}`,
  lastLesson: '마지막 레슨까지 마쳤습니다. 코스마다 끝에 이어서 볼 곳을 사이트에 정리해 두었습니다.',
  listIntro: '내 터미널에서 내 도커로 따라 할 수 있는 레슨입니다:',
  listFollow: (follow: string, example: string) =>
    `레슨 하나를 따라 하려면: ${follow} <레슨>   (예: ${follow} ${example})`,
  listMore: (command: string) => `영어로 보려면 --lang en을 붙이세요 · 모든 옵션: ${command} --help`,
  about:
    'Dockside 레슨을 내 터미널에서 내 도커로 한 단계씩 따라 합니다. 단계마다 그 단계가 필요한 이유와 명령을\n보여 주고, Enter를 누르면 명령을 실행한 뒤 출력이 레슨에 나온 것과 같은지 확인합니다.',
  usage: '사용법',
  usageList: '레슨 목록을 보여 줍니다',
  usageFollow: '레슨을 따라 합니다. Enter는 실행, s는 건너뛰기, q는 종료(정리 단계 실행 여부를 묻습니다)',
  usagePick: '목록에서 레슨을 골라 따라 합니다',
  lessonArg: '<레슨>',
  options: '옵션',
  optionLang: '레슨과 안내 메시지의 언어(기본값: LANG 환경 변수, 없으면 영어)',
  optionYes: '묻지 않고 정리 단계까지 모든 단계를 실행합니다(스크립트용)',
  optionVersion: '이 도구의 버전과 함께 들어 있는 레슨의 버전을 보여 줍니다',
  optionHelp: (command: string) => `이 도움말을 보여 줍니다. 영어로 보려면: ${command} --help --lang en`,
  needs: '도커가 필요합니다: Docker Desktop(윈도우, 맥) 또는 Docker Engine(리눅스).',
  unknownOption: (problem: string, command: string) => `${problem}. 사용법: ${command} --help`,
  yes: 'y',
  yesNo: '[y/N]',
  noYes: '[Y/n]',
};

export const MESSAGES: Record<FollowLocale, Messages> = { en, ko };
export type { Messages };

/** --lang wins; otherwise a Korean locale in the environment (LC_ALL, LC_MESSAGES, LANG) means Korean. */
export function chooseLocale(flag: string | undefined, env: NodeJS.ProcessEnv): FollowLocale {
  if (isLocale(flag)) return flag;
  // `ko_KR.UTF-8` → ko; C.UTF-8 and unknown languages get the default.
  const fromEnv = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').slice(0, 2).toLowerCase();
  return isLocale(fromEnv) ? fromEnv : DEFAULT_LOCALE;
}
