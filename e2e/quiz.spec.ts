import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { answer, openQuizLesson } from './quiz-helpers';

test('answering shows feedback, a score and concepts to review; retry starts over; results persist', async ({ page }) => {
  test.setTimeout(90_000); // three rounds of six questions
  const quiz = await openQuizLesson(page);
  const forms = quiz.locator('form[data-question]');
  const total = await forms.count();
  expect(total).toBe(6);

  // a wrong choice: the verdict, the option's own feedback, the right answer marked and the explanation
  const first = forms.first();
  await expect(first.locator('.question-answer')).toBeHidden();
  await answer(first, { right: false });
  await expect(first.locator('.result-line')).toHaveText('Not quite.');
  await expect(first.locator('[data-mark="wrong"] [data-feedback]')).toBeVisible();
  await expect(first.locator('[data-mark="correct"]')).toHaveCount((await first.getAttribute('data-answer'))!.split(' ').length);
  await expect(first.locator('.question-answer')).toHaveAttribute('open', '');
  await expect(first.locator('.question-answer')).toContainText('Answer');
  await expect(first.locator('input').first()).toBeDisabled();

  for (let i = 1; i < total; i++) await answer(forms.nth(i));
  for (let i = 1; i < total; i++) await expect(forms.nth(i).locator('.result-line')).toHaveText('Correct.');

  const summary = quiz.locator('[data-quiz-summary]');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.locator('[data-quiz-score]')).toHaveText(`You scored ${total - 1} of ${total}.`);
  const section = await first.getAttribute('data-section');
  const review = summary.getByRole('link');
  await expect(review).toHaveCount(1);
  await expect(review).toHaveAttribute('href', `#${section}`);
  await expect(page.locator(`#${section}`)).toContainText((await review.textContent())!);

  await page.reload();
  await expect(quiz.locator('[data-quiz-best]')).toHaveText(`Your best so far: ${total - 1} of ${total} (1 attempt).`);

  // retry: everything unanswered again, and a better score replaces the best
  await answer(forms.first(), { right: true });
  for (let i = 1; i < total; i++) await answer(forms.nth(i));
  await quiz.getByRole('button', { name: 'Retry the quiz' }).click();
  await expect(quiz.locator('.result-line')).toHaveCount(0);
  await expect(forms.first().locator('input').first()).toBeEnabled();
  await expect(summary).toBeHidden();
  for (let i = 0; i < total; i++) await answer(forms.nth(i), { right: i !== 2 });
  await expect(summary.locator('[data-quiz-score]')).toHaveText(`You scored ${total - 1} of ${total}.`);
  await expect(quiz.locator('[data-quiz-best]')).toHaveText(`Your best so far: ${total} of ${total} (3 attempts).`);

  // a passed quiz completes the lesson, which the home page counts
  await page.goto('/');
  await expect(page.locator('[data-overall]')).toContainText('1 of');
  await expect(page.locator('[data-overall]')).toContainText('lessons completed');
});

test('command questions are graded by meaning, with hints for wrong-but-valid commands; the engine loads only then', async ({ page }) => {
  const engineRequests: string[] = [];
  page.on('request', (request) => {
    if (/grade-command|engine/.test(request.url())) engineRequests.push(request.url());
  });
  await page.goto('/lessons/docker-architecture/');
  const form = page.locator('form[data-kind="command"]');
  await expect(form).toContainText('Starting point:');
  expect(engineRequests).toEqual([]);

  await answer(form, { command: 'docker run -d --name web -p 80:8080 nginx' });
  expect(engineRequests.length).toBeGreaterThan(0);
  await expect(form.locator('.result-line')).toHaveText('Not quite.');
  await expect(form.locator('.result-hints')).toContainText('Your ports are reversed: the host port comes first');
  await expect(form.locator('.question-answer')).toContainText('docker run -d --name web -p 8080:80 nginx');

  await page.reload();
  await answer(form, { command: 'docker run --publish=8080:80 --name=web --detach nginx' });
  await expect(form.locator('.result-line')).toHaveText('Correct.');

  await page.reload();
  await answer(form, { command: 'docker run --name web -p 8080:80 nginx' });
  await expect(form.locator('.result-hints')).toContainText('Add -d (--detach)');
});

test('ordering items move with the keyboard and announce their position', async ({ page }) => {
  const quiz = await openQuizLesson(page);
  const form = quiz.locator('form[data-kind="ordering"]').first();
  const items = form.locator('[data-item]');
  const second = await items.nth(1).getAttribute('data-item');
  const up = items.nth(1).locator('[data-move="up"]');
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(items.first()).toHaveAttribute('data-item', second!);
  // at the top the up button is disabled, so focus moved to the item's down button
  await expect(items.first().locator('[data-move="down"]')).toBeFocused();
  await expect(form.locator('[data-result]')).toContainText('position 1 of');
});

test('without JavaScript a quiz reads as questions with answers and explanations', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/why-containers/');
  const quiz = page.locator('[data-quiz]');
  await expect(quiz.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  const details = quiz.locator('details.question-answer');
  await expect(details).toHaveCount(6);
  await details.first().locator('summary').click();
  await expect(details.first()).toContainText('Answer:');
  await expect(quiz).toContainText("Each question's answer and explanation are in the box below it.");
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on an answered quiz (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const quiz = await openQuizLesson(page);
    const forms = quiz.locator('form[data-question]');
    await answer(forms.first(), { right: false });
    await answer(forms.nth(1));
    const { violations } = await new AxeBuilder({ page }).include('[data-quiz]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
}
