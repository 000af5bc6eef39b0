import { expect, test } from '@playwright/test';
import { lessonUrls } from './course';

test('lists every lesson with its time and objectives', async ({ page }) => {
  const urls = await lessonUrls(page);
  expect(urls.length).toBeGreaterThan(0);
  const cards = page.locator('.lesson-card');
  await expect(cards).toHaveCount(urls.length);
  for (const card of await cards.all()) {
    await expect(card.locator('.card-meta')).toHaveText(/Lesson \d+ · \d+ min/);
    expect(await card.locator('li').count()).toBeGreaterThan(0);
  }
  // the sidebar on a lesson lists the same lessons in the same order
  await page.goto(urls[0]!);
  const sidebar = await page.locator('.course-nav a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(sidebar).toEqual(urls);
});

test('starts the course, then offers to continue where the learner left off', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-continue]')).toBeHidden();
  await page.getByRole('link', { name: 'Start the course' }).click();
  const title = await page.locator('h1').textContent();
  await page.goto('/');
  const resume = page.getByRole('link', { name: /Continue where you left off/ });
  await expect(resume).toBeVisible();
  await expect(resume).toContainText(title!);
  // the lesson just read is marked as read on its card
  await expect(page.locator('.lesson-card a[data-visited]')).toHaveCount(1);
});

test('survives corrupted progress data and blocked storage', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('dockhand:progress:v1', '{"visited": 42, "last": ['));
  await page.goto('/');
  await expect(page.locator('.lesson-card').first()).toBeVisible();
  await expect(page.locator('[data-continue]')).toBeHidden();

  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto((await lessonUrls(page))[0]!);
  await expect(page.locator('h1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('This page is not part of the course');
  await page.getByRole('link', { name: 'Go to the course overview' }).click();
  await expect(page).toHaveURL('/');
});
