import { describe, expect, it } from 'vitest';
import { launchMain } from './launch';
import type { ProgramContext } from './program';

const ctx: ProgramContext = { app: '', base: 'busybox', passwd: true, env: { HOME: '/root', NAME: 'dock' }, hostname: 'h', workingDir: '', stdinOpen: false, now: 0, ip: '' };
const sh = (script: string, base: ProgramContext['base'] = 'busybox') => {
  const r = launchMain(['sh', '-c', script], { ...ctx, base });
  if ('failure' in r) throw new Error(r.failure.message);
  return { out: r.plan.output.map((l) => `${l.at}:${l.stream}:${l.text}`), exit: r.plan.exit };
};

describe('sh -c', () => {
  it('runs lists with ; && || and exit codes', () => {
    expect(sh('echo hello; echo err >&2; exit 3')).toEqual({ out: ['0:stdout:hello', '0:stderr:err'], exit: { afterMs: 0, code: 3 } });
    expect(sh('false && echo no || echo yes')).toEqual({ out: ['0:stdout:yes'], exit: { afterMs: 0, code: 0 } });
    expect(sh('true; false').exit).toEqual({ afterMs: 0, code: 1 });
    expect(sh('exit 300').exit!.code).toBe(44);
  });
  it('places output on the timeline of sleeps', () => {
    expect(sh('echo a; sleep 2; echo b')).toEqual({ out: ['0:stdout:a', '2000:stdout:b'], exit: { afterMs: 2000, code: 0 } });
    expect(sh('echo up; sleep infinity; echo never')).toEqual({ out: ['0:stdout:up'], exit: undefined });
  });
  it('expands variables and quotes', () => {
    expect(sh(`X=1; export Y=2; echo "$NAME $X" '$Y' \${Y} $?`).out).toEqual(['0:stdout:dock 1 $Y 2 0']);
    expect(sh('echo hidden >/dev/null; echo shown').out).toEqual(['0:stdout:shown']);
    expect(sh('echo hidden > /dev/null 2> /dev/null').out).toEqual([]);
  });
  it('says plainly that redirection to files waits for container file systems', () => {
    for (const script of ['echo x > /data/f', 'echo x >>/tmp/log', 'cat < /etc/hosts']) {
      const r = sh(script);
      expect(r.exit!.code).toBe(1);
      expect(r.out).toHaveLength(1);
      expect(r.out[0]).toMatch(/^0:stderr:sh: redirection .*: files inside containers are not available/);
    }
    expect(sh("echo '>' literal").out).toEqual(['0:stdout:> literal']);
  });
  it('reports unknown commands and syntax errors like the image shell', () => {
    expect(sh('nosuch')).toEqual({ out: ['0:stderr:sh: nosuch: not found'], exit: { afterMs: 0, code: 127 } });
    expect(sh('nosuch', 'debian').out).toEqual(['0:stderr:sh: 1: nosuch: not found']);
    expect(sh("echo 'open").exit!.code).toBe(2);
    expect(sh('&& echo').exit!.code).toBe(2);
  });
});

describe('sh -c: loops, traps, arithmetic', () => {
  it('unrolls for loops and turns `while true` with a sleep into repeating output', () => {
    expect(sh('for i in 1 2 3; do echo line $i; done').out).toEqual(['0:stdout:line 1', '0:stdout:line 2', '0:stdout:line 3']);
    const r = launchMain(['sh', '-c', 'echo start; while true; do echo tick; sleep 2; done'], ctx);
    if ('failure' in r) throw new Error();
    expect(r.plan.exit).toBeUndefined();
    expect(r.plan.repeat).toEqual({ from: 0, every: 2000, lines: [{ at: 0, stream: 'stdout', text: 'tick' }] });
  });
  it('a trap with exit makes the shell handle the signal', () => {
    const r = launchMain(['sh', '-c', 'trap "echo bye; exit 0" TERM; while true; do sleep 1; done'], ctx);
    if ('failure' in r) throw new Error();
    expect(r.plan.signals['TERM']).toEqual({ code: 0, output: [{ at: 0, stream: 'stdout', text: 'bye' }] });
    // PID 1 does not receive its own untrapped signals, not even SIGKILL
    expect(sh('kill -9 $$; echo alive').out).toEqual(['0:stdout:alive']);
  });
  it('evaluates $((…)) and reports a division by zero', () => {
    expect(sh('X=5; echo $((X * (2 + 1))) $((7 / 2)) $((-3 % 2))').out).toEqual(['0:stdout:15 3 -1']);
    expect(sh('echo $((1/0)); echo no')).toEqual({ out: ['0:stderr:sh: divide by zero'], exit: { afterMs: 0, code: 2 } });
  });
  it('printf and echo -n write partial lines', () => {
    const r = launchMain(['printf', '%s=%03d\\n%s', 'a', '7', 'tail'], ctx);
    if ('failure' in r) throw new Error();
    expect(r.plan.output).toEqual([{ at: 0, stream: 'stdout', text: 'a=007' }, { at: 0, stream: 'stdout', text: 'tail', partial: true }]);
  });
});
