// Time-driven behaviour: stop timeouts and signals, restart policies with back-off, ports, names,
// and snapshot/restore of all of it.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { IdSource } from '../../ids';
import { Daemon } from '../daemon';
import { statusOf, type ContainerRecord } from './model';
import { randomName } from './names';

const START = Date.parse('2026-11-23T12:00:00Z');
let d: Daemon;
let clock: ManualClock;
const req = (method: 'GET' | 'POST' | 'DELETE', path: string, query?: Record<string, string>, body?: unknown) =>
  d.api.request<{ message: string }>({ method, path, query, body });
const container = (name: string) => Object.values(d.state.containers).find((c) => c.name === '/' + name) as ContainerRecord;

function run(name: string, body: Record<string, unknown>) {
  const res = req('POST', '/containers/create', { name }, { Image: 'busybox', ...body });
  expect(res.status).toBe(201);
  return req('POST', `/containers/${name}/start`);
}

beforeEach(() => {
  clock = new ManualClock(START);
  d = new Daemon({ clock, ids: new IdSource(5) });
  d.presetImages(['busybox:latest', 'nginx:latest']);
});

describe('stop and signals', () => {
  it('a PID 1 that ignores SIGTERM is killed after the timeout: 137, 10 s of simulated time', () => {
    run('web', { Cmd: ['sleep', '1000'] });
    req('POST', '/containers/web/stop');
    expect(clock.now() - START).toBe(10_000);
    expect(container('web').state).toMatchObject({ ExitCode: 137, Running: false });
    expect(d.events.history.filter((e) => e.Type === 'container').map((e) => `${e.Action} ${e.Actor.Attributes['signal'] ?? e.Actor.Attributes['exitCode'] ?? ''}`.trim())).toEqual([
      'create', 'start', 'kill 15', 'kill 9', 'die 137', 'stop',
    ]);
  });
  it('-t shortens the wait; a process that ends by itself first is not killed', () => {
    run('aa', { Cmd: ['sleep', '1000'] });
    req('POST', '/containers/aa/stop', { t: '2' });
    expect(clock.now() - START).toBe(2000);
    run('bb', { Cmd: ['sleep', '3'] });
    req('POST', '/containers/bb/stop');
    expect(container('bb').state.ExitCode).toBe(0);
    expect(clock.now() - START).toBe(5000);
  });
  it('nginx handles its STOPSIGNAL (SIGQUIT) and exits 0 at once; --init makes sleep die of SIGTERM (143)', () => {
    run('web', { Image: 'nginx' });
    req('POST', '/containers/web/stop');
    expect(clock.now()).toBe(START);
    expect(container('web').state.ExitCode).toBe(0);
    expect(container('web').logs.at(-1)!.text).toMatch(/\[notice\] 1#1: exit$/);
    run('init', { Cmd: ['sleep', '1000'], HostConfig: { Init: true } });
    req('POST', '/containers/init/stop');
    expect(container('init').state.ExitCode).toBe(143);
  });
  it('kill gives 137; kill -s HUP to a process without a handler changes nothing', () => {
    run('web', { Cmd: ['sleep', '1000'] });
    expect(req('POST', '/containers/web/kill', { signal: 'HUP' }).status).toBe(204);
    expect(statusOf(container('web').state)).toBe('running');
    expect(req('POST', '/containers/web/kill', { signal: 'BOGUS' }).body.message).toBe('Invalid signal: BOGUS');
    req('POST', '/containers/web/kill');
    expect(container('web').state.ExitCode).toBe(137);
  });
  it('a paused process does not advance: its sleep resumes where it was', () => {
    run('ss', { Cmd: ['sleep', '10'] });
    clock.advance(4000);
    req('POST', '/containers/ss/pause');
    clock.advance(60_000);
    d.tick();
    req('POST', '/containers/ss/unpause');
    clock.advance(5000);
    d.tick();
    expect(statusOf(container('ss').state)).toBe('running');
    clock.advance(1000);
    d.tick();
    expect(container('ss').state).toMatchObject({ Running: false, ExitCode: 0, FinishedAt: START + 70_000 });
  });
});

describe('restart policies', () => {
  it('always: back-off doubles from 100 ms; a manual stop ends the loop', () => {
    run('rr', { Cmd: ['sh', '-c', 'exit 2'], HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } });
    expect(statusOf(container('rr').state)).toBe('restarting');
    const starts = () => d.events.history.filter((e) => e.Action === 'start').map((e) => e.time * 1000 + Math.floor(e.timeNano / 1e6) % 1000 - START);
    clock.advance(1600);
    d.tick();
    expect(starts()).toEqual([0, 100, 300, 700, 1500]);
    expect(container('rr').restartCount).toBe(5);
    req('POST', '/containers/rr/stop');
    clock.advance(600_000);
    d.tick();
    expect(statusOf(container('rr').state)).toBe('exited');
  });
  it('on-failure:N gives up after N restarts; on-failure ignores exit 0', () => {
    run('ff', { Cmd: ['sh', '-c', 'exit 1'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } } });
    clock.advance(10_000);
    d.tick();
    expect(container('ff').restartCount).toBe(2);
    expect(statusOf(container('ff').state)).toBe('exited');
    run('zz', { Cmd: ['true'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 0 } } });
    expect(statusOf(container('zz').state)).toBe('exited');
  });
  it('a wait on an on-failure container lets the retries run out', () => {
    req('POST', '/containers/create', { name: 'ww' }, { Image: 'busybox', Cmd: ['sh', '-c', 'exit 5'], HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } } });
    const wait = d.api.request<{ subscribe: (f: (c: { StatusCode: number }) => void, e: () => void) => () => void }>({ method: 'POST', path: '/containers/ww/wait', query: { condition: 'next-exit' } });
    req('POST', '/containers/ww/start');
    let code = -1;
    wait.body.subscribe((c) => (code = c.StatusCode), () => {});
    expect(code).toBe(5);
  });
  it('rejects unknown policies and --rm with a policy', () => {
    const bad = req('POST', '/containers/create', {}, { Image: 'busybox', HostConfig: { RestartPolicy: { Name: 'bogus', MaximumRetryCount: 0 } } });
    expect(bad.body.message).toBe("invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    expect(req('POST', '/containers/create', {}, { Image: 'busybox', HostConfig: { AutoRemove: true, RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } }).status).toBe(400);
  });
});

describe('ports', () => {
  const publish = (host: string) => ({ Cmd: ['sleep', '1000'], HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: host }] } } });
  it('one running owner per host port; the loser stays created with State.Error; a stop frees it', () => {
    run('p1', publish('8080'));
    const res = run('p2', publish('8080'));
    expect(res.status).toBe(500);
    expect(res.body.message).toMatch(/^failed to set up container networking: driver failed programming external connectivity on endpoint p2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/);
    expect(container('p2').state).toMatchObject({ StartedAt: 0, ExitCode: 128, Error: res.body.message });
    req('POST', '/containers/p1/stop', { t: '0' });
    expect(req('POST', '/containers/p2/start').status).toBe(204);
    expect(container('p2').ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
  });
  it('an empty host port comes from the ephemeral range; different IPs do not clash', () => {
    run('e1', publish(''));
    run('e2', publish(''));
    expect(container('e1').ports['80/tcp']![0]!.HostPort).toBe('32768');
    expect(container('e2').ports['80/tcp']![0]!.HostPort).toBe('32769');
    run('l1', { Cmd: ['sleep', '1'], HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '9000' }] } } });
    expect(run('l2', { Cmd: ['sleep', '1'], HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.2', HostPort: '9000' }] } } }).status).toBe(204);
  });
});

describe('names', () => {
  it('generates docker-style names from the seed, unique, never boring_wozniak', () => {
    let i = 0;
    const seq = [0.07, 0.99];
    expect(randomName(() => seq[i++ % 2]!, 0)).toMatch(/^[a-z]+_[a-z]+$/);
    run('x1', { Cmd: ['true'] });
    for (let n = 0; n < 50; n++) req('POST', '/containers/create', {}, { Image: 'busybox', Cmd: ['true'] });
    const names = Object.values(d.state.containers).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^\/([a-z]+_[a-z]+\d?|x1)$/.test(n))).toBe(true);
  });
  it('refuses a name in use and invalid names with the daemon text', () => {
    run('web', { Cmd: ['true'] });
    const id = container('web').id;
    expect(req('POST', '/containers/create', { name: 'web' }, { Image: 'busybox' }).body.message).toBe(
      `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    expect(req('POST', '/containers/create', { name: 'bad name' }, { Image: 'busybox' }).body.message).toBe('Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    expect(req('POST', '/containers/web/rename', { name: 'web' }).body.message).toBe('Renaming a container with the same name as its current name');
  });
});

describe('snapshot', () => {
  it('restores to a daemon that answers the same, timers included', () => {
    run('ss', { Cmd: ['sh', '-c', 'echo a; sleep 5; echo b'] });
    run('rr', { Cmd: ['sh', '-c', 'exit 2'], HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } });
    const snap = JSON.parse(JSON.stringify(d.snapshot()));
    const other = new Daemon({ clock: new ManualClock(0), ids: new IdSource(99) });
    other.restore(snap);
    for (const x of [d, other]) {
      x.clock.advance(6000);
      x.tick();
    }
    const view = (x: Daemon) => [x.api.request({ method: 'GET', path: '/containers/json', query: { all: '1' } }).body, x.api.request({ method: 'GET', path: '/containers/ss/logs', query: { stdout: '1' } }).body, x.ids.hex64(), x.events.history.length];
    expect(view(other)).toEqual(view(d));
  });
});
