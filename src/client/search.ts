/**
 * The search dialog's behaviour, loaded by site.ts the first time the reader opens search (a chunk
 * of its own, not part of the page's start-up JavaScript). It imports Pagefind's search API from the
 * bundle the build wrote (src/search/searchIndex.ts); Pagefind picks the index of the page's
 * <html lang>, so a Korean page finds Korean pages only.
 *
 * Keyboard: type to search; ↓ moves from the field to the results, ↑/↓ between them (Tab works too),
 * Enter in the field opens the first result, Esc closes the dialog (site.ts returns focus).
 */
import { SEARCH_BUNDLE } from '../search/bundle.ts';

/** The part of Pagefind's JS API (https://pagefind.app/docs/api/) used here. */
interface PagefindResultData {
  url: string;
  /** Text around the match, HTML-escaped by Pagefind, with the matched words in <mark>. */
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** null when a later call has superseded this one. */
  debouncedSearch(
    query: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results shown; the status line gives the full count. */
const SHOWN = 8;

let started = false;

/** Called on every opening; sets the dialog up the first time. */
export function start(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('.search__input')!;
  input.focus();
  input.select();
  if (started) return;
  started = true;

  const list = dialog.querySelector<HTMLUListElement>('.search__results')!;
  const status = dialog.querySelector<HTMLElement>('.search__status')!;
  const text = dialog.dataset;
  const say = (message = '') => {
    status.textContent = message;
  };

  say(text['loading']);
  // A URL built at run time: Vite leaves the import alone (a literal would bring its preload helper).
  const bundle = new URL(`${SEARCH_BUNDLE}pagefind.js`, location.origin).href;
  const engine: Promise<Pagefind> = import(/* @vite-ignore */ bundle).then(async (pagefind: Pagefind) => {
    await pagefind.options({ excerptLength: 20 });
    await pagefind.init();
    return pagefind;
  });

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    const pagefind = await engine;
    if (!query) {
      list.replaceChildren();
      say();
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 120);
    if (search === null || ticket !== latest) return;
    const found = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...found.map(resultItem));
    const count = search.results.length;
    say(
      count === 0
        ? (text['none'] ?? '').replace('{q}', query)
        : count === 1
          ? text['countOne']
          : (text['count'] ?? '').replace('{n}', String(count)),
    );
  };
  // One retry: when Pagefind's Web Worker fails, Pagefind rejects what was pending and goes on
  // without it (on the page), so the same search then works; a missing bundle fails twice.
  const search = () => {
    run()
      .catch(run)
      .catch(() => say(text['failed']));
  };
  search();
  input.addEventListener('input', search);

  const links = () => [...list.querySelectorAll('a')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Enter') {
      links()[0]?.click();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = links();
    const next =
      all.indexOf(document.activeElement as HTMLAnchorElement) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  });
  // Esc closes even where the search field would only clear itself.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.querySelector('.search__close')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  const title = document.createElement('span');
  title.className = 'search__title';
  title.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('span');
  excerpt.className = 'search__excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  link.append(title, excerpt);
  item.append(link);
  return item;
}

/** The excerpt as text and <mark> elements only, whatever else its HTML might contain. */
function excerptNodes(html: string): Node[] {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  return [...parsed.content.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
