// Brings one question form (components/quiz/Question.astro) to life: choosing or typing an answer,
// reordering items by keyboard or pointer, checking, and showing feedback. Quizzes and practice sessions
// drive questions through the controller this returns.
import { answerIds, gradeChoice, type ChoiceKind } from '../quiz/grade-choice';
import type { CommandSpec } from '../quiz/grade-command';

export interface QuestionController {
  readonly id: string;
  readonly form: HTMLFormElement;
  readonly concept: string;
  readonly section: string;
  /** the learner's last outcome, once checked */
  readonly outcome: boolean | undefined;
  /** shows the feedback of a checked question (immediate unless `deferFeedback`) */
  reveal(): void;
  /** back to unanswered */
  reset(): void;
}

export interface QuestionOptions {
  onAnswer(correct: boolean, question: QuestionController): void;
  /** exam mode: record the answer, show feedback only when reveal() is called */
  deferFeedback?: boolean;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) =>
  Object.assign(document.createElement(tag), { className }, text === undefined ? {} : { textContent: text });

/** text with `code` spans, as the server renders it */
function withCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, i) => fragment.append(i % 2 ? el('code', '', part) : document.createTextNode(part)));
  return fragment;
}

function enableOrdering(list: HTMLElement, announce: (text: string) => void): void {
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-move]');
    const item = button?.closest<HTMLElement>('[data-item]');
    if (!button || !item || button.disabled) return;
    const up = button.dataset.move === 'up';
    const sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    sibling.insertAdjacentElement(up ? 'beforebegin' : 'afterend', item);
    updateMoveButtons(list);
    // keep focus on the moved item; at an edge its button is disabled, so move to the other one
    const target = button.disabled ? item.querySelector<HTMLButtonElement>(`[data-move="${up ? 'down' : 'up'}"]`) : button;
    target?.focus();
    const items = [...list.children];
    announce(`${item.querySelector('.order-text')?.textContent?.trim()}: position ${items.indexOf(item) + 1} of ${items.length}`);
  });
  updateMoveButtons(list);
}

function updateMoveButtons(list: HTMLElement): void {
  const items = [...list.querySelectorAll<HTMLElement>('[data-item]')];
  items.forEach((item, i) => {
    item.querySelector<HTMLButtonElement>('[data-move="up"]')!.disabled = i === 0;
    item.querySelector<HTMLButtonElement>('[data-move="down"]')!.disabled = i === items.length - 1;
  });
}

export function setupQuestion(form: HTMLFormElement, options: QuestionOptions): QuestionController {
  const kind = form.dataset.kind as ChoiceKind | 'command';
  const answer = answerIds((form.dataset.answer ?? '').split(' ').filter(Boolean));
  const result = form.querySelector<HTMLElement>('[data-result]')!;
  result.tabIndex = -1;
  const details = form.querySelector<HTMLDetailsElement>('.question-answer')!;
  const list = form.querySelector<HTMLElement>('[data-order-list]');
  const initialOrder = list ? [...list.children] : [];
  const input = form.querySelector<HTMLInputElement>('input[type="text"]');
  let outcome: boolean | undefined;
  let hints: string[] = [];
  let output = '';

  const say = (text: string) => {
    result.replaceChildren(el('p', 'result-line', text));
  };
  if (list) enableOrdering(list, say);
  const controls = () => form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, [data-move]');
  const given = (): string[] => {
    if (kind === 'command') return [input!.value];
    if (list) return [...list.querySelectorAll<HTMLElement>('[data-item]')].map((item) => item.dataset.item!);
    return [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  };

  const controller: QuestionController = {
    id: form.dataset.question!,
    form,
    concept: form.dataset.concept!,
    section: form.dataset.section!,
    get outcome() {
      return outcome;
    },
    reveal() {
      if (outcome === undefined) return;
      form.dataset.revealed = outcome ? 'correct' : 'wrong';
      const line = el('p', 'result-line', outcome ? 'Correct.' : 'Not quite.');
      result.replaceChildren(line);
      if (hints.length > 0) {
        const ul = el('ul', 'result-hints');
        for (const hint of hints) {
          const li = el('li', '');
          li.append(withCode(hint));
          ul.append(li);
        }
        result.append(ul);
      }
      if (output) {
        // focusable, so keyboard users can scroll a long output
        const pre = Object.assign(el('pre', 'result-output', output), { tabIndex: 0 });
        result.append(el('p', 'result-output-label', 'What the simulated terminal printed:'), pre);
      }
      const chosen = new Set(given());
      for (const option of form.querySelectorAll<HTMLElement>('[data-option]')) {
        const id = option.dataset.option!;
        option.toggleAttribute('data-chosen', chosen.has(id));
        if (answer.includes(id)) option.dataset.mark = 'correct';
        else if (chosen.has(id)) {
          option.dataset.mark = 'wrong';
          option.querySelector<HTMLElement>('[data-feedback]')?.removeAttribute('hidden');
        }
      }
      list?.querySelectorAll<HTMLElement>('[data-item]').forEach((item, i) => {
        item.dataset.mark = answer[i] === item.dataset.item ? 'correct' : 'wrong';
      });
      details.open = true;
    },
    reset() {
      outcome = undefined;
      form.inert = false;
      hints = [];
      output = '';
      delete form.dataset.revealed;
      delete form.dataset.answered;
      form.reset();
      result.replaceChildren();
      details.open = false;
      for (const node of form.querySelectorAll<HTMLElement>('[data-mark]')) delete node.dataset.mark;
      for (const node of form.querySelectorAll<HTMLElement>('[data-chosen]')) node.removeAttribute('data-chosen');
      for (const node of form.querySelectorAll<HTMLElement>('[data-feedback]')) node.hidden = true;
      for (const control of controls()) control.disabled = false;
      if (list) {
        list.replaceChildren(...initialOrder);
        updateMoveButtons(list);
      }
      form.querySelector<HTMLButtonElement>('[data-check]')!.disabled = false;
    },
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (outcome !== undefined || form.dataset.checking) return;
    const answerGiven = given();
    if (kind === 'command' ? !answerGiven[0]!.trim() : answerGiven.length === 0) {
      say(kind === 'command' ? 'Type a command first.' : 'Choose an answer first.');
      return;
    }
    if (kind === 'command') {
      form.dataset.checking = '';
      say('Running your command in a simulated Docker engine…');
      const spec = JSON.parse(form.querySelector('[data-command-spec]')!.textContent!) as CommandSpec;
      let grade: Awaited<ReturnType<typeof import('../quiz/grade-command').gradeCommand>>;
      try {
        grade = (await import('../quiz/grade-command')).gradeCommand(spec, answerGiven[0]!);
      } catch {
        say('The simulated engine could not be loaded. Check your connection and try again.');
        return;
      } finally {
        delete form.dataset.checking;
      }
      outcome = grade.correct;
      hints = grade.hints;
      output = grade.output;
    } else {
      outcome = gradeChoice(kind, answer, answerGiven);
    }
    form.dataset.answered = '';
    for (const control of controls()) control.disabled = true;
    form.querySelector<HTMLButtonElement>('[data-check]')!.disabled = true;
    if (options.deferFeedback) say('Answer recorded.');
    else controller.reveal();
    // the check button is now disabled: keep focus in the question, on what comes next to read
    (options.deferFeedback ? result : details.querySelector('summary'))?.focus();
    options.onAnswer(outcome, controller);
  });

  return controller;
}

/** "container-states" → "container states" */
const conceptLabel = (concept: string) => concept.replaceAll('-', ' ');

/** a link to the section that teaches a concept (on this page, or the lesson's), named by its heading */
function reviewLink(question: QuestionController): HTMLLIElement {
  const { lessonUrl = '', sectionTitle } = question.form.dataset;
  const heading = lessonUrl ? undefined : document.getElementById(question.section);
  const link = Object.assign(document.createElement('a'), { href: `${lessonUrl}#${question.section}` });
  link.textContent = sectionTitle ?? heading?.textContent?.trim() ?? conceptLabel(question.section);
  const item = document.createElement('li');
  item.append(`${conceptLabel(question.concept)}: `, link);
  return item;
}

/** "concepts to review": one entry per concept of the questions answered wrongly (or not at all) */
export function reviewList(questions: readonly QuestionController[]): HTMLLIElement[] {
  const seen = new Set<string>();
  return questions.filter((q) => !q.outcome && !seen.has(q.concept) && seen.add(q.concept)).map(reviewLink);
}
