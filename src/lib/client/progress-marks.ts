// Browser side of the progress store: records the lesson being read and marks lessons already read
// wherever they are listed (elements with data-lesson-id: sidebar links, lesson cards).
import { browserStorage, progressStore, type Progress } from '../progress';

export const store = progressStore(browserStorage());

export function markVisited({ visited }: Progress): void {
  for (const link of document.querySelectorAll<HTMLElement>('[data-lesson-id]')) {
    if (!visited.includes(link.dataset.lessonId ?? '') || link.hasAttribute('data-visited')) continue;
    link.setAttribute('data-visited', '');
    // the check mark is drawn by CSS; screen readers get words
    link.append(Object.assign(document.createElement('span'), { className: 'sr-only', textContent: ' (read)' }));
  }
}
