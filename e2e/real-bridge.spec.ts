// Real-daemon mode (issue 8) end to end: `npm start`'s bridge serves the site, the page takes the token
// from the address it printed, and a lab switched to Real Docker runs the real CLI on the real engine.
// Without a Docker engine the real-engine test skips, saying so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';

const dockerVersion = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).stdout?.trim();

/** the terminal's visible text (xterm draws spaces as no-break spaces) */
const screen = (lab: Locator) => lab.locator('.xterm-rows').innerText().then((t) => t.replace(/\u00a0/g, ' '));

async function type(lab: Locator, line: string): Promise<void> {
  await lab.locator('.xterm-helper-textarea').focus();
  await lab.page().keyboard.type(line);
  await lab.page().keyboard.press('Enter');
}

test('on a site not served by the bridge, the switch explains how to get Real Docker', async ({ page }) => {
  await page.goto('/playground/');
  const lab = page.locator('[data-island="lab"]').first();
  await expect(lab.locator('[data-engine-badge]')).toHaveText('Simulator');
  await lab.getByRole('button', { name: 'Real Docker' }).click();
  await expect.poll(() => screen(lab)).toContain('npm install && npm start');
  await expect(lab.getByRole('button', { name: 'Real Docker' })).toHaveAttribute('aria-pressed', 'false');
  await expect(lab.locator('[data-engine-badge]')).toHaveText('Simulator');
});

test.describe('through the bridge', () => {
  test.skip(!dockerVersion, 'skipped: no Docker engine answers (install Docker, or start one with ../shared/tools/real-docker.sh)');
  let bridge: ChildProcess;
  let url: string;

  test.beforeAll(async () => {
    bridge = spawn('tsx', ['bridge/main.ts', '--port', '0', '--workspace', mkdtempSync(join(tmpdir(), 'bridge-e2e-'))], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      bridge.stdout!.on('data', (c) => {
        out += c;
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#dockhand-token=[\w-]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      bridge.on('exit', (code) => reject(new Error(`the bridge exited (${code}): ${out}`)));
    });
  });
  test.afterAll(() => {
    bridge.kill();
    // only what this test made, if it stopped before its clean-up
    spawnSync('docker', ['rm', '-f', `bridge-test-e2e-${process.pid}`]);
  });

  test('a lab switched to Real Docker runs the real CLI, with the badge saying so', async ({ page }) => {
    await page.goto(url);
    // the token leaves the address bar at once
    await expect.poll(() => page.url()).toBe(url.replace(/#.*/, ''));
    await page.goto(new URL('/playground/', url).href);
    const lab = page.locator('[data-island="lab"]').first();
    const badge = lab.locator('[data-engine-badge]');
    await expect(badge).toHaveText('Simulator');
    await expect(lab.locator('.xterm-rows')).toContainText('$');

    await lab.getByRole('button', { name: 'Real Docker' }).click();
    await expect(badge).toHaveText(`Real Docker (engine ${dockerVersion})`);
    await expect(badge).toHaveAttribute('role', 'status');
    await expect(lab.getByRole('button', { name: 'Real Docker' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => screen(lab)).toContain('now runs these commands');

    await type(lab, 'docker run --rm busybox echo hi');
    await expect.poll(() => screen(lab)).toMatch(/docker run --rm busybox echo hi\s+hi\s+\$/);
    await type(lab, 'docker ps; touch /tmp/pwned');
    await expect.poll(() => screen(lab)).toContain('Refused by the Dockhand bridge');
    // the state panel shows the real engine: busybox is among its images
    await expect(lab.locator('[data-state-view]')).toContainText('busybox:latest');

    // a container made here shows in the panel and the diagram, and "Clean up" removes it
    const name = `bridge-test-e2e-${process.pid}`;
    await type(lab, `docker run -d --name ${name} busybox sleep 60`);
    await expect(lab.locator(`[data-container="${name}"]`)).toContainText('running');
    await lab.getByRole('tab', { name: 'Lifecycle' }).click();
    await expect(lab.locator('[data-diagram-caption]')).toContainText(`${name} is running`);
    await lab.getByRole('button', { name: 'Clean up' }).click();
    const cleanup = lab.getByRole('region', { name: 'Clean up' });
    await expect(cleanup).toContainText(`container ${name}`);
    await cleanup.getByRole('button', { name: /^Remove/ }).click();
    await expect(cleanup).toContainText('Removed 1 object.');
    await lab.getByRole('tab', { name: 'State' }).click();
    await expect(lab.locator(`[data-container="${name}"]`)).toHaveCount(0);

    await lab.getByRole('button', { name: 'Real Docker' }).click();
    await expect(badge).toHaveText('Simulator');
  });
});
