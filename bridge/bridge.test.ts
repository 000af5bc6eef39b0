// The bridge against the real engine (when there is one) and its safety rules (always).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toViewModel } from '../src/lab/view-model';
import { connect, docker, dockerVersion, refusedStatus, testBridge, type Terminal } from './client.test-util';
import { ptySpawner } from './child';
import type { Bridge } from './server';

/** every object these tests make is named so: never touch anything else on the engine (nor another run's) */
const PREFIX = `bridge-test-${process.pid}-`;

/** node-pty is optional (compiled on install): without it the bridge falls back to pipes */
const ptyInstalled = (await ptySpawner()) !== undefined;
if (!dockerVersion) console.warn('bridge tests: no Docker engine answers, so the real-engine tests are skipped (start one with ../shared/tools/real-docker.sh, or install Docker)');

/** a docker CLI process (the bridge's child) whose command line names the container (from /proc: no procps needed) */
const cliRunning = (name: string) =>
  readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .some((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').startsWith(`docker run -i --rm --name ${name} `);
      } catch {
        return false; // ended meanwhile
      }
    });

let bridge: Bridge;
const terminals: Terminal[] = [];
const open = async (o?: Parameters<typeof connect>[1]) => {
  const t = await connect(bridge, o);
  terminals.push(t);
  await t.next('hello');
  return t;
};

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: bridge.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

beforeEach(async () => {
  bridge = await testBridge({ limits: { maxSessions: 3 } });
});
afterEach(async () => {
  for (const t of terminals.splice(0)) t.ws.close();
  await bridge.close();
});

describe('safe by default', () => {
  it('prints its address with the token in the fragment only', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#dockhand-token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[\w-]{32}$/);
  });

  it('serves the site without the token, with the script that takes the token out of the address bar', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toMatch(/^<!doctype html><html><head><script>.*sessionStorage.setItem\("dockhand:bridge-token".*history.replaceState/);
    // a file next to the site, reached by an encoded ../ (the URL parser already resolves a plain one)
    expect((await get('/..%2fbridge-secret.txt')).status).toBe(403);
    expect((await get('/no-such-page/')).status).toBe(404);
  });

  it('answers bridge requests only with the token and an expected Host', async () => {
    const host = `127.0.0.1:${bridge.port}`;
    expect((await get('/bridge/status')).status).toBe(401);
    expect((await get('/bridge/status', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/bridge/status', { Authorization: `Bearer ${bridge.token}x` })).status).toBe(401);
    expect((await get('/bridge/status', { Authorization: `Bearer ${bridge.token}`, Host: `rebind.example:${bridge.port}` })).status).toBe(421);
    const ok = await get('/bridge/status', { Authorization: `Bearer ${bridge.token}`, Host: host });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ workspace: bridge.workspace, unsafe: false });
  });

  it('refuses WebSocket upgrades without the token, with a wrong one, from another origin or through a rebinding host', async () => {
    expect(await refusedStatus(bridge, {})).toBe(401);
    expect(await refusedStatus(bridge, { token: 'not-the-token' })).toBe(401);
    expect(await refusedStatus(bridge, { token: bridge.token, origin: 'http://evil.example' })).toBe(403);
    expect(await refusedStatus(bridge, { token: bridge.token, origin: `http://127.0.0.1:${bridge.port + 1}` })).toBe(403);
    expect(await refusedStatus(bridge, { token: bridge.token, host: `evil.example:${bridge.port}`, origin: `http://evil.example:${bridge.port}` })).toBe(421);
    expect(await refusedStatus(bridge, { token: bridge.token, host: `evil.example:${bridge.port}` })).toBe(421);
    const t = await open({ origin: `http://localhost:${bridge.port}`, host: `localhost:${bridge.port}` });
    expect(t.messages[0]).toMatchObject({ t: 'hello', workspace: bridge.workspace });
  });

  it('caps concurrent terminals', async () => {
    await Promise.all([open(), open(), open()]);
    expect(await refusedStatus(bridge, { token: bridge.token })).toBe(429);
  });

  it('closes a terminal that stays idle', async () => {
    await bridge.close();
    bridge = await testBridge({ limits: { idleMs: 300 } });
    const t = await open();
    expect(await t.closed).toBe(4000);
  });

  it('runs no shell: other programs and shell syntax are refused, and nothing runs', async () => {
    const t = await open();
    const pwned = `/tmp/${PREFIX}pwned-${process.pid}`;
    for (const line of [`touch ${pwned}`, `docker ps; touch ${pwned}`, `docker ps && touch ${pwned}`, `docker ps $(touch ${pwned})`, `docker ps \`touch ${pwned}\``, `docker ps | tee ${pwned}`]) {
      const { output, code } = await t.run(line);
      expect(code, line).toBe('refused');
      expect(output).toMatch(/^Refused by the Dockhand bridge: /);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(pwned)).toBe(false);
  });

  it.each(['--privileged', '--pid=host', '--ipc=host', '--uts=host', '--userns=host', '--cap-add=NET_ADMIN', '--device=/dev/null', '--security-opt=apparmor=unconfined', '-v=/var/run/docker.sock:/var/run/docker.sock', '-v=/etc:/host-etc'])(
    'refuses %s with the security lesson',
    async (flag) => {
      const t = await open();
      const { output, code } = await t.run(`docker run --rm ${flag} --name ${PREFIX}refused busybox true`);
      expect(code).toBe('refused');
      expect(output).toContain(`http://127.0.0.1:${bridge.port}/lessons/best-practices-security/`);
    },
  );

  it('says so, with how to start one, when no engine answers', async () => {
    await bridge.close();
    bridge = await testBridge({ dockerHost: 'unix:///tmp/bridge-test-no-such.sock' });
    const t = await open();
    expect(t.messages[0]).toMatchObject({ t: 'hello', engine: { reachable: false, host: 'unix:///tmp/bridge-test-no-such.sock' } });
    expect(t.messages[0]!.t === 'hello' && t.messages[0]!.engine.help).toMatch(/Start one.*DOCKER_HOST/);
  });

  it('refuses over-long lines', async () => {
    const t = await open();
    expect((await t.run(`docker ps ${'-a '.repeat(3000)}`)).output).toMatch(/longer than 4096 characters/);
  });
});

describe.skipIf(!dockerVersion)(`with a real Docker engine${dockerVersion ? ` (${dockerVersion})` : ' (skipped: no Docker engine)'}`, { timeout: 30_000 }, () => {
  const cleanup = () => {
    const ids = docker('ps', '-aq', '--filter', `name=^${PREFIX}`).stdout.split('\n').filter(Boolean);
    if (ids.length) docker('rm', '-f', ...ids);
    for (const kind of ['volume', 'network']) {
      const names = docker(kind, 'ls', '-q', '--filter', `name=${PREFIX}`).stdout.split('\n').filter((n) => n.startsWith(PREFIX));
      if (names.length) docker(kind, 'rm', ...names);
    }
    const tags = docker('images', '--format', '{{.Repository}}:{{.Tag}}').stdout.split('\n').filter((n) => n.startsWith(PREFIX));
    if (tags.length) docker('rmi', ...tags);
  };
  beforeEach(cleanup);
  afterEach(cleanup);

  it('streams a command’s output as it comes, and its exit status', async () => {
    const t = await open();
    expect(t.messages[0]).toMatchObject({ t: 'hello', engine: { reachable: true, version: dockerVersion } });
    const started = Date.now();
    t.send({ t: 'run', line: `docker run --rm --name ${PREFIX}stream busybox sh -c 'echo one; sleep 1; echo two; exit 3'`, cols: 80, rows: 24 });
    await t.until('one');
    const firstAt = Date.now() - started;
    expect(t.messages.some((m) => m.t === 'out' && m.data.includes('two'))).toBe(false);
    await t.until('two');
    expect(Date.now() - started - firstAt).toBeGreaterThan(500);
    expect(await t.next('exit')).toEqual({ t: 'exit', code: 3 });
  });

  it.skipIf(!ptyInstalled)(`runs an -it busybox sh in a pseudo-terminal: echo $((6*7)) prints 42, exit ends it${ptyInstalled ? '' : ' (skipped: node-pty is not installed)'}`, async () => {
    expect(bridge.tty).toBe(true);
    const t = await open();
    // busybox's line editor asks where the cursor is after each prompt; xterm.js answers that in the page
    t.ws.on('message', (raw) => String(raw).includes('\\u001b[6n') && t.send({ t: 'input', data: '\x1b[24;5R' }));
    t.send({ t: 'run', line: `docker run -it --rm --name ${PREFIX}it busybox sh`, cols: 80, rows: 24 });
    await t.until('/ # ');
    t.send({ t: 'input', data: 'echo $((6*7))\r' });
    await t.until('\r\n42\r\n');
    // the CLI passes a new size on to the container in its own time, and a SIGWINCH that reaches it
    // while it is busy attaching can go unnoticed: drag the size (the kernel signals only a change) and
    // ask until the container has it
    await expect
      .poll(async () => {
        t.send({ t: 'resize', cols: 99, rows: 29 });
        t.send({ t: 'resize', cols: 100, rows: 30 });
        t.send({ t: 'input', data: 'stty size\r' });
        return t.until('30 100', 1000).then(() => true, () => false);
      }, { timeout: 20_000 })
      .toBe(true);
    // Ctrl-C reaches the container's foreground program through the terminal
    t.send({ t: 'input', data: 'sleep 30\r' });
    await new Promise((r) => setTimeout(r, 300));
    t.send({ t: 'input', data: '\x03' });
    t.send({ t: 'input', data: 'echo status $?\r' });
    await t.until('status 130');
    t.send({ t: 'input', data: 'exit\r' });
    expect(await t.next('exit')).toEqual({ t: 'exit', code: 0 });
  });

  it('refuses -t without a pseudo-terminal (the fallback without node-pty), but still runs the rest', async () => {
    await bridge.close();
    bridge = await testBridge({ usePty: false });
    const t = await open();
    expect(t.messages[0]).toMatchObject({ tty: false });
    expect((await t.run('docker run -it --rm busybox sh')).output).toMatch(/-t needs a pseudo-terminal/);
    expect(await t.run(`docker run --rm --name ${PREFIX}pipe busybox echo hi`)).toEqual({ output: 'hi\n', code: 0 });
    // keys still reach the command's input: Enter as a newline, Ctrl-D as its end
    t.send({ t: 'run', line: `docker run -i --rm --name ${PREFIX}cat busybox cat`, cols: 80, rows: 24 });
    await new Promise((r) => setTimeout(r, 500));
    t.send({ t: 'input', data: 'hello\r' });
    await t.until('hello\n');
    t.send({ t: 'input', data: '\x04' });
    expect(await t.next('exit')).toEqual({ t: 'exit', code: 0 });
  });

  it('runs one command at a time per terminal', async () => {
    const t = await open();
    t.send({ t: 'run', line: `docker run --rm --name ${PREFIX}first busybox sleep 1`, cols: 80, rows: 24 });
    const second = await t.run(`docker run --rm --name ${PREFIX}second busybox true`);
    expect(second).toEqual({ output: 'A command is still running in this terminal (one at a time).\n', code: 'refused' });
    expect(await t.next('exit')).toEqual({ t: 'exit', code: 0 });
    expect(docker('ps', '-a', '--filter', `name=^${PREFIX}second$`, '--format', '{{.Names}}').stdout).toBe('');
  });

  it('paces a command that outruns the output rate cap, without dropping output', async () => {
    await bridge.close();
    bridge = await testBridge({ limits: { outputBytesPerSecond: 50_000 } });
    const t = await open();
    const started = Date.now();
    const { output, code } = await t.run(`docker run --rm --name ${PREFIX}flood busybox sh -c "head -c 100000 /dev/zero | tr '\\0' x"`);
    expect(code).toBe(0);
    expect(output.replace(/[^x]/g, '')).toHaveLength(100_000);
    expect(Date.now() - started).toBeGreaterThan(1200);
  });

  it('feeds the panel model the engine’s state, as `docker ps -a` sees it, and follows its events', async () => {
    const t = await open();
    expect((await t.run(`docker run -d --name ${PREFIX}web busybox sleep 60`)).code).toBe(0);
    const psA = () =>
      docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.State}}')
        .stdout.trim()
        .split('\n')
        .filter(Boolean)
        .sort();
    const panel = (m: Extract<Terminal['messages'][number], { t: 'state' }>) =>
      toViewModel(m.data)
        .containers.map((c) => `${c.id} ${c.name} ${c.state}`)
        .sort();
    const state = await t.next('state', (m) => panel(m).some((c) => c.endsWith(`${PREFIX}web running`)));
    expect(panel(state)).toEqual(psA());
    const web = toViewModel(state.data).containers.find((c) => c.name === `${PREFIX}web`)!;
    expect(web.image).toBe('busybox');
    expect(state.inspect[web.id]?.Config?.Image).toBe('busybox');

    // changed behind the bridge's back: only the engine's events can tell the panel
    expect(docker('stop', '-t', '0', `${PREFIX}web`).status).toBe(0);
    const stopped = await t.next('state', (m) => panel(m).some((c) => c.endsWith(`${PREFIX}web exited`)));
    expect(panel(stopped)).toEqual(psA());
  });

  it('cleans up exactly what the session created, nothing else', async () => {
    const t = await open();
    for (const line of [
      `docker create --name ${PREFIX}box busybox`,
      `docker volume create ${PREFIX}vol`,
      `docker network create ${PREFIX}net`,
      `docker tag busybox ${PREFIX}img:1`,
      `docker run --name ${PREFIX}ran -v ${PREFIX}data:/data busybox true`,
    ]) expect((await t.run(line)).code, line).toBe(0);
    await new Promise((r) => setTimeout(r, 2500)); // past the window in which events count as the bridge's
    expect(docker('volume', 'create', `${PREFIX}outside`).status).toBe(0);
    expect(docker('create', '--name', `${PREFIX}outside`, 'busybox').status).toBe(0);

    t.send({ t: 'cleanup-list' });
    const listed = await t.next('cleanup-list');
    const made = ['container box', 'container ran', 'image img:1', 'volume data', 'volume vol', 'network net'].map((m) => m.replace(' ', ` ${PREFIX}`));
    expect(listed.items.map((i) => `${i.kind} ${i.name}`).sort()).toEqual(made.sort());

    t.send({ t: 'cleanup' });
    const done = await t.next('cleanup-done');
    expect(done.failed).toEqual([]);
    expect(done.removed).toHaveLength(6);
    expect(docker('ps', '-a', '--format', '{{.Names}}').stdout.split('\n').filter((n) => n.startsWith(PREFIX))).toEqual([`${PREFIX}outside`]);
    expect(docker('volume', 'ls', '-q').stdout.split('\n').filter((n) => n.startsWith(PREFIX))).toEqual([`${PREFIX}outside`]);
    expect(docker('network', 'inspect', `${PREFIX}net`).status).not.toBe(0);
    expect(docker('image', 'inspect', `${PREFIX}img:1`).status).not.toBe(0);
    expect(docker('image', 'inspect', 'busybox').status).toBe(0);
    t.send({ t: 'cleanup-list' });
    expect((await t.next('cleanup-list')).items).toEqual([]);
  });

  it('ends the command’s whole process group when the terminal disconnects', async () => {
    const t = await open();
    const name = `${PREFIX}hang`;
    t.send({ t: 'run', line: `docker run -i --rm --name ${name} busybox cat`, cols: 80, rows: 24 });
    const cli = () => docker('ps', '-q', '--filter', `name=^${name}$`).stdout.trim() !== '' && cliRunning(name);
    await expect.poll(cli, { timeout: 15_000 }).toBe(true);
    t.ws.close();
    await expect.poll(() => cliRunning(name), { timeout: 10_000 }).toBe(false);
    // with its client gone, the container's input closes, and cat (and --rm) end it too
    await expect.poll(() => docker('ps', '-aq', '--filter', `name=^${name}$`).stdout.trim(), { timeout: 15_000 }).toBe('');
  });
});
