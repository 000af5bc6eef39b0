// Shows what the progress store had to recover from (or that it cannot save) in a page's notice element,
// with a button that dismisses it for good.
import type { ProgressStore } from '../progress';

export function progressNotice(element: HTMLElement, store: ProgressStore): (text?: string) => void {
  const text = document.createElement('span');
  const dismiss = Object.assign(document.createElement('button'), { type: 'button', className: 'notice-dismiss', textContent: 'Dismiss' });
  element.replaceChildren(text, ' ', dismiss);
  const show = (message?: string) => {
    text.textContent = message ?? '';
    element.hidden = !message;
  };
  dismiss.addEventListener('click', () => {
    store.dismissNotice();
    show();
  });
  show(store.load().notice);
  return show;
}
