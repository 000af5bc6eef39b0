import { expect, type Page, test } from '@playwright/test';
import { lessonUrls } from './course';

/** presses Tab until the focused element matches `selector` */
async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the first Tab reaches a skip link that jumps to the content', async ({ page }) => {
  await page.goto((await lessonUrls(page))[0]!);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('sidebar and previous/next links work with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000); // a full lesson (lab, quiz) has a few hundred tab stops before its footer
  const urls = await lessonUrls(page);
  test.skip(urls.length < 3, 'needs three lessons');
  await page.goto(urls[0]!);

  await tabTo(page, `.course-nav a[href="${urls[2]}"]`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urls[2]!);
  await expect(page.locator('.course-nav a[aria-current="page"]')).toHaveAttribute('href', urls[2]!);

  await tabTo(page, 'a[rel="prev"]', 600);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urls[1]!);

  await tabTo(page, 'a[rel="next"]', 600);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urls[2]!);
});

test('the theme toggle and search work from the keyboard', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, '[data-theme-toggle]');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-theme-toggle]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Search the course' })).toBeVisible();
});
