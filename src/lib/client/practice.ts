// /practice (pages/practice.astro): builds sessions from the page's question pool. Practice sessions follow
// the Leitner schedule and give feedback at once; exams take a random fixed-size draw, may run against a
// clock, and reveal everything at the end. Every answer updates the learner's schedule.
import { pickSession, dueCount, review } from '../practice/leitner';
import { browserStorage, progressStore } from '../progress';
import { progressNotice } from './progress-notice';
import { reviewList, setupQuestion, type QuestionController } from './question';

const store = progressStore(browserStorage());
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function enhancePractice(): void {
  const setup = $<HTMLFormElement>('[data-setup]');
  const session = $('[data-session]');
  const list = $('[data-session-list]');
  const status = $('[data-session-status]');
  const timer = $('[data-timer]');
  const finishButton = $<HTMLButtonElement>('[data-finish]');
  const results = $('[data-results]');
  const showNotice = progressNotice($('[data-notice]'), store);

  const pool = new Map<string, { item: HTMLLIElement; module: string; controller: QuestionController }>();
  let current: QuestionController[] = [];
  let exam = false;
  let deadline = 0;
  let ticking: number | undefined;

  const updateStatus = () => {
    const answered = current.filter((q) => q.outcome !== undefined).length;
    status.textContent = `${answered} of ${current.length} answered`;
  };

  const onAnswer = (correct: boolean, q: QuestionController) => {
    const saved = store.update((p) => {
      p.cards[q.id] = review(p.cards[q.id], correct, Date.now());
    });
    if (!saved.saved) showNotice(saved.notice);
    updateStatus();
    if (!exam && current.every((x) => x.outcome !== undefined)) finish();
  };

  for (const item of document.querySelectorAll<HTMLLIElement>('[data-pool-question]')) {
    const form = item.querySelector<HTMLFormElement>('form')!;
    pool.set(item.dataset.poolQuestion!, { item, module: item.dataset.module!, controller: setupQuestion(form, { onAnswer, get deferFeedback() { return exam; } }) });
  }

  const offered = () => {
    const module = new FormData(setup).get('module');
    return [...pool.entries()].filter(([, q]) => !module || q.module === module).map(([id]) => id);
  };
  const updateDue = () => {
    const ids = offered();
    const examChosen = new FormData(setup).get('mode') === 'exam';
    $('[data-exam-only]').hidden = !examChosen;
    const due = dueCount(ids, store.read().cards, Date.now());
    $('[data-due]').textContent = examChosen ? `${ids.length} questions to draw from.` : `${due} of ${ids.length} questions due or new.`;
  };

  function finish(): void {
    window.clearInterval(ticking);
    timer.hidden = true;
    finishButton.hidden = true;
    for (const q of current) {
      q.reveal();
      // time is up for what was left unanswered
      if (q.outcome === undefined) q.form.inert = true;
    }
    const score = current.filter((q) => q.outcome).length;
    const unanswered = current.filter((q) => q.outcome === undefined).length;
    $('[data-results-title]').textContent = exam ? 'Exam results' : 'Session results';
    $('[data-results-score]').textContent = `Score: ${score} of ${current.length} (${Math.round((score / current.length) * 100)}%)`;
    $('[data-results-meta]').textContent = `${new Date().toLocaleString()}${unanswered ? ` · ${unanswered} not answered` : ''}`;
    $('[data-results-rows]').replaceChildren(
      ...current.map((q, i) => {
        const row = document.createElement('tr');
        const cells = [String(i + 1), q.form.querySelector('.question-prompt')?.textContent?.trim() ?? '', q.outcome === undefined ? 'not answered' : q.outcome ? 'correct' : 'wrong'];
        row.append(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
        return row;
      }),
    );
    const review = reviewList(current);
    $('[data-review-list]').replaceChildren(...review);
    $('[data-review]').hidden = review.length === 0;
    results.hidden = false;
    results.focus();
  }

  setup.addEventListener('change', updateDue);
  setup.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(setup);
    exam = data.get('mode') === 'exam';
    const count = Number(data.get('count'));
    const ids = offered();
    const chosen = exam ? shuffle(ids).slice(0, count) : pickSession(ids, store.read().cards, Date.now(), count);
    current = chosen.map((id) => pool.get(id)!.controller);
    list.replaceChildren(
      ...chosen.map((id, i) => {
        const { item, controller } = pool.get(id)!;
        controller.reset();
        item.querySelector('.question-label')!.textContent = `Question ${i + 1} of ${chosen.length}`;
        return item;
      }),
    );
    $('[data-session-title]').textContent = exam ? 'Exam' : 'Practice session';
    results.hidden = true;
    setup.hidden = true;
    session.hidden = false;
    finishButton.hidden = !exam;
    updateStatus();
    const minutes = exam ? Number(data.get('minutes')) : 0;
    timer.hidden = minutes === 0;
    window.clearInterval(ticking);
    if (minutes > 0) {
      deadline = Date.now() + minutes * 60_000;
      const tick = () => {
        const left = deadline - Date.now();
        timer.textContent = `Time left ${clock(left)}`;
        if (left <= 0) finish();
      };
      tick();
      ticking = window.setInterval(tick, 1000);
    }
    list.querySelector<HTMLElement>('input, [data-move]:not(:disabled)')?.focus();
  });
  finishButton.addEventListener('click', finish);
  $('[data-print]').addEventListener('click', () => window.print());
  $('[data-again]').addEventListener('click', () => {
    results.hidden = true;
    session.hidden = true;
    setup.hidden = false;
    updateDue();
    setup.querySelector<HTMLElement>('input:checked')?.focus();
  });

  const message = $('[data-transfer-message]');
  // export and import are rare: their code loads when asked for
  const transfer = () => import('../progress-transfer');
  $('[data-export]').addEventListener('click', async () => {
    const { exportProgress } = await transfer();
    const blob = new Blob([exportProgress(store.read())], { type: 'application/json' });
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(blob),
      download: `dockhand-progress-${new Date().toISOString().slice(0, 10)}.json`,
    });
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    message.textContent = 'Your progress was saved as a file.';
  });
  $<HTMLInputElement>('[data-import]').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const { importProgress } = await transfer();
    const result = importProgress(store, await file.text());
    message.textContent = result.saved ? result.summary : result.notice;
    input.value = '';
    updateDue();
  });

  updateDue();
}
