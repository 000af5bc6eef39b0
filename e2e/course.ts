// Finding pages by what they contain rather than by name, so the tests keep working as lessons are
// added, renamed and rewritten.
import type { Page } from '@playwright/test';

/** lesson URLs in course order, as the home page lists them */
export async function lessonUrls(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.locator('.lesson-card h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** opens the first lesson containing `selector` and returns its URL */
export async function openLessonWith(page: Page, selector: string): Promise<string> {
  for (const url of await lessonUrls(page)) {
    await page.goto(url);
    if ((await page.locator(selector).count()) > 0) return url;
  }
  throw new Error(`No lesson contains ${selector}`);
}
