// The container's process table as top, stats, ps inside and inspect see it; kill(2) from inside; the
// OOM killer under --memory.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { IdSource } from '../../ids';
import { Daemon } from '../daemon';
import { containerStats, containerTop } from './observe';
import type { ContainerRecord } from './model';
import { programContext } from './runtime';

const START = Date.parse('2026-11-23T12:00:00Z');
let d: Daemon;
const req = (method: 'GET' | 'POST' | 'DELETE', path: string, query?: Record<string, string>, body?: unknown) =>
  d.api.request<{ message: string; Id: string }>({ method, path, query, body });
const container = (name: string) => Object.values(d.state.containers).find((c) => c.name === '/' + name) as ContainerRecord;
const sys = (name: string) => programContext(d, container(name), d.now()).sys;

function run(name: string, body: Record<string, unknown> = {}) {
  const created = req('POST', '/containers/create', { name }, { Image: 'busybox', Cmd: ['sleep', '1000'], ...body });
  expect(created.status, created.body?.message).toBe(201);
  return req('POST', `/containers/${name}/start`);
}

function execDetached(name: string, cmd: string[]) {
  const x = req('POST', `/containers/${name}/exec`, undefined, { Cmd: cmd });
  req('POST', `/exec/${x.body.Id}/start`, undefined, { Detach: true });
  return x.body.Id;
}

beforeEach(() => {
  d = new Daemon({ clock: new ManualClock(START), ids: new IdSource(3) });
  d.presetImages(['busybox:latest', 'nginx:latest', 'mysql:latest', 'node:latest']);
});

describe('one process table', () => {
  it('top, stats, ps inside and inspect agree on the processes', () => {
    run('box');
    execDetached('box', ['sleep', '500']);
    const c = container('box');
    const top = containerTop(d, c, '');
    const ps = sys('box').processes();
    const stats = containerStats(d, c);
    expect(top.Processes.map((p) => p[7])).toEqual(['sleep 1000', 'sleep 500']);
    expect(ps.map((p) => [p.pid, p.command])).toEqual([
      [1, 'sleep 1000'],
      [Number(top.Processes[1]![1]) - c.state.Pid + 1, 'sleep 500'],
    ]);
    expect(Number(top.Processes[0]![1])).toBe(c.state.Pid);
    expect(stats.pids_stats).toMatchObject({ current: 2 });
    expect((stats.memory_stats as { usage: number }).usage).toBe(ps.reduce((s, p) => s + p.rss, 0));
  });

  it('a server’s own children (nginx workers) are in every view, with their user', () => {
    run('web', { Image: 'nginx', Cmd: null });
    const c = container('web');
    const ps = sys('web').processes();
    expect(ps.map((p) => [p.pid, p.ppid, p.user, p.command])).toEqual([
      [1, 0, 'root', 'nginx: master process nginx -g daemon off;'],
      [29, 1, 'nginx', 'nginx: worker process'],
      [30, 1, 'nginx', 'nginx: worker process'],
    ]);
    const top = containerTop(d, c, '').Processes;
    expect(top.map((p) => [p[0], p[7]])).toEqual([['root', 'nginx: master process nginx -g daemon off;'], ['101', 'nginx: worker process'], ['101', 'nginx: worker process']]);
    expect(top.slice(1).map((p) => p[2])).toEqual([String(c.state.Pid), String(c.state.Pid)]);
    expect(containerStats(d, c).pids_stats).toMatchObject({ current: 3 });
    // an exec'd process gets a PID after the workers'
    execDetached('web', ['sleep', '9']);
    expect(sys('web').processes().at(-1)!.pid).toBeGreaterThan(30);
    d.advanceTo(d.now() + 100);
    expect(c.logs.filter((l) => /start worker process (29|30)$/.test(l.text))).toHaveLength(2);
  });

  it('the exec being started lists itself; --init shows docker-init as PID 1 and the command as its child', () => {
    run('boxed', { HostConfig: { Init: true } });
    const c = container('boxed');
    const x = req('POST', '/containers/boxed/exec', undefined, { Cmd: ['ps'] }).body.Id;
    const rec = d.state.execs[x]!;
    rec.pid = ++d.state.lastPid;
    const ps = programContext(d, c, d.now(), { env: [], workingDir: '', record: rec }).sys.processes();
    expect(ps.map((p) => [p.pid, p.ppid, p.command])).toEqual([
      [1, 0, '/sbin/docker-init -- sleep 1000'],
      [2, 1, 'sleep 1000'],
      [rec.pid - c.state.Pid + 1, 0, 'ps'],
    ]);
    expect(containerTop(d, c, '').Processes.map((p) => p[1])).toEqual([String(c.state.Pid), String(c.state.Pid + 1)]);
  });

  it('kill from inside: PID 1 ignores signals it has no handler for, even KILL; nginx handles QUIT', () => {
    run('box');
    expect(sys('box').kill(1, 'KILL')).toBe('');
    expect(sys('box').kill(1, 'TERM')).toBe('');
    expect(container('box').state.Running).toBe(true);
    expect(sys('box').kill(99, 'TERM')).toBe('No such process');
    expect(sys('box').kill(1, 'BOGUS')).toBe('Invalid argument');
    run('web', { Image: 'nginx', Cmd: null });
    expect(sys('web').kill(1, 'QUIT')).toBe('');
    expect(container('web').state).toMatchObject({ Running: false, ExitCode: 0 });
    expect(d.events.history.filter((e) => e.Actor.Attributes['name'] === 'web').map((e) => e.Action)).not.toContain('kill');
  });

  it('kill from inside ends an exec’d process with 128+n, and a non-root user may not kill root’s', () => {
    run('box');
    const x = execDetached('box', ['sleep', '500']);
    const pid = sys('box').processes()[1]!.pid;
    const nobody = programContext(d, container('box'), d.now(), { env: [], workingDir: '', record: { ...d.state.execs[x]!, user: '65534' } }).sys;
    expect(nobody.kill(pid, 'TERM')).toBe('Operation not permitted');
    expect(sys('box').kill(pid, 'TERM')).toBe('');
    expect(d.state.execs[x]).toMatchObject({ running: false, exitCode: 143 });
    expect(sys('box').processes()).toHaveLength(1);
  });

  it('a user without a passwd entry shows as its number (busybox-static has no /etc/passwd)', () => {
    run('box', { User: '1000' });
    expect(sys('box').user).toMatchObject({ uid: 1000, name: '1000' });
    expect(sys('box').processes()[0]!.user).toBe('1000');
  });
});

describe('OOM killer', () => {
  it('a process needing more than --memory is killed at start: 137, OOMKilled, oom then die', () => {
    run('big', { Image: 'mysql', Cmd: null, Env: ['MYSQL_ROOT_PASSWORD=secret'], HostConfig: { Memory: 64 * 1024 * 1024 } });
    d.advanceTo(d.now() + 1000);
    const c = container('big');
    expect(c.state).toMatchObject({ Running: false, ExitCode: 137, OOMKilled: true });
    expect(d.events.history.filter((e) => e.Type === 'container').map((e) => e.Action)).toEqual(['create', 'start', 'oom', 'die']);
    // what it printed before the kill stays, nothing after
    expect(c.logs.length).toBeGreaterThan(0);
    expect(c.logs.every((l) => l.t < START + 40)).toBe(true);
  });

  it('an exec’d process that outgrows the limit is the one killed; the container lives on', () => {
    run('app', { Image: 'node', Cmd: ['sleep', '1000'], OpenStdin: true, HostConfig: { Memory: 8 * 1024 * 1024 } });
    const x = req('POST', '/containers/app/exec', undefined, { Cmd: ['node'] }).body.Id;
    req('POST', `/exec/${x}/start`, undefined, { Detach: true });
    d.advanceTo(d.now() + 1000);
    expect(d.state.execs[x]).toMatchObject({ running: false, exitCode: 137 });
    expect(container('app').state).toMatchObject({ Running: true, OOMKilled: false });
    expect(d.events.history.map((e) => e.Action)).toContain('oom');
  });

  it('a process within its limit runs, and a new start clears OOMKilled', () => {
    run('fits', { Image: 'nginx', Cmd: null, HostConfig: { Memory: 64 * 1024 * 1024 } });
    d.advanceTo(d.now() + 1000);
    expect(container('fits').state).toMatchObject({ Running: true, OOMKilled: false });
    run('big', { Image: 'nginx', Cmd: null, HostConfig: { Memory: 6 * 1024 * 1024 } });
    container('big').hostConfig.Memory = 4 * 1024 * 1024;
    req('POST', '/containers/big/restart');
    d.advanceTo(d.now() + 1000);
    expect(container('big').state.OOMKilled).toBe(true);
    container('big').hostConfig.Memory = 0;
    req('POST', '/containers/big/start');
    expect(container('big').state).toMatchObject({ Running: true, OOMKilled: false });
  });
});
