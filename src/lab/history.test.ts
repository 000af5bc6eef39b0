import { describe, expect, it } from 'vitest';
import { History, HISTORY_LIMIT } from './history';

describe('History', () => {
  it('walks back and forward and restores the draft past the newest entry', () => {
    const h = new History(['docker ps']);
    h.add('docker images');
    expect(h.up('docker v')).toBe('docker images');
    expect(h.up('docker images')).toBe('docker ps');
    expect(h.up('docker ps')).toBeUndefined();
    expect(h.down()).toBe('docker images');
    expect(h.down()).toBe('docker v');
    expect(h.down()).toBeUndefined();
  });
  it('skips blank lines and immediate repeats, and keeps the newest entries', () => {
    const h = new History();
    for (const l of ['a', 'a', '  ', 'b', 'a']) h.add(l);
    expect(h.list()).toEqual(['a', 'b', 'a']);
    const long = new History(Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => `c${i}`));
    expect(long.list()).toHaveLength(HISTORY_LIMIT);
    expect(long.list()[0]).toBe('c5');
  });
});
