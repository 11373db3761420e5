/**
 * The site's only client script at page load (budget: 4 KB gzip). Everything works without it:
 * it adds the theme toggle, the narrow-screen menu, copy buttons, shell tabs and the search button,
 * and brings in the learner's progress (progress.ts) and the self-check questions' read-out (quiz.ts).
 * Search itself (./search.ts, then Pagefind and the index) loads only when the reader opens it.
 */
import './progress.ts';
import './quiz.ts';
import searchChunk from 'virtual:dockside-search-chunk';

const root = document.documentElement;
const THEME_KEY = 'dockside-theme';
const SHELL_KEY = 'dockside-shell';

function store(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

// Theme: the inline head script already applied it; the button flips and remembers it.
const themeToggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
if (themeToggle) {
  const label = () => {
    const dark = root.dataset.theme === 'dark';
    themeToggle.setAttribute(
      'aria-label',
      (dark ? themeToggle.dataset.labelLight : themeToggle.dataset.labelDark) ?? '',
    );
    themeToggle.setAttribute('aria-pressed', String(dark));
  };
  themeToggle.hidden = false;
  label();
  themeToggle.addEventListener('click', () => {
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    store(THEME_KEY, next);
    label();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', label);
}

// Narrow screens: the course outline becomes a menu.
const menuToggle = document.querySelector<HTMLButtonElement>('.menu-toggle');
const sidebar = document.getElementById('sidebar');
if (menuToggle && sidebar) {
  menuToggle.hidden = false;
  const setOpen = (open: boolean) => {
    menuToggle.setAttribute('aria-expanded', String(open));
    sidebar.classList.toggle('is-open', open);
  };
  menuToggle.addEventListener('click', () => setOpen(menuToggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && sidebar.classList.contains('is-open')) {
      setOpen(false);
      menuToggle.focus();
    }
  });
}

// Copy buttons copy the block's commands only; the text was prepared at build time by the parser.
for (const button of document.querySelectorAll<HTMLButtonElement>('.cmd__copy')) {
  button.hidden = false;
  const status = button.querySelector('.cmd__copy-label');
  const idle = status?.textContent ?? '';
  let reset: ReturnType<typeof setTimeout> | undefined;
  // The label is an aria-live region: what it says is read out as well as shown.
  const say = (text: string, failed: boolean, ms: number) => {
    if (!status) return;
    clearTimeout(reset);
    status.textContent = text;
    button.classList.toggle('cmd__copy--failed', failed);
    reset = setTimeout(() => {
      status.textContent = idle;
      button.classList.remove('cmd__copy--failed');
    }, ms);
  };
  button.addEventListener('click', () => {
    const text = button.closest('.cmd')?.querySelector('template.cmd__commands')?.innerHTML;
    if (text === undefined) return;
    const area = document.createElement('textarea');
    area.innerHTML = text; // decode the entities the template holds
    // The clipboard can refuse (no permission, not a secure context, an older browser without it):
    // say so, so the reader selects the text instead of pasting whatever was there before.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(area.value))
      .then(
        () => say(button.dataset.copied ?? '', false, 1500),
        () => say(button.dataset.copyFailed ?? '', true, 5000),
      );
  });
}

// Shell tabs: one choice switches every group on the page and is remembered across pages.
// The head script already set <html data-shell> (CSS shows the matching panels without a flash);
// here the tabs get their selected state and keyboard handling.
const tabs = [...document.querySelectorAll<HTMLButtonElement>('.cmd-tabs [role="tab"]')];
function selectShell(shell: string) {
  root.dataset.shell = shell;
  for (const tab of tabs) {
    const selected = tab.dataset.shell === shell;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}
for (const tab of tabs) {
  const choose = (next: HTMLButtonElement) => {
    store(SHELL_KEY, next.dataset.shell ?? 'bash');
    selectShell(next.dataset.shell ?? 'bash');
    next.focus();
  };
  tab.addEventListener('click', () => choose(tab));
  tab.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const group = [...(tab.parentElement?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    choose(group[(group.indexOf(tab) + step + group.length) % group.length]!);
  });
}
if (tabs.length > 0) selectShell(root.dataset.shell ?? 'bash');

// Search: the header button or `/` (unless the reader is typing) opens the dialog at once; its code,
// Pagefind and this language's index load only then (./search.ts). Closing returns focus to where it was.
const searchToggle = document.querySelector<HTMLButtonElement>('.search-toggle');
const searchDialog = document.querySelector<HTMLDialogElement>('dialog.search');
if (searchToggle && searchDialog) {
  searchToggle.hidden = false;
  let returnTo: Element | null = null;
  const openSearch = () => {
    if (searchDialog.open) return;
    returnTo = document.activeElement;
    searchDialog.showModal();
    import(/* @vite-ignore */ searchChunk).then(
      (search: typeof import('./search.ts')) => search.start(searchDialog),
      () => {
        const status = searchDialog.querySelector('.search__status');
        if (status) status.textContent = searchDialog.dataset.failed ?? '';
      },
    );
  };
  searchToggle.addEventListener('click', openSearch);
  searchDialog.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    event.preventDefault();
    openSearch();
  });
}
