import { describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_START } from './create-engine';

describe('createEngine', () => {
  it('advances simulated time a little per command and records the API trace', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const before = e.clock.now();
    const r = e.exec('docker volume create data');
    expect(before).toBe(DEFAULT_START);
    expect(e.clock.now() - before).toBeLessThan(1000);
    expect(r).toMatchObject({ stdout: 'data\n', exit: 0 });
    expect(r.trace).toEqual([{ method: 'POST', url: '/volumes/create', status: 201 }]);
  });

  it('keeps stdout and stderr interleaved in write order, as a terminal shows them', () => {
    const r = createEngine().exec('docker run -d --name web nginx');
    expect(r.exit).toBe(0);
    expect(r.output.map((c) => c.stream)).toEqual(['stderr', 'stdout']);
    expect(r.output[0]!.text).toMatch(/^Unable to find image 'nginx:latest' locally\n/);
    expect(r.output.map((c) => c.text)).toEqual([r.stderr, r.stdout]);
  });

  it('restore(snapshot()) gives an engine that answers the same', () => {
    const a = createEngine({ images: ['busybox:latest'], seed: 3 });
    a.exec('docker volume create one');
    a.exec('docker network create net1');
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = createEngine({ seed: 99 });
    b.restore(snap);
    for (const line of ['docker network create net2', 'docker network ls', 'docker volume ls', 'docker images']) {
      expect(b.exec(line)).toEqual(a.exec(line));
    }
  });

  it('is deterministic for a seed', () => {
    const run = () => createEngine({ seed: 5, images: ['busybox:latest'] }).exec('docker network create n').stdout;
    expect(run()).toBe(run());
  });

  it('publishes daemon events to subscribers', () => {
    const e = createEngine();
    const seen: string[] = [];
    const off = e.subscribe((ev) => seen.push(`${ev.Type} ${ev.Action}`));
    e.exec('docker volume create data');
    off();
    e.exec('docker volume create other');
    expect(seen).toEqual(['volume create']);
  });

  it('hands a following command (logs -f) to the caller as a stream it can close', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    e.exec(`docker run -d --name web busybox sh -c 'while true; do echo hi; sleep 1; done'`);
    const r = e.exec('docker logs -f web', { follow: true });
    expect(r.stdout).toBe('hi\n');
    let streamed = '';
    const handle = r.follow!({ out: (t) => (streamed += t), err: (t) => (streamed += t) });
    e.clock.advance(2000);
    e.exec('docker ps -q');
    handle.close();
    e.clock.advance(5000);
    e.exec('docker ps -q');
    expect(streamed).toBe('hi\nhi\n');
    expect(e.exec('docker logs web').follow).toBeUndefined();
  });
});
