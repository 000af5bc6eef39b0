// The container state machine, operation × state, against reference §3.2 (Engine 28 wording).
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { IdSource } from '../../ids';
import { Daemon } from '../daemon';
import { statusOf } from './model';

const START = Date.parse('2026-11-23T12:00:00Z');
type State = 'created' | 'running' | 'paused' | 'restarting' | 'exited';

let d: Daemon;
const req = (method: 'GET' | 'POST' | 'DELETE', path: string, query?: Record<string, string>, body?: unknown) =>
  d.api.request<{ message: string }>({ method, path, query, body });

/** A container named `web` brought into `state` through the API. */
function make(state: State): string {
  const restarting = state === 'restarting';
  const created = req('POST', '/containers/create', { name: 'web' }, {
    Image: 'busybox',
    Cmd: restarting ? ['sh', '-c', 'exit 2'] : ['sleep', '1000'],
    HostConfig: restarting ? { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } : {},
  }) as unknown as { body: { Id: string } };
  if (state !== 'created') req('POST', '/containers/web/start');
  if (state === 'paused') req('POST', '/containers/web/pause');
  if (state === 'exited') req('POST', '/containers/web/kill');
  expect(status()).toBe(state);
  return created.body.Id;
}
const status = () => {
  const c = Object.values(d.state.containers)[0];
  return c ? statusOf(c.state) : 'gone';
};

beforeEach(() => {
  d = new Daemon({ clock: new ManualClock(START), ids: new IdSource(3) });
  d.presetImages(['busybox:latest']);
});

// [operation, state, HTTP status, message (with <id> for the full ID) or '', state afterwards]
const TABLE: [string, State, number, string, string][] = [
  ['start', 'created', 204, '', 'running'],
  ['start', 'running', 304, '', 'running'],
  ['start', 'paused', 409, 'cannot start a paused container, try unpause instead', 'paused'],
  ['start', 'restarting', 304, '', 'restarting'],
  ['start', 'exited', 204, '', 'running'],
  ['stop', 'created', 304, '', 'created'],
  ['stop', 'running', 204, '', 'exited'],
  ['stop', 'paused', 204, '', 'exited'],
  ['stop', 'restarting', 204, '', 'exited'],
  ['stop', 'exited', 304, '', 'exited'],
  ['restart', 'created', 204, '', 'running'],
  ['restart', 'running', 204, '', 'running'],
  ['restart', 'paused', 204, '', 'running'],
  ['restart', 'exited', 204, '', 'running'],
  ['kill', 'created', 409, 'cannot kill container: web: container <id> is not running', 'created'],
  ['kill', 'running', 204, '', 'exited'],
  ['kill', 'paused', 204, '', 'exited'],
  ['kill', 'restarting', 204, '', 'exited'],
  ['kill', 'exited', 409, 'cannot kill container: web: container <id> is not running', 'exited'],
  ['pause', 'created', 409, 'container <id> is not running', 'created'],
  ['pause', 'running', 204, '', 'paused'],
  ['pause', 'paused', 409, 'Container <id> is already paused', 'paused'],
  ['pause', 'restarting', 409, 'Container <id> is restarting, wait until the container is running', 'restarting'],
  ['pause', 'exited', 409, 'container <id> is not running', 'exited'],
  ['unpause', 'created', 500, 'Container <id> is not paused', 'created'],
  ['unpause', 'running', 500, 'Container <id> is not paused', 'running'],
  ['unpause', 'paused', 204, '', 'running'],
  ['unpause', 'restarting', 500, 'Container <id> is not paused', 'restarting'],
  ['unpause', 'exited', 500, 'Container <id> is not paused', 'exited'],
  ['rm', 'created', 204, '', 'gone'],
  ['rm', 'running', 409, 'cannot remove container "web": container is running: stop the container before removing or force remove', 'running'],
  ['rm', 'paused', 409, 'cannot remove container "web": container is paused and must be unpaused first', 'paused'],
  ['rm', 'restarting', 409, 'cannot remove container "web": container is restarting: stop the container before removing or force remove', 'restarting'],
  ['rm', 'exited', 204, '', 'gone'],
  ['rm -f', 'created', 204, '', 'gone'],
  ['rm -f', 'running', 204, '', 'gone'],
  ['rm -f', 'paused', 204, '', 'gone'],
  ['rm -f', 'restarting', 204, '', 'gone'],
  ['rm -f', 'exited', 204, '', 'gone'],
  ['exec', 'created', 409, 'container <id> is not running', 'created'],
  ['exec', 'running', 201, '', 'running'],
  ['exec', 'paused', 409, 'Container web is paused, unpause the container before exec', 'paused'],
  ['exec', 'restarting', 409, 'Container <id> is restarting, wait until the container is running', 'restarting'],
  ['exec', 'exited', 409, 'container <id> is not running', 'exited'],
  ['top', 'created', 409, 'container <id> is not running', 'created'],
  ['top', 'running', 200, '', 'running'],
  ['top', 'paused', 200, '', 'paused'],
  ['top', 'restarting', 409, 'Container <id> is restarting, wait until the container is running', 'restarting'],
  ['top', 'exited', 409, 'container <id> is not running', 'exited'],
];

const CALLS: Record<string, () => ReturnType<typeof req>> = {
  start: () => req('POST', '/containers/web/start'),
  stop: () => req('POST', '/containers/web/stop'),
  restart: () => req('POST', '/containers/web/restart'),
  kill: () => req('POST', '/containers/web/kill'),
  pause: () => req('POST', '/containers/web/pause'),
  unpause: () => req('POST', '/containers/web/unpause'),
  rm: () => req('DELETE', '/containers/web'),
  'rm -f': () => req('DELETE', '/containers/web', { force: '1' }),
  exec: () => req('POST', '/containers/web/exec', undefined, { Cmd: ['true'] }),
  top: () => req('GET', '/containers/web/top'),
};

describe('container state machine', () => {
  it.each(TABLE)('%s on a %s container → %i %s', (op, from, code, message, after) => {
    const id = make(from);
    const res = CALLS[op]!();
    expect(res.status).toBe(code);
    if (message) expect(res.body.message).toBe(message.replace('<id>', id));
    // a restarting container whose restart is due comes back; only judge the state the operation left
    expect(status()).toBe(after);
  });

  it('covers every operation in every reachable state', () => {
    for (const op of Object.keys(CALLS)) {
      for (const s of ['created', 'running', 'paused', 'restarting', 'exited']) {
        expect(TABLE.some(([o, st]) => o === op && st === s) || (op === 'restart' && s === 'restarting')).toBe(true);
      }
    }
  });

  it('restart of a restarting container stops the loop and starts it again', () => {
    make('restarting');
    expect(req('POST', '/containers/web/restart').status).toBe(204);
    // `sh -c 'exit 2'` exits at once, so the policy puts it straight back into restarting
    expect(status()).toBe('restarting');
  });

  it('a container marked dead or being removed cannot start', () => {
    make('exited');
    const c = Object.values(d.state.containers)[0]!;
    c.state.Dead = true;
    expect(statusOf(c.state)).toBe('dead');
    expect(req('POST', '/containers/web/start').body.message).toBe('container is marked for removal and cannot be started');
    expect(req('POST', '/containers/web/restart').body.message).toBe('Cannot restart container web: container is marked for removal and cannot be started');
    c.state.Dead = false;
    c.state.RemovalInProgress = true;
    expect(statusOf(c.state)).toBe('removing');
  });

  it('answers No such container for every operation on a missing one', () => {
    for (const [op, call] of Object.entries(CALLS)) {
      const res = call();
      expect(res.status, op).toBe(404);
      expect(res.body.message).toBe(op === 'kill' ? 'cannot kill container: web: No such container: web' : 'No such container: web');
    }
  });
});
