import { describe, expect, it } from 'vitest';
import { ShellSession } from './session';
import { options, T0, type Image } from './test/kit';

/** a session on a fresh image tree with a hand-driven clock; `out()` takes what the terminal got so far */
function session(image: Image = 'busybox') {
  let now = T0;
  const s = new ShellSession({ ...options(image), clock: () => now });
  let text = '';
  const exits: number[] = [];
  s.onData((t) => (text += t));
  s.onExit((c) => exits.push(c));
  s.start();
  return {
    s,
    exits,
    type: (line: string) => s.write(line + '\r'),
    advance: (ms: number) => {
      now += ms;
      s.tick(now);
    },
    out: () => {
      const t = text;
      text = '';
      return t;
    },
  };
}

describe('interactive session', () => {
  it('prompts like each shell, with the working directory where they show it', () => {
    const bb = session();
    expect(bb.out()).toBe('/ # ');
    bb.type('cd /tmp');
    expect(bb.out()).toBe('/tmp # ');
    const hub = session('hub');
    hub.type('cd ~');
    expect(hub.out()).toBe('/ # ~ # ');
    const deb = session('debian');
    expect(deb.out()).toBe('# ');
  });
  it('keeps cwd, variables, functions and $? from line to line; output ends in CRLF', () => {
    const t = session();
    t.out();
    t.type('cd /tmp; X=5; f() { echo "f $1"; }');
    t.type('echo $X $(pwd); f z; false');
    t.type('echo $?');
    expect(t.out()).toBe('/tmp # 5 /tmp\r\nf z\r\n/tmp # 1\r\n/tmp # ');
  });
  it('counts input lines in dash errors and prompts PS2 for unfinished commands', () => {
    const t = session('debian');
    t.type('true');
    t.type('nosuch');
    t.type('for i in 1 2');
    t.type('do echo $i; done');
    expect(t.out()).toBe('# # sh: 2: nosuch: not found\r\n# > 1\r\n2\r\n# ');
  });
  it('releases output as simulated time passes and prompts when the line is done', () => {
    const t = session();
    t.out();
    t.type('echo a; sleep 2; echo b');
    expect(t.out()).toBe('a\r\n');
    expect(t.s.nextDue()).toBe(T0 + 2000);
    t.advance(1999);
    expect(t.out()).toBe('');
    t.advance(1);
    expect(t.out()).toBe('b\r\n/ # ');
  });
  it('keeps input typed while busy for after the prompt', () => {
    const t = session();
    t.out();
    t.type('sleep 1');
    t.type('echo later');
    expect(t.out()).toBe('');
    t.advance(1000);
    expect(t.out()).toBe('/ # later\r\n/ # ');
  });
  it('Ctrl-C interrupts the foreground program: 130, or ping with its statistics', () => {
    const t = session();
    t.out();
    t.type('sleep 100; echo never');
    t.s.write('\x03');
    t.type('echo $?');
    expect(t.out()).toBe('^C\r\n/ # 130\r\n/ # ');
    t.type('ping db');
    t.advance(2500);
    t.s.write('\x03');
    expect(t.out()).toBe(
      [
        'PING db (172.18.0.3): 56 data bytes',
        '64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.081 ms',
        '64 bytes from 172.18.0.3: seq=1 ttl=64 time=0.081 ms',
        '64 bytes from 172.18.0.3: seq=2 ttl=64 time=0.081 ms',
        '^C',
        '--- db ping statistics ---',
        '3 packets transmitted, 3 packets received, 0% packet loss',
        'round-trip min/avg/max = 0.081/0.081/0.081 ms',
        '/ # ',
      ].join('\r\n'),
    );
  });
  it('an endless loop repeats its output until Ctrl-C', () => {
    const t = session();
    t.out();
    t.type('while true; do echo tick; sleep 1; done');
    t.advance(2000);
    expect(t.out()).toBe('tick\r\ntick\r\ntick\r\n');
    t.s.write('\x03');
    expect(t.out()).toBe('^C\r\n/ # ');
  });
  it('exit N ends the session with N (bash says exit); Ctrl-D on an empty line ends it too', () => {
    const a = session();
    a.type('exit 3');
    expect(a.exits).toEqual([3]);
    a.type('echo ignored');
    expect(a.out()).toBe('/ # ');
    const b = session('debian');
    b.type('false');
    b.s.write('\x04');
    expect(b.exits).toEqual([1]);
    const c = session();
    c.s.write('ec\x04');
    expect(c.exits).toEqual([]);
  });
  it('syntax errors do not end an interactive shell; close() hangs up with 129', () => {
    const t = session();
    t.out();
    t.type('fi');
    expect(t.out()).toBe('sh: syntax error: unexpected "fi"\r\n/ # ');
    t.s.close();
    expect(t.exits).toEqual([129]);
  });
  it('history lists the lines entered, numbered as each shell does', () => {
    const t = session();
    t.type('echo a');
    t.out();
    t.type('history');
    expect(t.out()).toBe('   0 echo a\r\n   1 history\r\n/ # ');
  });
  it('ls prints columns on the terminal', () => {
    const t = session();
    t.out();
    t.type('ls /');
    expect(t.out()).toBe('bin  etc  tmp\r\n/ # ');
  });
});
