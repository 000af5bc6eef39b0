// Answering quiz questions the way a learner does, reading the answer key the page carries.
import { expect, type Locator, type Page } from '@playwright/test';

/** the first lesson with a quiz (lessons with a lab come later in the course and load more) */
export async function openQuizLesson(page: Page): Promise<Locator> {
  await page.goto('/');
  const urls = await page.locator('.lesson-card h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  for (const url of urls) {
    await page.goto(url);
    if ((await page.locator('[data-quiz]').count()) > 0) return page.locator('[data-quiz]').first();
  }
  throw new Error('No lesson has a quiz');
}

/** reorders an ordering question into `target` with the Move buttons, by keyboard */
async function order(form: Locator, target: string[]): Promise<void> {
  for (let position = 0; position < target.length; position++) {
    for (;;) {
      const ids = await form.locator('[data-item]').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.item!));
      const at = ids.indexOf(target[position]!);
      if (at === position) break;
      await form.locator(`[data-item="${target[position]}"] [data-move="up"]`).focus();
      await form.page().keyboard.press('Enter');
    }
  }
}

/**
 * answers one question rightly or wrongly; command questions are answered with `command` if given, else
 * with the reference answer shown after checking (right) or `docker ps`, which changes nothing (wrong).
 */
export async function answer(form: Locator, { right = true, command }: { right?: boolean; command?: string } = {}): Promise<void> {
  const kind = await form.getAttribute('data-kind');
  const key = (await form.getAttribute('data-answer'))!.split(' ').filter(Boolean);
  if (kind === 'command') {
    const reference = await form.locator('.question-answer code').first().textContent();
    await form.locator('input[type="text"]').fill(command ?? (right ? reference! : 'docker ps'));
  } else if (kind === 'ordering') {
    await order(form, right ? key : [...key].reverse());
  } else {
    const values = await form.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const chosen = right ? key : [values.find((v) => !key.includes(v))!];
    for (const value of chosen) await form.locator(`input[value="${value}"]`).check();
  }
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.locator('.result-line')).toHaveText(/Correct\.|Not quite\.|Answer recorded\./, { timeout: 15_000 });
}
