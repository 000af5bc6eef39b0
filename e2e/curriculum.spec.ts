// The curriculum (issue 9), walked lesson by lesson as a learner meets it: the page renders with its
// objectives, its diagrams are there as SVG, every lab boots to a prompt, the quiz takes an answer, and
// axe finds no violations. Then the glossary and the cheat sheet, which are generated from content.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { answer } from './quiz-helpers';

const lessonIds = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the course lists every lesson file', async ({ page }) => {
  await page.goto('/');
  const urls = await page.locator('.lesson-card h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  expect(urls.sort()).toEqual(lessonIds.map((id) => `/lessons/${id}/`).sort());
});

for (const id of lessonIds) {
  test(`lesson ${id}: renders, diagrams, labs boot, quiz answers, no axe violations`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/lessons/${id}/`);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('.objectives li').first()).toBeVisible();

    const diagrams = page.locator('figure.diagram:not(.lab-diagram) .diagram-light svg');
    expect(await diagrams.count()).toBeGreaterThan(0);
    for (const svg of await diagrams.all()) expect((await svg.locator('title').textContent())?.trim()).toBeTruthy();

    for (const lab of await page.locator('[data-island="lab"]').all()) {
      await lab.scrollIntoViewIfNeeded();
      await expect(lab.locator('.xterm-rows')).toContainText('$', { timeout: 15_000 });
    }

    const first = page.locator('[data-quiz] form[data-question]').first();
    await first.scrollIntoViewIfNeeded();
    await answer(first);
    await expect(first.locator('.result-line')).toHaveText('Correct.');

    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the glossary lists every term with the section that teaches it, and lessons link to it', async ({ page }) => {
  await page.goto('/glossary/');
  const terms = page.locator('dl dt');
  expect(await terms.count()).toBeGreaterThan(50);
  const taught = page.locator('#copy-on-write + dd a');
  await expect(taught).toHaveAttribute('href', /^\/lessons\/[a-z-]+\/#[a-z0-9-]+$/);
  await taught.click();
  const term = page.locator('a.term[href="/glossary/#copy-on-write"]');
  await expect(term).toHaveCount(1);
  // the definition is the link's accessible description, so it needs no script
  await expect(term).toHaveAccessibleDescription(/Copy-on-write: /i);
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/glossary/');
  expect(await axeViolations(page)).toEqual([]);
});

test('the cheat sheet shows course commands with their flags and lessons, and opens them in the playground', async ({ page }) => {
  await page.goto('/cheat-sheet/');
  const run = page.locator('#cmd-container-run');
  await expect(run.locator('h3')).toHaveText('docker run');
  await expect(run.locator('.meaning')).toHaveText('Create and run a new container from an image');
  await expect(run.locator('.flags')).toContainText('-p, --publish');
  await expect(run.locator('.flags')).toContainText("Publish a container's port(s) to the host");
  await expect(run.locator('.taught-in a').first()).toHaveAttribute('href', /^\/lessons\//);
  expect(await axeViolations(page)).toEqual([]);

  // Try it: the playground replays the lesson's example in a fresh engine, as one step Undo can take back
  const tryIt = page.locator('#cmd-container-ls').getByRole('link', { name: /^Try it/ });
  expect(new URLSearchParams((await tryIt.getAttribute('href'))!.split('#')[1]).get('run')).toMatch(/^docker (ps|container ls)\b/);
  await tryIt.click();
  await expect(page).toHaveURL(/\/playground\//);
  const lab = page.locator('[data-island="lab"]');
  await expect(lab.locator('.xterm-rows')).toContainText('Replayed 1 shared command');
  await expect(lab.getByRole('button', { name: 'Undo' })).toBeEnabled();
});
