/**
 * Self-check questions (src/components/lesson/Quiz.astro). Choosing an option already shows its
 * verdict and explanation (CSS, also without JavaScript); this reads them out to screen readers
 * through the quiz's live region, and marks the lesson done once every question has an answer.
 */
import { markThisLessonDone } from './progress.ts';

for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
  const status = quiz.querySelector('[data-quiz-status]');
  const answered = new Set<string>();
  quiz.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (status) status.textContent = input.parentElement?.querySelector('p')?.textContent ?? '';
    answered.add(input.name);
    if (answered.size === quiz.querySelectorAll('fieldset').length) markThisLessonDone();
  });
}
