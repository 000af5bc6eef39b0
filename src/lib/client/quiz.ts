// A lesson's quiz (components/Quiz.astro): counts answers, shows the score and the concepts to review
// once every question is checked, records the attempt in the progress store, and starts over on retry.
import { browserStorage, progressStore, type QuizRecord } from '../progress';
import { progressNotice } from './progress-notice';
import { reviewList, setupQuestion } from './question';

const store = progressStore(browserStorage());

function bestLine(record: QuizRecord | undefined): string {
  if (!record) return '';
  const attempts = `${record.attempts} attempt${record.attempts === 1 ? '' : 's'}`;
  return `Your best so far: ${record.best} of ${record.total} (${attempts}).`;
}

function enhanceQuiz(root: HTMLElement): void {
  const quizId = root.dataset.quiz!;
  const lesson = root.dataset.lesson!;
  const best = root.querySelector<HTMLElement>('[data-quiz-best]')!;
  const summary = root.querySelector<HTMLElement>('[data-quiz-summary]')!;
  const review = root.querySelector<HTMLElement>('[data-quiz-review]')!;
  const showNotice = progressNotice(root.querySelector<HTMLElement>('[data-quiz-notice]')!, store);
  const showBest = (record: QuizRecord | undefined) => {
    best.textContent = bestLine(record);
    best.hidden = !record;
  };

  showBest(store.read().quizzes[quizId]);

  const onAnswer = () => {
    if (questions.some((q) => q.outcome === undefined)) return;
    const score = questions.filter((q) => q.outcome).length;
    const saved = store.recordQuiz(quizId, lesson, score, questions.length);
    if (!saved.saved) showNotice(saved.notice);
    showBest(saved.progress.quizzes[quizId]);
    root.querySelector('[data-quiz-score]')!.textContent =
      score === questions.length ? `You scored ${score} of ${score}: all correct.` : `You scored ${score} of ${questions.length}.`;
    const items = reviewList(questions);
    root.querySelector('[data-quiz-review-list]')!.replaceChildren(...items);
    review.hidden = items.length === 0;
    summary.hidden = false;
    summary.focus();
  };
  const questions = [...root.querySelectorAll<HTMLFormElement>('form[data-question]')].map((form) => setupQuestion(form, { onAnswer }));

  root.querySelector('[data-quiz-retry]')!.addEventListener('click', () => {
    for (const q of questions) q.reset();
    summary.hidden = true;
    questions[0]?.form.querySelector<HTMLElement>('input, [data-move]:not(:disabled)')?.focus();
  });
}

export function enhanceQuizzes(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-quiz]')) enhanceQuiz(root);
}
