import { describe, expect, it } from 'vitest';
import { bytesSize, humanDuration, humanSize, humanSizeWithPrecision } from './units';

describe('humanDuration (go-units)', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [119_000, 'About a minute'],
    [120_000, '2 minutes'],
    [59 * 60_000, '59 minutes'],
    [60 * 60_000, 'About an hour'],
    [89 * 60_000, 'About an hour'],
    [90 * 60_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [13 * 86_400_000, '13 days'],
    [14 * 86_400_000, '2 weeks'],
    [59 * 86_400_000, '8 weeks'],
    [60 * 86_400_000, '2 months'],
    [729 * 86_400_000, '24 months'],
    [730 * 86_400_000, '2 years'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('sizes', () => {
  it.each([
    [0, '0B'],
    [4, '4B'],
    [646, '646B'],
    [1520, '1.52kB'],
    [12_345, '12.3kB'],
    [1_984_000, '1.98MB'],
    [183_000_000, '183MB'],
    [1_090_000_000, '1.09GB'],
    [999_999, '1e+03kB'],
    [1125, '1.12kB'], // Go rounds exact ties to even
    [1135, '1.14kB'],
  ])('humanSizeWithPrecision(%d, 3) = %s', (n, s) => expect(humanSizeWithPrecision(n, 3)).toBe(s));

  it('humanSize uses 4 significant digits', () => {
    expect(humanSize(1_984_123)).toBe('1.984MB');
    expect(humanSize(0)).toBe('0B');
  });

  it.each([
    [0, '0B'],
    [327_680, '320KiB'],
    [1_212_153, '1.156MiB'],
    [25_275_334_656, '23.54GiB'],
  ])('bytesSize(%d) = %s', (n, s) => expect(bytesSize(n)).toBe(s));
});
