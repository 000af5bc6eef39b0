import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { lessonUrls } from './course';

const pages = [
  { name: 'home', url: async () => '/' },
  { name: 'a lesson', url: async (page: import('@playwright/test').Page) => (await lessonUrls(page))[0]! },
  { name: '404', url: async () => '/no-such-page' },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const { name, url } of pages) {
    test(`axe finds no violations on ${name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(await url(page));
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
    });
  }
}
