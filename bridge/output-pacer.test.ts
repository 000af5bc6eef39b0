import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputPacer, SLICE_MS } from './output-pacer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function pacer(bytesPerSecond: number, maxQueued = 1e9) {
  const sent: string[] = [];
  const events: string[] = [];
  let congested = false;
  const p = new OutputPacer({ bytesPerSecond, maxQueued, send: (d) => sent.push(d), congested: () => congested, pause: () => events.push('pause'), resume: () => events.push('resume') });
  return { p, sent, events, congest: (on: boolean) => (congested = on) };
}

describe('output pacing', () => {
  it('sends at once within the rate, then one slice’s worth per slice, in order and complete', () => {
    const { p, sent } = pacer(10_000); // 1000 bytes per slice
    for (let i = 0; i < 10; i++) p.push(String(i).repeat(500));
    expect(sent.join('')).toHaveLength(1000);
    vi.advanceTimersByTime(SLICE_MS);
    expect(sent.join('')).toHaveLength(2000);
    vi.advanceTimersByTime(3 * SLICE_MS);
    expect(sent.join('')).toHaveLength(5000);
    expect(p.drained).toBe(true);
    expect(sent.map((s) => s[0]).join('')).toBe('0123456789');
  });

  it('makes a big chunk pay for itself before the next one goes', () => {
    const { p, sent } = pacer(10_000);
    p.push('x'.repeat(5000));
    p.push('y');
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(4 * SLICE_MS);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(2 * SLICE_MS);
    expect(sent).toEqual(['x'.repeat(5000), 'y']);
  });

  it('pauses the command only for a flood, and resumes it once half the queue is out', () => {
    const { p, events } = pacer(10_000, 2000);
    for (let i = 0; i < 4; i++) p.push('z'.repeat(500));
    expect(events).toEqual([]);
    for (let i = 0; i < 4; i++) p.push('z'.repeat(500));
    expect(events).toEqual(['pause']);
    vi.advanceTimersByTime(SLICE_MS);
    expect(events).toEqual(['pause']);
    vi.advanceTimersByTime(SLICE_MS);
    expect(events).toEqual(['pause', 'resume']);
  });

  it('waits while the receiver is congested', () => {
    const { p, sent, congest } = pacer(1e9);
    congest(true);
    p.push('a');
    vi.advanceTimersByTime(5 * SLICE_MS);
    expect(sent).toEqual([]);
    congest(false);
    vi.advanceTimersByTime(SLICE_MS);
    expect(sent).toEqual(['a']);
  });
});
