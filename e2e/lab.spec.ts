// The lab (issue 5): a terminal wired to the simulated engine, with its panels. Typed for real, through
// xterm's input, and checked on the terminal's screen, the state panel and the lifecycle diagram.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';

const LESSON = '/lessons/container-lifecycle/';

/** the terminal's visible text, one string (xterm draws spaces as no-break spaces) */
const screen = (lab: Locator) => lab.locator('.xterm-rows').innerText().then((t) => t.replace(/\u00a0/g, ' '));

async function openLab(page: Page, url = '/playground/'): Promise<Locator> {
  await page.goto(url);
  const lab = page.locator('[data-island="lab"]').first();
  // a lesson page also loads its diagrams, quiz and a second lab: with the suite's workers sharing two
  // cores the prompt can take several seconds (the unloaded figure is `npm run bench:lab`'s business)
  await expect(lab.locator('.xterm-rows')).toContainText('$', { timeout: 15_000 });
  return lab;
}

async function type(lab: Locator, line: string, enter = true): Promise<void> {
  await lab.locator('.xterm-helper-textarea').focus();
  await lab.page().keyboard.type(line);
  if (enter) await lab.page().keyboard.press('Enter');
}

const container = (lab: Locator, name: string) => lab.locator(`[data-container="${name}"]`);

test('run, ps, pause, stop, rm and an error, with the state panel following', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker run -d --name web -p 8080:80 busybox sleep 3600');
  await expect(container(lab, 'web')).toContainText('running');
  await type(lab, 'docker ps');
  await expect.poll(() => screen(lab)).toMatch(/CONTAINER ID\s+IMAGE/);
  await expect.poll(() => screen(lab)).toContain('"sleep 3600"');
  await expect(lab.locator('[data-state-view]')).toContainText('0.0.0.0:8080->80/tcp');
  await expect(lab.locator('[data-details]')).toContainText('sleep 3600');

  await type(lab, 'docker pause web');
  await expect(container(lab, 'web')).toContainText('paused');
  await type(lab, 'docker stop web');
  await expect(container(lab, 'web')).toContainText('exited');
  await type(lab, 'docker rm web');
  await expect(container(lab, 'web')).toHaveCount(0);
  await expect(lab.locator('[data-state-view]')).toContainText('No containers yet.');

  await type(lab, 'docker rm web');
  await expect.poll(() => screen(lab)).toContain('Error response from daemon: No such container: web');
  await lab.getByRole('tab', { name: 'Under the hood' }).click();
  await expect(lab.locator('[data-trace]')).toContainText('DELETE /containers/web 404');
  await expect(lab.locator('[data-trace]')).toContainText('remove the container');
});

test('a pull prints its progress before the container ID, as a real terminal does', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker run -d --name pulled hello-world');
  await expect.poll(() => screen(lab)).toMatch(/Status: Downloaded newer image for hello-world:latest\s+[0-9a-f]{64}/);
  const text = await screen(lab);
  expect(text.indexOf("Unable to find image 'hello-world:latest' locally")).toBeLessThan(text.search(/[0-9a-f]{64}/));
});

test('Tab completes commands and names; the diagram marks the state and the last move', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker create --name web busybox sleep 3600');
  await type(lab, 'docker sta', false);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // start, stats: the second Tab lists them
  await expect.poll(() => screen(lab)).toMatch(/start\s+stats/);
  await page.keyboard.type('rt');
  await page.keyboard.press('Tab');
  await page.keyboard.type('w');
  await page.keyboard.press('Tab');
  await expect.poll(() => screen(lab)).toContain('$ docker start web ');
  await page.keyboard.press('Enter');
  await expect(container(lab, 'web')).toContainText('running');

  await type(lab, 'docker pa', false);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(container(lab, 'web')).toContainText('paused');

  await lab.getByRole('tab', { name: 'Lifecycle' }).click();
  const diagram = lab.locator('[data-diagram]');
  await expect(diagram.locator('.diagram-light [data-state="paused"].lab-current')).toHaveCount(1);
  await expect(diagram.locator('.diagram-light .lab-current')).toHaveCount(1);
  await expect(diagram.locator('.diagram-light path.lab-last')).toHaveAttribute('data-from', 'running');
  await expect(diagram.locator('.diagram-light path.lab-last')).toHaveAttribute('data-to', 'paused');
  await expect(lab.locator('[data-diagram-caption]')).toHaveText('web is paused; last move: running → paused.');

  await type(lab, 'docker unpause web');
  await expect(diagram.locator('.diagram-light [data-state="running"].lab-current')).toHaveCount(1);
  await expect(diagram.locator('.diagram-light path.lab-last')).toHaveAttribute('data-from', 'paused');
});

test('history: ↑ and ↓ recall commands, and the line being typed comes back', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker images');
  await type(lab, 'docker volume ls');
  await page.keyboard.type('docker ver');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker volume ls\s*$/);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker images\s*$/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker ver\s*$/);
  // line editing: Ctrl-A, then typing at the start
  await page.keyboard.press('Control+A');
  await page.keyboard.type('sudo ');
  await page.keyboard.press('Control+U');
  await page.keyboard.press('End');
  await page.keyboard.type('sion --format x');
  await page.keyboard.press('Control+W');
  await page.keyboard.press('Control+W');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(lab)).toContain('Server:');
});

test('Ctrl-C ends a `logs -f` stream and gives the prompt back', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, `docker run -d --name talk busybox sh -c 'while true; do echo tick; sleep 1; done'`);
  await type(lab, 'docker logs -f talk');
  // the stream keeps writing: a second line arrives after the command returned
  await expect.poll(async () => ((await screen(lab)).match(/^tick/gm) ?? []).length, { timeout: 5000 }).toBeGreaterThan(1);
  await page.keyboard.press('Control+C');
  await expect.poll(() => screen(lab)).toMatch(/\^C\s*\n\$\s*$/);
  const count = ((await screen(lab)).match(/^tick/gm) ?? []).length;
  await page.waitForTimeout(1500);
  expect(((await screen(lab)).match(/^tick/gm) ?? []).length).toBe(count);
  await type(lab, 'docker stop -t 0 talk');
  await expect(container(lab, 'talk')).toContainText('exited');
});

test('`logs -f` returns to the prompt by itself when the container stops', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker run --name once busybox echo hello');
  // an exited container: the logs, then the prompt at once
  await type(lab, 'docker logs -f once');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker logs -f once\s+hello\s+\$\s*$/);
  // a container that stops while followed: the stream ends with it
  await type(lab, `docker run -d --name brief busybox sh -c 'echo first; sleep 2; echo last'`);
  await type(lab, 'docker logs -f brief');
  await expect.poll(() => screen(lab), { timeout: 6000 }).toMatch(/first\s+last\s+\$\s*$/);
  await type(lab, 'docker ps -a --format {{.Names}}:{{.State}}');
  await expect.poll(() => screen(lab)).toContain('brief:exited');
});

test('a command typed before the engine has loaded waits for it, and so do the keys after it', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/engine\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/playground/');
  const lab = page.locator('[data-island="lab"]');
  await expect(lab.locator('.xterm-rows')).toContainText('$');
  await expect(lab).not.toHaveAttribute('data-engine', 'ready');
  await type(lab, 'docker run -d --name early busybox sleep 60');
  await page.keyboard.type('docker ps');
  release();
  await expect(lab).toHaveAttribute('data-engine', 'ready');
  await expect(container(lab, 'early')).toContainText('running');
  await expect.poll(() => screen(lab)).toMatch(/[0-9a-f]{64}\s+\$ docker ps\s*$/);
});

test('two labs of one scenario on a page stay independent', async ({ page }) => {
  await page.goto('/e2e/two-labs/');
  const [first, second] = [page.locator('[data-island="lab"]').nth(0), page.locator('[data-island="lab"]').nth(1)];
  for (const lab of [first, second]) await expect(lab).toHaveAttribute('data-engine', 'ready');
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

  await type(first, 'docker run -d --name web busybox sleep 3600');
  await expect(container(first, 'web')).toContainText('running');
  await expect(second.locator('[data-state-view]')).toContainText('No containers yet.');
  await expect(first.locator('[data-live]')).toHaveText(/^[0-9a-f]{64}/);
  await expect(second.locator('[data-live]')).toBeEmpty();
  await type(second, 'docker volume create only-here');
  await expect(second.locator('[data-state-view]')).toContainText('only-here');
  await expect(first.locator('[data-state-view]')).not.toContainText('only-here');
  // a tab in one lab leaves the other's alone
  await second.getByRole('tab', { name: 'Under the hood' }).click();
  await expect(first.locator('[data-panel="state"]')).toBeVisible();

  await page.reload();
  await expect(first.locator('.xterm-rows')).toContainText('Restored your last session (1 command)');
  await expect(second.locator('.xterm-rows')).toContainText('Restored your last session (1 command)');
  await expect(container(first, 'web')).toContainText('running');
  await expect(container(second, 'web')).toHaveCount(0);
  await expect(second.locator('[data-state-view]')).toContainText('only-here');
});

test('reaching a lesson lab\'s goal records it in the learner\'s progress', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  for (const cmd of ['docker run -d --name web busybox sleep 3600', 'docker pause web', `docker inspect --format '{{.State.Status}}' web`]) await type(lab, cmd);
  await expect(lab.locator('[data-success]')).toContainText('Goal reached');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('dockhand:progress') ?? '{}'));
  expect(Object.keys(progress.labs)).toEqual(['container-lifecycle']);
  expect(progress.completed).toContain('container-lifecycle');
});

test('the header links to the playground', async ({ page }) => {
  await page.goto('/lessons/why-containers/');
  await page.getByRole('banner').getByRole('link', { name: 'Playground' }).click();
  await expect(page).toHaveURL(/\/playground\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Playground' })).toHaveAttribute('aria-current', 'page');
});

test('on a phone a lesson lab shows the terminal and the panels as tabs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const lab = await openLab(page, LESSON);
  await expect(lab.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect(lab.locator('[data-panel="state"]')).toBeHidden();
  await type(lab, 'docker run -d --name web busybox sleep 60');
  await lab.getByRole('tab', { name: 'State' }).click();
  await expect(container(lab, 'web')).toBeVisible();
  await expect(lab.locator('[data-terminal]')).toBeHidden();
  // a suggested command brings the terminal back to type into
  await lab.getByRole('button', { name: 'docker pause web' }).click();
  await expect(lab.locator('[data-terminal]')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('`docker run -it` makes the terminal the container shell\'s TTY until it exits', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker run -it --name box busybox sh');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker run -it --name box busybox sh\s+\/ # \s*$/);
  await expect(container(lab, 'box')).toContainText('running');
  await type(lab, 'echo $((6*7))');
  await expect.poll(() => screen(lab)).toMatch(/\/ # echo \$\(\(6\*7\)\)\s+42\s+\/ # \s*$/);
  // Ctrl-C drops the line being typed; the shell stays
  await type(lab, 'echo never', false);
  await page.keyboard.press('Control+C');
  await expect.poll(() => screen(lab)).toMatch(/\/ # echo never\^C\s+\/ # \s*$/);
  // ↑ recalls the session's own lines, not the docker prompt's
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(lab)).toMatch(/\/ # echo \$\(\(6\*7\)\)\s*$/);
  await page.keyboard.press('Control+U');
  await type(lab, 'exit');
  await expect.poll(() => screen(lab)).toMatch(/\/ # exit\s+\$\s*$/);
  await expect(container(lab, 'box')).toContainText('exited');
  await lab.getByRole('button', { name: 'Plain text' }).click();
  await expect(lab.locator('[data-plain]')).toContainText('/ # echo $((6*7))\n42\n/ # echo never^C\n/ # exit\n$');
  await lab.getByRole('button', { name: 'Plain text' }).click();

  // Ctrl-D on an empty line ends the shell's input, as `exit` does
  await type(lab, 'docker start -ai box');
  await expect(container(lab, 'box')).toContainText('running');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker start -ai box\s+\/ # \s*$/);
  await page.keyboard.press('Control+D');
  await expect(container(lab, 'box')).toContainText('exited');
  await expect.poll(() => screen(lab)).toMatch(/\/ # \s+\$\s*$/);

  // Ctrl-P Ctrl-Q detaches: the docker prompt returns and the container keeps running
  await type(lab, 'clear');
  await type(lab, 'docker start -ai box');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker start -ai box\s+\/ # \s*$/);
  await page.keyboard.press('Control+P');
  await page.keyboard.press('Control+Q');
  await expect.poll(() => screen(lab)).toMatch(/\/ # \s+\$\s*$/);
  await expect(container(lab, 'box')).toContainText('running');
});

test('the build lab: edit a copied file, build again, and the steps after its COPY are no longer CACHED', async ({ page }) => {
  const lab = await openLab(page, '/e2e/build-lab/');
  const editor = lab.locator('.cm-content');
  await expect(editor).toContainText('FROM busybox:latest');
  await type(lab, 'docker build -t greeter:1.0 .');
  await expect.poll(() => screen(lab), { timeout: 10_000 }).toContain('naming to docker.io/library/greeter:1.0');
  await type(lab, 'clear');
  await type(lab, 'docker build -t greeter:1.0 .');
  await expect.poll(() => screen(lab)).toMatch(/\[4\/5\] COPY greeting\.txt \.\s+#\d+ CACHED/);

  await lab.getByRole('button', { name: 'greeting.txt' }).click();
  await expect(lab.getByRole('button', { name: 'greeting.txt' })).toHaveAttribute('aria-pressed', 'true');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Edited in the lab.');
  await type(lab, 'clear');
  await type(lab, 'docker build -t greeter:1.1 .');
  await expect.poll(() => screen(lab)).toContain('naming to docker.io/library/greeter:1.1');
  const text = await screen(lab);
  expect(text).toMatch(/\[3\/5\] RUN [^\n]*\s+#\d+ CACHED/);
  expect(text).toMatch(/\[4\/5\] COPY greeting\.txt \.\s+#\d+ DONE/);
  await type(lab, 'docker run --rm greeter:1.1');
  await expect.poll(() => screen(lab)).toContain('Edited in the lab.');

  await lab.getByRole('tab', { name: 'Layers' }).click();
  const layers = lab.locator('[data-layers]');
  await expect(layers).toContainText('greeter:1.1');
  await expect(layers).toContainText('2 of 4 steps came from the cache');
  await expect(layers.locator('.lab-layer-cached')).not.toHaveCount(0);
  await expect(layers).toContainText('COPY greeting.txt');
  const { violations } = await new AxeBuilder({ page }).include('[data-island="lab"]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('undo takes one command back, reset starts clean, and the session survives a reload', async ({ page }) => {
  const lab = await openLab(page);
  await expect(lab.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await type(lab, 'docker run -d --name web busybox sleep 3600');
  await type(lab, 'docker pause web');
  await expect(container(lab, 'web')).toContainText('paused');
  await lab.getByRole('button', { name: 'Undo' }).click();
  await expect(container(lab, 'web')).toContainText('running');
  await expect.poll(() => screen(lab)).toContain('Undone: docker pause web');

  await page.reload();
  await expect(lab.locator('.xterm-rows')).toContainText('Restored your last session (1 command)');
  await expect(container(lab, 'web')).toContainText('running');
  await page.keyboard.press('ArrowUp'); // history survived too (focus is not needed for the check below)
  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(container(lab, 'web')).toHaveCount(0);
  await expect(lab.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await type(lab, '', false);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(lab)).toMatch(/\$ docker pause web\s*$/);
});

test('a share link carries the commands and replays them in a fresh browser', async ({ page, browser }) => {
  const lab = await openLab(page);
  await type(lab, 'docker volume create data');
  await type(lab, `docker run -d --name db -v data:/data busybox sh -c 'sleep 3600'`);
  await lab.getByRole('button', { name: 'Share' }).click();
  const url = await lab.locator('[data-share-url]').inputValue();
  expect(url).toContain('/playground/#run=');

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  const replayed = fresh.locator('[data-island="lab"]');
  await expect(replayed.locator('.xterm-rows')).toContainText('Replayed 2 shared commands');
  await expect(container(replayed, 'db')).toContainText('running');
  await expect(replayed.locator('[data-state-view]')).toContainText('used by db');
  await expect(fresh).toHaveURL(/\/playground\/$/);
  await replayed.getByRole('button', { name: 'Undo' }).click();
  await expect(container(replayed, 'db')).toHaveCount(0);
  await other.close();
});

test('the lesson lab: suggested commands type themselves, and the goal is checked', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  await expect(lab).toContainText('Walk a container through its states');
  for (const cmd of ['docker create --name web busybox sleep 3600', 'docker start web', 'docker pause web']) {
    await lab.getByRole('button', { name: cmd }).click();
    await expect(lab.locator('.xterm-helper-textarea')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(container(lab, 'web')).toContainText('paused');
  await expect(lab.locator('[data-success]')).toBeEmpty();
  await lab.getByRole('button', { name: `docker inspect --format '{{.State.Status}}' web` }).click();
  await page.keyboard.press('Enter');
  await expect(lab.locator('[data-success]')).toContainText('Goal reached');
  await expect(lab.locator('[data-live]')).toHaveText('paused\n');
});

test('plain text view shows the session as selectable text', async ({ page }) => {
  const lab = await openLab(page);
  await type(lab, 'docker version --format {{.Client.Version}}');
  const toggle = lab.getByRole('button', { name: 'Plain text' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const plain = lab.locator('[data-plain]');
  await expect(plain).toBeVisible();
  await expect(plain).toContainText('$ docker version --format {{.Client.Version}}\n28.2.2');
  await expect(lab.locator('[data-terminal]')).toBeHidden();
  await toggle.click();
  await expect(lab.locator('.xterm-helper-textarea')).toBeFocused();
});

test('keyboard only: reach the terminal, run a command, leave with Esc then Tab, switch tabs', async ({ page }) => {
  await page.goto('/playground/');
  const lab = page.locator('[data-island="lab"]');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await lab.locator('.xterm-helper-textarea').evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await expect(lab.locator('.lab-terminal')).toHaveCSS('outline-style', 'solid');
  await page.keyboard.type('docker run -d --name web busybox sleep 60');
  await page.keyboard.press('Enter');
  await expect(container(lab, 'web')).toBeVisible();
  await page.keyboard.type('docker ps');
  await page.keyboard.press('Tab'); // on a typed line: completion, not focus change
  await expect(lab.locator('.xterm-helper-textarea')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('tab', { name: 'State' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(lab.locator('.xterm-helper-textarea')).toBeFocused();
  await page.keyboard.press('Control+U');
  await page.keyboard.press('Tab'); // on an empty line Tab moves on
  await expect(lab.getByRole('tab', { name: 'State' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(lab.getByRole('tab', { name: 'Lifecycle' })).toBeFocused();
  await expect(lab.locator('[data-panel="diagram"]')).toBeVisible();
  await expect(lab.locator('[data-diagram-caption]')).toHaveText(/web is running/);
});

test('at 360 px the playground fits the screen, with the terminal and the panels as tabs', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const lab = await openLab(page);
  await type(lab, 'docker run -d --name web busybox sleep 60');
  await expect(lab.locator('[data-panel="state"]')).toBeHidden();
  await lab.getByRole('tab', { name: 'State' }).click();
  await expect(container(lab, 'web')).toBeVisible();
  await expect(lab.locator('[data-terminal]')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await lab.getByRole('tab', { name: 'Terminal' }).click();
  await expect(lab.locator('[data-terminal]')).toBeVisible();
  // a command longer than the terminal is wide wraps, and editing it redraws every row once
  await type(lab, 'docker run -d --name wrapped --restart no -e GREETING=hello busybox sleep 61', false);
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(container(lab, 'wrapped')).toBeAttached();
  expect(((await screen(lab)).match(/\$ docker run -d --name wrapped/g) ?? []).length).toBe(1);
  await lab.getByRole('button', { name: 'Plain text' }).click();
  await expect(lab.locator('[data-plain]')).toContainText('$ docker run -d --name wrapped --restart no -e GREETING=hello busybox sleep 60\n');
});

test('widening the window puts the panels back beside the terminal', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 800 });
  const lab = await openLab(page);
  await expect(lab.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(lab.getByRole('tab', { name: 'Terminal' })).toBeHidden();
  await expect(lab.locator('[data-terminal]')).toBeVisible();
  await expect(lab.locator('[data-panel="state"]')).toBeVisible();
  await lab.getByRole('tab', { name: 'Lifecycle' }).click();
  await expect(lab.locator('[data-terminal]')).toBeVisible();
});

test('text-only lessons ship no lab', async ({ page }) => {
  await page.goto('/lessons/why-containers/');
  await expect(page.locator('[data-island="lab"]')).toHaveCount(0);
  const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((x) => (x as HTMLScriptElement).src));
  expect(scripts.some((s) => s.includes('Lab'))).toBe(false);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const url of [LESSON, '/playground/']) {
    test(`axe finds no violations on ${url} with a lab in use (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const lab = await openLab(page, url);
      await type(lab, 'docker run -d --name web -v data:/data busybox sleep 60');
      await expect(container(lab, 'web')).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
    });
  }
}
