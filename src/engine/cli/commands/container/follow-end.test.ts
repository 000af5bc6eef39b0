// A follow stream (`logs -f`, an attached `run`) tells the UI when it ends by itself, so the terminal
// gives the prompt back as docker does when the container stops.
import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../../clock';
import { createEngine } from '../../../create-engine';

const follow = (line: string, setup: string[]) => {
  const engine = createEngine({ images: ['busybox:latest'] });
  for (const l of setup) engine.exec(l);
  const result = engine.exec(line, { follow: true });
  const seen = { out: '', ended: 0 };
  const handle = result.follow?.({ out: (t) => (seen.out += t), err: (t) => (seen.out += t), end: () => seen.ended++ });
  const wait = (ms: number) => ((engine.clock as ManualClock).advance(ms), engine.tick());
  return { result, seen, handle, wait };
};

describe('follow streams end', () => {
  it('`logs -f` on an exited container prints the logs and returns without a stream', () => {
    const { result } = follow('docker logs -f done', ['docker run --name done busybox echo hi']);
    expect(result.stdout).toBe('hi\n');
    expect(result.follow).toBeUndefined();
  });

  it('`logs -f` ends, and says so, when its container stops later', () => {
    const { result, seen, wait } = follow('docker logs -f talk', [`docker run -d --name talk busybox sh -c 'echo one; sleep 2; echo two'`]);
    expect(result.stdout).toBe('one\n');
    expect(seen.ended).toBe(0);
    wait(3000);
    expect(seen).toEqual({ out: 'two\n', ended: 1 });
  });

  it('a stream the UI closed first is not reported as ended', () => {
    const { seen, handle, wait } = follow('docker logs -f talk', [`docker run -d --name talk busybox sh -c 'sleep 2'`]);
    handle!.close();
    wait(3000);
    expect(seen.ended).toBe(0);
  });
});
