import { describe, expect, it } from 'vitest';
import { rfc3339Nano, rfc3339NanoFixed, timeAgo } from './time';

describe('time formatting', () => {
  const t = Date.UTC(2024, 0, 2, 3, 4, 5, 670);
  it('timeAgo appends " ago"', () => {
    expect(timeAgo(t + 500, t)).toBe('Less than a second ago');
    expect(timeAgo(t + 65_000, t)).toBe('About a minute ago');
  });
  it('RFC3339Nano drops trailing zeros like Go', () => {
    expect(rfc3339Nano(t)).toBe('2024-01-02T03:04:05.67Z');
    expect(rfc3339Nano(t, 123_456)).toBe('2024-01-02T03:04:05.670123456Z');
    expect(rfc3339Nano(Date.UTC(2024, 0, 2))).toBe('2024-01-02T00:00:00Z');
  });
  it('RFC3339NanoFixed keeps nine digits (logs -t)', () => {
    expect(rfc3339NanoFixed(t)).toBe('2024-01-02T03:04:05.670000000Z');
  });
});
