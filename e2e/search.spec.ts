import { expect, test } from '@playwright/test';

test('"/" opens search, which finds a word from a lesson', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-search-dialog]')).toBeHidden();
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox');
  await expect(input).toBeFocused();
  await input.fill('containerd');
  const result = dialog.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/lessons\//);
  await expect(page.locator('article')).toContainText('containerd');
});

test('Ctrl+K and the header button open search too; Escape or the backdrop close it', async ({ page }) => {
  await page.goto('/404');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('header').getByRole('button', { name: 'Search' }).click();
  await expect(dialog).toBeVisible();
  // a click inside the dialog keeps it open; one on the backdrop closes it
  await dialog.getByRole('heading', { name: 'Search the course' }).click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
});

test('the search UI is not downloaded until search opens', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  await page.keyboard.press('/');
  await expect(page.locator('.pagefind-ui__search-input')).toBeVisible();
  expect(requested).toContain('/pagefind/pagefind-ui.js');
});
