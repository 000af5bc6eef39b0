import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { answer } from './quiz-helpers';

const DAY = 86_400_000;

async function poolIds(page: Page): Promise<string[]> {
  return page.locator('[data-pool-question]').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.poolQuestion!));
}

test('a practice session asks missed and due questions first and reschedules what was answered', async ({ page }) => {
  await page.goto('/practice/');
  const ids = await poolIds(page);
  expect(ids.length).toBeGreaterThan(6);
  const [missed, due, ...rest] = [ids[5]!, ids[9]!, ...ids.filter((_, i) => i !== 5 && i !== 9)];
  // everything else was answered well recently and is not due for days
  const cards = Object.fromEntries([
    [missed, { box: 1, due: Date.now() - 1000, seen: 3, missed: 2 }],
    [due, { box: 3, due: Date.now() - DAY, seen: 2, missed: 0 }],
    ...rest.map((id, i) => [id, { box: 4, due: Date.now() + (i + 2) * DAY, seen: 3, missed: 0 }]),
  ]);
  await page.evaluate((c) => localStorage.setItem('dockhand:progress', JSON.stringify({ version: 2, cards: c })), cards);
  await page.reload();
  await expect(page.locator('[data-due]')).toHaveText(`2 of ${ids.length} questions due or new.`);

  await page.getByLabel('Questions').selectOption('5');
  await page.getByRole('button', { name: 'Start' }).click();
  const session = page.locator('[data-session-list] form');
  await expect(session).toHaveCount(5);
  const order = await session.evaluateAll((forms) => forms.map((f) => (f as HTMLElement).dataset.question!));
  expect(order.slice(0, 3)).toEqual([missed, due, rest[0]]);
  await expect(session.first().locator('.question-label')).toHaveText('Question 1 of 5');

  await answer(session.first());
  await expect(session.first().locator('.result-line')).toHaveText('Correct.');
  await expect(page.locator('[data-session-status]')).toHaveText('1 of 5 answered');
  const card = await page.evaluate((id) => JSON.parse(localStorage.getItem('dockhand:progress')!).cards[id], missed);
  expect(card).toMatchObject({ box: 2, seen: 4, missed: 2 });
  expect(card.due).toBeGreaterThan(Date.now() + DAY - 60_000);

  await answer(session.nth(1), { right: false });
  const missedAgain = await page.evaluate((id) => JSON.parse(localStorage.getItem('dockhand:progress')!).cards[id], due);
  expect(missedAgain).toMatchObject({ box: 1, missed: 1 });
  for (let i = 2; i < 5; i++) await answer(session.nth(i));
  await expect(page.locator('[data-results]')).toBeVisible();
  await expect(page.locator('[data-results-score]')).toHaveText('Score: 4 of 5 (80%)');
});

test('the module filter limits what a session draws from', async ({ page }) => {
  await page.goto('/practice/');
  const modules = await page.getByLabel('Module').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
  const module = modules[0]!;
  await page.getByLabel('Module').selectOption(module);
  const inModule = await page.locator(`[data-pool-question][data-module="${module}"]`).count();
  await expect(page.locator('[data-due]')).toHaveText(`${inModule} of ${inModule} questions due or new.`);
  await page.getByLabel('Questions').selectOption('20');
  await page.getByRole('button', { name: 'Start' }).click();
  const modulesAsked = await page.locator('[data-session-list] > li').evaluateAll((items) => [...new Set(items.map((i) => (i as HTMLElement).dataset.module))]);
  expect(modulesAsked).toEqual([module]);
});

test('an exam hides feedback until the end, then shows a printable summary', async ({ page }) => {
  test.setTimeout(60_000); // axe alone needs ~15 s on a worksheet of the whole course's questions
  await page.goto('/practice/');
  await page.getByLabel('Exam').check();
  await page.getByLabel('Questions').selectOption('5');
  await page.getByLabel('Time limit').selectOption('10');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('[data-timer]')).toHaveText(/Time left (10:00|9:5\d)/);
  const session = page.locator('[data-session-list] form');
  await expect(session).toHaveCount(5);

  await answer(session.first());
  await answer(session.nth(1), { right: false });
  await expect(session.first().locator('.result-line')).toHaveText('Answer recorded.');
  await expect(session.first().locator('.question-answer')).toBeHidden();

  await page.getByRole('button', { name: 'Finish the exam' }).click();
  const results = page.locator('[data-results]');
  await expect(results).toBeFocused();
  await expect(page.locator('[data-results-title]')).toHaveText('Exam results');
  await expect(page.locator('[data-results-score]')).toHaveText('Score: 1 of 5 (20%)');
  await expect(page.locator('[data-results-meta]')).toContainText('3 not answered');
  await expect(page.locator('[data-results-rows] tr')).toHaveCount(5);
  await expect(page.locator('[data-results-rows] tr').first()).toContainText('correct');
  await expect(session.first().locator('.result-line')).toHaveText('Correct.');
  await expect(session.nth(1).locator('.result-line')).toHaveText('Not quite.');
  await expect(page.locator('[data-timer]')).toBeHidden();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(results).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print results' })).toBeHidden();
  await expect(page.locator('[data-setup]')).toBeHidden();
});

test('an exam with a time limit ends by itself when time runs out', async ({ page }) => {
  await page.clock.install();
  await page.goto('/practice/');
  await page.getByLabel('Exam').check();
  await page.getByLabel('Time limit').selectOption('5');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('[data-timer]')).toHaveText('Time left 5:00');
  await page.clock.runFor(5 * 60_000 + 1000);
  await expect(page.locator('[data-results]')).toBeVisible();
  await expect(page.locator('[data-results-meta]')).toContainText('10 not answered');
  // what was left unanswered can no longer be answered
  await expect(page.locator('[data-session-list] form').first()).toHaveJSProperty('inert', true);
});

test('progress exports to a file and imports into another browser, merged', async ({ page, browser }) => {
  await page.goto('/lessons/why-containers/');
  await page.goto('/practice/');
  await page.getByLabel('Questions').selectOption('5');
  await page.getByRole('button', { name: 'Start' }).click();
  const first = page.locator('[data-session-list] form').first();
  const question = await first.getAttribute('data-question');
  await answer(first);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ app: 'dockhand', progress: { version: 2, visited: ['why-containers'], cards: { [question!]: { box: 2 } } } });

  // another browser with progress of its own
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto('/lessons/docker-architecture/');
  await page2.goto('/practice/');
  await page2.locator('[data-import]').setInputFiles(file);
  await expect(page2.locator('[data-transfer-message]')).toHaveText(
    'Imported 1 lesson read, 0 quiz results and 1 practice card, merged with what was here.',
  );
  const merged = await page2.evaluate(() => JSON.parse(localStorage.getItem('dockhand:progress')!));
  expect(merged.visited).toEqual(['docker-architecture', 'why-containers']);
  expect(merged.last).toBe('docker-architecture');
  expect(Object.keys(merged.cards)).toEqual([question]);

  await page2.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page2.locator('[data-transfer-message]')).toHaveText('That file is not a Dockhand progress export.');
  await other.close();
});

test('old and damaged progress: v1 migrates silently, unreadable data is set aside with a notice', async ({ page }) => {
  await page.goto('/');
  const first = await page.locator('.lesson-card h3 a').first().getAttribute('data-lesson-id');
  await page.evaluate((id) => localStorage.setItem('dockhand:progress:v1', JSON.stringify({ visited: [id], last: id })), first);
  await page.reload();
  await expect(page.locator('[data-continue]')).toBeVisible();
  expect(await page.evaluate(() => [localStorage.getItem('dockhand:progress:v1'), JSON.parse(localStorage.getItem('dockhand:progress')!).version])).toEqual([
    null,
    2,
  ]);

  await page.evaluate(() => localStorage.setItem('dockhand:progress', '{"version": 2, "visited": [1'));
  await page.goto('/practice/');
  await expect(page.locator('[data-notice]')).toContainText('Your saved progress could not be read (it is not valid JSON)');
  expect(await page.evaluate(() => localStorage.getItem('dockhand:progress:backup'))).toBe('{"version": 2, "visited": [1');
  // the notice stays, wherever the learner looks, until dismissed
  await page.goto('/');
  const notice = page.locator('[data-progress-notice]');
  await expect(notice).toContainText('could not be read');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.goto('/practice/');
  await expect(page.locator('[data-notice]')).toBeHidden();
});
