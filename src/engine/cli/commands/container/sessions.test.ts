// Interactive sessions through the CLI, as the lab terminal drives them: `-it` from a terminal returns
// a session; what it prints, how it ends, and what the container does afterwards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../create-engine';
import type { Engine, InteractiveStream } from '../../../engine';

function open(e: Engine, line: string): { s: InteractiveStream; out: () => string; exit: () => number | undefined; url: string[] } {
  const r = e.exec(line, { tty: true });
  expect(r.stderr).toBe('');
  expect(r.session).toBeDefined();
  let text = '';
  let code: number | undefined;
  r.session!.onData((t) => (text += t));
  r.session!.onExit((c) => (code = c));
  return { s: r.session!, out: () => text, exit: () => code, url: r.trace.map((t) => `${t.method} ${t.url.replace(/[0-9a-f]{64}/, 'ID')} ${t.status}`) };
}

const status = (e: Engine, name: string) => e.exec(`docker ps -a --filter name=${name} --format '{{.Status}}'`).stdout.trim();

describe('docker run -it', () => {
  it('opens a shell; exit N stops the container with N', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --name box busybox sh');
    expect(t.url).toEqual(['POST /containers/create?name=box 201', 'POST /containers/ID/attach?stream=1&stdin=1&stdout=1&stderr=1 101', 'POST /containers/ID/start 204']);
    expect(t.out()).toBe('/ # ');
    expect(status(e, 'box')).toMatch(/^Up/);
    t.s.write('echo $((6*7))\r');
    expect(t.out()).toBe('/ # 42\r\n/ # ');
    t.s.write('exit 3\r');
    expect(t.exit()).toBe(3);
    expect(status(e, 'box')).toMatch(/^Exited \(3\)/);
    expect(e.exec("docker inspect -f '{{.State.ExitCode}}' box").stdout).toBe('3\n');
    expect(e.exec("docker events --since 2026-11-23T11:00:00Z --until 2026-11-23T13:00:00Z --format '{{.Action}}' --filter container=box").stdout).toBe('create\nattach\nstart\ndie\n');
  });

  it('--rm removes the container when the shell exits', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --rm --name gone busybox');
    t.s.write('exit\r');
    expect(t.exit()).toBe(0);
    expect(e.exec('docker ps -aq').stdout).toBe('');
  });

  it('Ctrl-C interrupts the foreground program; Ctrl-D on an empty line ends the shell', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --name cc busybox sh');
    t.s.write('ping 127.0.0.1\r');
    expect(t.out()).toMatch(/^\/ # PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\r\n64 bytes from 127\.0\.0\.1: seq=0 /);
    t.s.write('ls\r'); // typed ahead while ping runs: not run
    e.clock.advance(2500);
    e.tick();
    expect(t.out()).toContain('seq=2 ');
    t.s.write('\x03');
    expect(t.out()).toMatch(/seq=2 ttl=64 time=[\d.]+ ms\r\n\^C\r\n--- 127\.0\.0\.1 ping statistics ---\r\n3 packets transmitted, 3 packets received, 0% packet loss\r\n.*\r\n\/ # $/);
    t.s.write('echo $?\r');
    expect(t.out()).toMatch(/\/ # 0\r\n\/ # $/);
    t.s.write('false\r\x04');
    expect(t.exit()).toBe(1);
    expect(status(e, 'cc')).toMatch(/^Exited \(1\)/);
  });

  it('Ctrl-P Ctrl-Q detaches quietly; the container keeps running and attach finds the same shell', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --name det busybox sh');
    t.s.write('cd /tmp\r');
    t.s.write('\x10\x11');
    expect(t.exit()).toBe(0);
    expect(t.out()).toBe('/ # /tmp # ');
    expect(status(e, 'det')).toMatch(/^Up/);
    const again = open(e, 'docker attach det');
    expect(again.out()).toBe('\r/tmp # \x1b[J');
    again.s.write('pwd\r');
    expect(again.out()).toContain('/tmp\r\n/tmp # ');
    again.s.write('\x10\x11');
    expect(again.out()).toContain('read escape sequence\r\n');
    expect(again.exit()).toBe(1);
    expect(status(e, 'det')).toMatch(/^Up/);
  });

  it('docker stop from outside ends the session with the container', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --name stopme busybox sh');
    e.exec('docker stop -t 1 stopme');
    expect(t.exit()).toBe(137);
  });

  it('restoring a snapshot (undo) ends an open session; the restored containers have no terminal', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec('docker run -dit --name keep busybox sh');
    const snap = e.snapshot();
    const t = open(e, 'docker attach keep');
    e.restore(snap);
    e.tick();
    expect(t.exit()).toBeDefined();
    expect(status(e, 'keep')).toMatch(/^Up/);
    const again = open(e, 'docker attach keep');
    again.s.write('exit 2\r');
    expect(status(e, 'keep')).toMatch(/^Exited \(2\)/);
  });

  it('without a terminal docker refuses, as before', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    expect(e.exec('docker run -it busybox sh')).toMatchObject({ exit: 1, stderr: 'the input device is not a TTY\n', stdout: '' });
    expect(e.exec('docker ps -aq').stdout).toBe('');
    // a TTY never gives end of input: the shell of `run -dt` keeps waiting, as in docker
    e.exec('docker run -dt --name dtt busybox');
    expect(status(e, 'dtt')).toMatch(/^Up/);
    e.exec('docker run -dit --name ttyd busybox sh');
    expect(e.exec('docker attach ttyd')).toMatchObject({ exit: 1, stderr: 'the input device is not a TTY\n' });
    expect(e.exec('docker exec -it ttyd sh')).toMatchObject({ exit: 1, stderr: 'the input device is not a TTY\n' });
    expect(e.exec('docker start -ai ttyd')).toMatchObject({ exit: 1, stderr: 'the input device is not a TTY\n' });
  });
});

describe('docker exec -it, start -ai', () => {
  it('exec -it: a second shell; its exit ends only the exec', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec('docker run -d --name srv busybox sleep 600');
    const t = open(e, 'docker exec -it srv sh');
    expect(t.out()).toBe('/ # ');
    t.s.write('hostname; exit 2\r');
    expect(t.exit()).toBe(2);
    expect(t.out()).toMatch(/^\/ # [0-9a-f]{12}\r\n$/);
    expect(status(e, 'srv')).toMatch(/^Up/);
    expect(e.exec("docker events --since 2026-11-23T11:00:00Z --until 2026-11-23T13:00:00Z --format '{{.Action}}' --filter container=srv").stdout).toMatch(/exec_start: sh\nexec_die\n$/);
  });

  it('exec -it detaches with "read escape sequence" and exit 1', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec('docker run -d --name srv2 busybox sleep 600');
    const t = open(e, 'docker exec -it srv2 sh');
    t.s.write('\x10\x11');
    expect(t.out()).toBe('/ # read escape sequence\r\n');
    expect(t.exit()).toBe(1);
  });

  it('start -ai joins the TTY of a stopped -it container', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const first = open(e, 'docker run -it --name again busybox sh');
    first.s.write('exit 0\r');
    const t = open(e, 'docker start -ai again');
    expect(t.out()).toBe('/ # ');
    t.s.write('echo back\r');
    t.s.write('exit 4\r');
    expect(t.exit()).toBe(4);
    expect(status(e, 'again')).toMatch(/^Exited \(4\)/);
  });

  it('attach to a `run -dit` shell redraws its prompt; exit stops the container', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec('docker run -dit --name bg busybox sh');
    const t = open(e, 'docker attach bg');
    expect(t.out()).toBe('\r/ # \x1b[J');
    t.s.write('exit 7\r');
    expect(t.exit()).toBe(7);
    expect(status(e, 'bg')).toMatch(/^Exited \(7\)/);
  });

  it('exec -it of a shell the image lacks fails as docker does; a non-shell command prints through the TTY', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec('docker run -d --name srv3 busybox sleep 600');
    const bash = e.exec('docker exec -it srv3 bash', { tty: true });
    expect(bash.session).toBeUndefined();
    expect(bash.exit).toBe(127);
    expect(bash.stdout).toContain('exec: "bash": executable file not found in $PATH');
    const ls = e.exec('docker exec -it srv3 ls /', { tty: true });
    expect(ls).toMatchObject({ exit: 0, stdout: expect.stringMatching(/^bin\r\n/) });
  });

  it('run -it of a program that is not a shell shows its output and ends with it', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const t = open(e, 'docker run -it --name echoer busybox echo hi');
    expect(t.out()).toBe('hi\r\n');
    expect(t.exit()).toBe(0);
  });

  it('any keystrokes keep the session and the container consistent', () => {
    const key = fc.constantFrom('ls /\r', 'echo $((2*3))\r', 'cd /tmp\r', 'ping 127.0.0.1\r', 'sleep 1\r', 'exit 5\r', 'for i in 1 2; do\r', 'done\r', '\x03', '\x04', '\x10\x11', '\x10x', '"\r', 'nosuch\r');
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), (keys) => {
        const e = createEngine({ images: ['busybox:latest'] });
        const t = open(e, 'docker run -it --name fz busybox sh');
        let detached = false;
        for (const k of keys) {
          if (t.exit() !== undefined) break;
          if (k === '\x10\x11') detached = true;
          t.s.write(k);
          e.clock.advance(700);
          e.tick();
        }
        const running = status(e, 'fz').startsWith('Up');
        expect(running).toBe(t.exit() === undefined || detached);
      }),
      { numRuns: 150 },
    );
  });
});
