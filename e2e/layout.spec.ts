import { expect, test } from '@playwright/test';
import { lessonUrls } from './course';

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('no page scrolls sideways', async ({ page }) => {
    for (const url of ['/', ...(await lessonUrls(page)), '/no-such-page']) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });

  test('the course contents fold away and open on demand', async ({ page }) => {
    await page.goto((await lessonUrls(page))[0]!);
    const link = page.locator('.course-nav a').first();
    await expect(link).toBeHidden();
    await page.getByText('Course contents').click();
    await expect(link).toBeVisible();
  });
});

test('on a wide screen the course contents and table of contents are always shown', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto((await lessonUrls(page))[0]!);
  await expect(page.locator('.course-nav a').first()).toBeVisible();
  await expect(page.locator('.toc a').first()).toBeVisible();
});

test('a lesson prints without the site around it', async ({ page }) => {
  await page.goto((await lessonUrls(page))[0]!);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.course-nav', '.toc', '.site-footer', '.lesson-footer']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('.diagram-light svg').first()).toBeVisible();
});

test('nothing moves while pages load, even when progress appears', async ({ page }) => {
  const urls = await lessonUrls(page);
  await page.goto(urls[0]!);
  for (const url of ['/', urls[0]!]) {
    await page.goto(url);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift, url).toBe(0);
  }
});
