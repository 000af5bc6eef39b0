import { defineConfig } from '@playwright/test';

// End-to-end tests against the built site (`npm run build` first; `npm test` does), served by
// `astro preview` on its own port so a running `npm start` does not get in the way. Debian's Chromium:
// Playwright cannot download its own browsers here.
const port = 4329;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2, // CI machines have two cores
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  // the JSON report feeds the final line of .ci/run
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // CI runs as root, where Chromium refuses to start with its sandbox
      args: ['--no-sandbox'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
