import { expect, test } from '@playwright/test';
import { openLessonWith } from './course';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = 'rgb(15, 20, 25)';
const LIGHT_BG = 'rgb(255, 255, 255)';

test('follows the system colour scheme, diagrams included', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openLessonWith(page, 'figure.diagram');
  expect(await background(page)).toBe(DARK_BG);
  await expect(page.locator('.diagram-dark svg').first()).toBeVisible();
  await expect(page.locator('.diagram-light svg').first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});

test('the toggle persists across reloads, with no flash of the other theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  expect(await background(page)).toBe(LIGHT_BG);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background(page)).toBe(DARK_BG);

  // Record the theme when <body> is inserted: nothing can be painted before that moment.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      document.documentElement.dataset.themeAtBody = document.documentElement.dataset.theme ?? 'none';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.themeAtBody)).toBe('dark');
  expect(await background(page)).toBe(DARK_BG);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});
