// The lookups kept beside the state (container names, addresses held per network, the timeline's pending
// work) must answer exactly as a scan of the state would: after renames and removals, across idle ticks,
// and after a restore replaces the state objects.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { IdSource } from '../../ids';
import { Daemon } from '../daemon';
import { containerByName, findContainer } from './store';

const START = Date.parse('2026-11-23T12:00:00Z');
let d: Daemon;
let clock: ManualClock;
const req = (method: 'GET' | 'POST' | 'DELETE', path: string, query?: Record<string, string>, body?: unknown) =>
  d.api.request<{ message: string; Id?: string }>({ method, path, query, body });

function run(name: string, cmd: string[], hostConfig: Record<string, unknown> = {}) {
  const body = { Image: 'busybox', Cmd: cmd, HostConfig: hostConfig };
  expect(req('POST', '/containers/create', { name }, body).status).toBe(201);
  return req('POST', `/containers/${name}/start`);
}

const ipOf = (name: string) =>
  Object.values(d.state.networks.networks).flatMap((n) => Object.values(n.endpoints)).find((e) => e.name === name)?.ipv4;

/** lets simulated time pass the way the engine does between commands: small steps, a tick after each */
function idle(ms: number, step = 10) {
  for (let t = 0; t < ms; t += step) {
    clock.advance(step);
    d.tick();
  }
}

beforeEach(() => {
  clock = new ManualClock(START);
  d = new Daemon({ clock, ids: new IdSource(3) });
  d.presetImages(['busybox:latest']);
});

describe('container names', () => {
  it('follow create, rename and remove', () => {
    run('one', ['sleep', '100']);
    const one = findContainer(d.state, 'one')!;
    expect(req('POST', '/containers/one/rename', { name: 'two' }).status).toBe(204);
    expect(containerByName(d.state, '/one')).toBeUndefined();
    expect(containerByName(d.state, '/two')).toBe(one);
    expect(req('DELETE', '/containers/two', { force: '1' }).status).toBe(204);
    expect(findContainer(d.state, 'two')).toBeUndefined();
    // the name is free again
    expect(run('two', ['sleep', '1']).status).toBe(204);
  });

  it('are found in a restored state, and not in the one it replaced', () => {
    run('kept', ['sleep', '100']);
    const snap = d.snapshot();
    run('later', ['sleep', '100']);
    d.restore(snap);
    expect(findContainer(d.state, 'kept')).toBe(d.state.containers[findContainer(d.state, 'kept')!.id]);
    expect(findContainer(d.state, 'later')).toBeUndefined();
    expect(run('later', ['sleep', '100']).status).toBe(204);
  });
});

describe('addresses held on a network', () => {
  it('are handed out serially, released on stop, and known again after a restore', () => {
    run('a1', ['sleep', '1000']);
    run('a2', ['sleep', '1000']);
    expect([ipOf('a1'), ipOf('a2')]).toEqual(['172.17.0.2', '172.17.0.3']);
    req('POST', '/containers/a1/kill');
    run('a3', ['sleep', '1000']);
    expect(ipOf('a3')).toBe('172.17.0.4');
    d.restore(d.snapshot());
    run('a4', ['sleep', '1000']);
    expect(ipOf('a4')).toBe('172.17.0.5');
  });

  it('are never given twice when a subnet wraps around', () => {
    expect(req('POST', '/networks/create', undefined, { Name: 'tiny', IPAM: { Config: [{ Subnet: '10.5.0.0/29' }] } }).status).toBe(201);
    // a /29 has 5 host addresses after the gateway: .2 to .6
    for (const n of ['t1', 't2', 't3', 't4', 't5']) run(n, ['sleep', '1000'], { NetworkMode: 'tiny' });
    req('POST', '/containers/t2/kill');
    run('t6', ['sleep', '1000'], { NetworkMode: 'tiny' });
    expect(ipOf('t6')).toBe('10.5.0.3');
    expect(run('t7', ['sleep', '1000'], { NetworkMode: 'tiny' }).status).toBe(403);
  });
});

describe('the timeline between commands', () => {
  it('ends a sleep at its own instant after many idle ticks', () => {
    run('short', ['sleep', '2']);
    run('long', ['sleep', '100']);
    idle(3000);
    const short = findContainer(d.state, 'short')!;
    expect(short.state).toMatchObject({ Running: false, ExitCode: 0, FinishedAt: START + 2000 });
    expect(findContainer(d.state, 'long')!.state.Running).toBe(true);
  });

  it('writes repeating output as it falls due, and resumes a paused plan later', () => {
    run('loop', ['sh', '-c', 'while true; do echo tick; sleep 1; done']);
    idle(2500);
    const loop = findContainer(d.state, 'loop')!;
    const written = loop.logs.length;
    expect(written).toBeGreaterThanOrEqual(3);
    req('POST', '/containers/loop/pause');
    idle(5000);
    expect(loop.logs.length).toBe(written);
    req('POST', '/containers/loop/unpause');
    idle(2000);
    expect(loop.logs.length).toBe(written + 2);
  });

  it('restarts on its back-off, and after a restore', () => {
    run('flaky', ['sh', '-c', 'sleep 1; exit 3'], { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } });
    idle(1500);
    expect(findContainer(d.state, 'flaky')!.restartCount).toBe(1);
    d.restore(d.snapshot());
    idle(1500);
    expect(findContainer(d.state, 'flaky')!.restartCount).toBe(2);
  });

  it('ends a detached exec when it is due', () => {
    run('host', ['sleep', '100']);
    const exec = req('POST', '/containers/host/exec', undefined, { Cmd: ['sleep', '2'] }).body.Id!;
    req('POST', `/exec/${exec}/start`, undefined, { Detach: true });
    expect(d.state.execs[exec]!.running).toBe(true);
    idle(2500);
    expect(d.state.execs[exec]!.running).toBe(false);
  });
});
