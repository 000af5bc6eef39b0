import { expect, test } from '@playwright/test';
import { lessonUrls, openLessonWith } from './course';

test('shows a diagram as inline SVG titled for screen readers, without Mermaid in the browser', async ({ page }) => {
  await openLessonWith(page, 'figure.diagram');
  const svg = page.locator('figure.diagram .diagram-light svg').first();
  await expect(svg).toBeVisible();
  expect((await svg.locator('title').textContent())?.trim()).toBeTruthy();
  await expect(page.locator('figure.diagram .diagram-dark svg').first()).toBeHidden();
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).src));
  expect(scripts.filter((src) => /mermaid/i.test(src))).toEqual([]);
});

test('gives every container state in the lifecycle diagram a stable hook', async ({ page }) => {
  await openLessonWith(page, 'figure.diagram:not(.lab-diagram) svg [data-state]');
  for (const state of ['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead']) {
    // the lesson's own figure; a lab on the page carries a copy of the diagram (figure.lab-diagram)
    await expect(page.locator(`figure.diagram:not(.lab-diagram) .diagram-light [data-state="${state}"].state-${state}`)).toHaveCount(1);
  }
});

test('highlights code, with marked lines', async ({ page }) => {
  await openLessonWith(page, '.code-block .line.highlighted');
  const tokens = page.locator('.code-block pre span[style*="color"]');
  expect(await tokens.count()).toBeGreaterThan(0);
  await expect(page.locator('.code-block .line.highlighted').first()).toBeVisible();
});

test('copy button copies a shell session’s commands, without prompts or output', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLessonWith(page, '.shell-session');
  const block = page.locator('.code-block', { has: page.locator('.shell-session') }).first();
  const expected = await block.locator('.line.command').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
  await block.getByRole('button', { name: 'Copy commands' }).click();
  await expect(block.getByRole('button', { name: 'Copy commands' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(expected.trimEnd());
  expect(copied).not.toMatch(/^\$ /m);
  expect(await block.locator('.line.output').count()).toBeGreaterThan(0);
  expect(copied.split('\n')).toHaveLength(await block.locator('.line.command').count());
});

test('has objectives, reading time, anchored headings, an edit link and previous/next links', async ({ page }) => {
  const urls = await lessonUrls(page);
  await page.goto(urls[0]!);
  await expect(page.locator('.objectives li').first()).toBeVisible();
  await expect(page.locator('.lesson-meta')).toContainText(/\d+ min read/);
  const anchor = page.locator('.prose h2 a.heading-link').first();
  const id = await page.locator('.prose h2').first().getAttribute('id');
  await expect(anchor).toHaveAttribute('href', `#${id}`);
  await expect(page.getByRole('link', { name: 'Edit this lesson on GitHub' })).toHaveAttribute('href', /\/edit\/.+\.mdx$/);
  await expect(page.locator('.course-nav a[aria-current="page"]')).toHaveCount(1);
  if (urls.length > 1) {
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', urls[1]!);
    await page.goto(urls[1]!);
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', urls[0]!);
  }
});
