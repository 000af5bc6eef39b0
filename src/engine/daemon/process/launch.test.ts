import { describe, expect, it } from 'vitest';
import { launchExec, launchMain } from './launch';
import { reactionTo, renderLine } from './plan';
import type { ProgramContext } from './program';
import { emptyTree, treeFs } from '../../fs/tree';
import { busyboxHub } from '../../registry/contents/busybox';
import { isolatedSystem } from '../containers/system';

const ctx = (over: Partial<ProgramContext> = {}): ProgramContext => ({
  app: '',
  base: 'busybox',
  passwd: true,
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'abc123', HOME: '/root' },
  hostname: 'abc123',
  workingDir: '',
  stdinOpen: false,
  now: Date.parse('2026-11-23T12:00:00Z'),
  ip: '172.17.0.2',
  sys: isolatedSystem(treeFs(busyboxHub('glibc', 0), () => 0), 'abc123'),
  ...over,
});

const plan = (argv: string[], over: Partial<ProgramContext> = {}) => {
  const r = launchMain(argv, ctx(over));
  if ('failure' in r) throw new Error(r.failure.message);
  return r.plan;
};
const text = (argv: string[], over: Partial<ProgramContext> = {}) => plan(argv, over).output.map((l) => `${l.stream}:${renderLine(l, 0)}`);

describe('executable resolution', () => {
  it('reports a missing executable as runc does, exit 127', () => {
    const r = launchMain(['nosuch'], ctx());
    expect(r).toEqual({
      failure: {
        message: 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown',
        exitCode: 127,
      },
    });
  });
  it('a directory is permission denied (126); a missing path is no such file (127)', () => {
    expect(launchMain(['/etc'], ctx())).toMatchObject({ failure: { exitCode: 126 } });
    expect((launchMain(['/etc'], ctx()) as { failure: { message: string } }).failure.message).toContain('exec: "/etc": permission denied: unknown');
    expect((launchMain(['/nope'], ctx()) as { failure: { message: string } }).failure.message).toContain('exec: "/nope": stat /nope: no such file or directory');
  });
  it('finds programs by path in the bin directories', () => {
    expect(plan(['/bin/echo', 'x']).output[0]!.text).toBe('x');
  });
  it('hello-world has only /hello', () => {
    const bare = { app: 'hello-world' as const, base: 'none' as const, sys: isolatedSystem(treeFs(emptyTree(), () => 0), 'abc123') };
    expect(launchMain(['sh'], ctx(bare))).toHaveProperty('failure');
    const lines = plan(['/hello'], bare).output.map((l) => l.text);
    expect(lines[1]).toBe('Hello from Docker!');
    expect(lines.at(-2)).toBe(' https://docs.docker.com/get-started/');
  });
  it('exec failures are worded for exec', () => {
    expect(launchExec(['nosuch'], ctx())).toEqual({
      failure: { message: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown', exitCode: 127 },
    });
  });
});

describe('programs', () => {
  it('sleep runs for its time and ignores SIGTERM as PID 1', () => {
    const p = plan(['sleep', '5']);
    expect(p.exit).toEqual({ afterMs: 5000, code: 0 });
    expect(reactionTo(p, 'TERM', false)).toBe('ignore');
    expect(reactionTo(p, 'TERM', true)).toEqual({ code: 143, output: [] });
    expect(reactionTo(p, 'KILL', false)).toEqual({ code: 137, output: [] });
    expect(plan(['sleep', 'infinity']).exit).toBeUndefined();
    expect(text(['sleep', 'x'])).toEqual(["stderr:sleep: invalid number 'x'"]);
  });
  it('shells exit at once without stdin and wait with it', () => {
    expect(plan(['sh']).exit).toEqual({ afterMs: 0, code: 0 });
    expect(plan(['sh'], { stdinOpen: true }).exit).toBeUndefined();
    expect(plan(['bash'], { base: 'debian' }).exit).toEqual({ afterMs: 0, code: 0 });
    expect(plan(['node'], { app: 'node', base: 'debian' }).exit).toEqual({ afterMs: 0, code: 0 });
  });
  it('env prints the environment in order', () => {
    expect(text(['env'])).toEqual(['stdout:PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'stdout:HOSTNAME=abc123', 'stdout:HOME=/root']);
  });
  it('nginx logs its start-up and stops gracefully on SIGQUIT with 0', () => {
    const p = plan(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { app: 'nginx', base: 'debian', env: { NGINX_VERSION: '1.27.3' } });
    const lines = p.output.map((l) => renderLine(l, Date.parse('2026-11-23T12:00:00Z')));
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('2026/11/23 12:00:00 [notice] 1#1: nginx/1.27.3');
    const quit = reactionTo(p, 'QUIT', false);
    expect(quit).not.toBe('ignore');
    expect((quit as { code: number }).code).toBe(0);
  });
  it('postgres refuses to start without a password', () => {
    const p = plan(['docker-entrypoint.sh', 'postgres'], { app: 'postgres', base: 'debian' });
    expect(p.exit).toEqual({ afterMs: 0, code: 1 });
    expect(p.output[0]).toMatchObject({ stream: 'stderr', text: 'Error: Database is uninitialized and superuser password is not specified.' });
    expect(plan(['docker-entrypoint.sh', 'postgres'], { app: 'postgres', base: 'debian', env: { POSTGRES_PASSWORD: 'x' } }).exit).toBeUndefined();
  });
  it('redis is ready and shuts down on SIGTERM with 0', () => {
    const p = plan(['docker-entrypoint.sh', 'redis-server'], { app: 'redis', base: 'debian' });
    expect(p.output.map((l) => l.text).at(-1)).toContain('Ready to accept connections tcp');
    expect(reactionTo(p, 'TERM', false)).toMatchObject({ code: 0 });
  });
  it('runs applets over the image file system and scripts as shells do', () => {
    expect(text(['ls', '/'])).toEqual(['bin', 'dev', 'etc', 'home', 'root', 'tmp', 'usr', 'var'].map((d) => `stdout:${d}`));
    expect(plan(['sh', '-c', 'echo a; sleep 2; echo b; exit 3'])).toMatchObject({ output: [{ at: 0, text: 'a' }, { at: 2000, text: 'b' }], exit: { afterMs: 2000, code: 3 } });
    expect(text(['cat', '/etc/nope'])).toEqual(["stderr:cat: can't open '/etc/nope': No such file or directory"]);
  });
  it('a shell waiting in a loop repeats its output and handles trapped signals', () => {
    const p = plan(['sh', '-c', 'trap "echo bye; exit 0" TERM; echo start; while true; do echo tick; sleep 2; done']);
    expect(p.exit).toBeUndefined();
    expect(p.repeat).toEqual({ from: 0, every: 2000, lines: [{ at: 0, stream: 'stdout', text: 'tick' }] });
    expect(p.signals['TERM']).toEqual({ code: 0, output: [{ at: 0, stream: 'stdout', text: 'bye' }] });
  });
});
