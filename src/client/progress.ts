/**
 * Progress without an account: the slugs of the lessons a learner has done, in this browser's
 * localStorage only (nothing is sent anywhere). A slug is the same in both languages, so progress is
 * too. The pages render every mark, the "Continue" line and the buttons with their space reserved;
 * this module only toggles attributes, so applying the stored state never moves the layout:
 * - [data-lesson] (sidebar and home-page entries) gets data-done: CSS shows its check mark;
 * - [data-progress] (the "Continue" box) gets data-started / data-complete, and its link the next
 *   lesson not done, in course order;
 * - [data-mark-done] (the button at the end of a lesson) is a toggle (aria-pressed);
 * - [data-progress-reset] forgets everything.
 */
const KEY = 'dockside-progress-v1';

function load(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((slug) => typeof slug === 'string') : []);
  } catch {
    return new Set();
  }
}

let done = load();

function save() {
  try {
    if (done.size) localStorage.setItem(KEY, JSON.stringify([...done]));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: progress lasts for this page only.
  }
}

const all = <T extends HTMLElement>(selector: string) => [...document.querySelectorAll<T>(selector)];

function render() {
  const lessons = all('[data-lesson]');
  for (const lesson of lessons) lesson.toggleAttribute('data-done', done.has(lesson.dataset.lesson!));
  const next = lessons.find((lesson) => !done.has(lesson.dataset.lesson!));
  for (const box of all('[data-progress]')) {
    box.toggleAttribute('data-started', done.size > 0);
    box.toggleAttribute('data-complete', !next);
    const link = box.querySelector('a');
    const title = box.querySelector('[data-progress-title]');
    if (next && link && title) {
      link.href = next.dataset.href!;
      title.textContent = next.dataset.title!;
    }
  }
  for (const button of all('[data-mark-done]'))
    button.setAttribute('aria-pressed', String(done.has(button.dataset.markDone!)));
}

export function setDone(slug: string, value: boolean): void {
  done = load();
  if (value) done.add(slug);
  else done.delete(slug);
  save();
  render();
}

/** The lesson of this page (its "Mark as done" button says which), marked done. */
export function markThisLessonDone(): void {
  const slug = document.querySelector<HTMLElement>('[data-mark-done]')?.dataset.markDone;
  if (slug) setDone(slug, true);
}

for (const button of all('[data-mark-done]'))
  button.addEventListener('click', () =>
    setDone(button.dataset.markDone!, button.getAttribute('aria-pressed') !== 'true'),
  );
for (const button of all('[data-progress-reset]'))
  button.addEventListener('click', () => {
    done.clear();
    save();
    render();
    // The button is hidden with the box it sits in: focus the main content instead of losing it.
    document.getElementById('main')?.focus();
  });
// Another tab marked a lesson done, or reset: show the same.
addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) {
    done = load();
    render();
  }
});
render();
