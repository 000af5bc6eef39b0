import { describe, expect, it } from 'vitest';
import { decodeFilters, encodeFilters, filterMatch, filterTimestamp, parseFilterFlags } from './filters';

describe('API filters', () => {
  it('round-trips --filter flags through the query string shape', () => {
    const args = parseFilterFlags(['dangling=true', 'label=a=b', 'Label=c']);
    expect(args).toEqual({ dangling: ['true'], label: ['a=b', 'c'] });
    expect(encodeFilters(args)).toBe('{"dangling":{"true":true},"label":{"a=b":true,"c":true}}');
    expect(decodeFilters(encodeFilters(args))).toEqual(args);
    expect(encodeFilters({})).toBeUndefined();
  });
  it('parses until/since values like moby timetypes', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(filterTimestamp('1h30m', now)).toBe(now - 90 * 60_000);
    expect(filterTimestamp('1700000000', now)).toBe(1_700_000_000_000);
    expect(filterTimestamp('2026-01-01T00:00:00Z', now)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(filterTimestamp('soon', now)).toBeUndefined();
  });
  it('matches exactly or by regular expression', () => {
    expect(filterMatch('gt-net', 'gt-net2')).toBe(true);
    expect(filterMatch('^gt-net$', 'gt-net2')).toBe(false);
    expect(filterMatch('[', 'x')).toBe(false);
  });
});
