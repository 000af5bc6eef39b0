import { describe, expect, it } from 'vitest';
import { formatG, formatValue, goJson, goStruct, sprintf } from './gofmt';

describe('Go fmt', () => {
  it('formats %g like Go (round half to even, exponent form)', () => {
    expect(formatG(1.984, 3)).toBe('1.98');
    expect(formatG(1.125, 3)).toBe('1.12');
    expect(formatG(999.999, 3)).toBe('1e+03');
    expect(formatG(0.00001234, 3)).toBe('1.23e-05');
    expect(formatG(100, 3)).toBe('100');
  });
  it('prints values like %v', () => {
    expect(formatValue(['a', 1, null])).toBe('[a 1 <nil>]');
    expect(formatValue({ b: 1, a: { c: 'x' } })).toBe('map[a:map[c:x] b:1]');
    expect(formatValue(1_000_000.5)).toBe('1.0000005e+06');
    expect(formatValue(undefined)).toBe('<no value>');
  });
  it('implements Printf verbs and error notations', () => {
    expect(sprintf('%s|%5s|%-5s|%d|%05d|%q|%.2f|%x|%t|%%', ['a', 'b', 'c', 42, 7, 'q"', 3.14159, 255, true])).toBe(
      'a|    b|c    |42|00007|"q\\""|3.14|ff|true|%',
    );
    expect(sprintf('%d', ['x'])).toBe('%!d(string=x)');
    expect(sprintf('%s %s', ['x'])).toBe('x %!s(MISSING)');
    expect(sprintf('%s', ['x', 1])).toBe('x%!(EXTRA int=1)');
    expect(sprintf('[%99999999d]', [1])).toBe('[%!(NOVERB)%!(EXTRA int=1)');
    expect(sprintf('%.102f', [0.5])).toBe('0.5' + '0'.repeat(101));
  });
  it('marshals JSON: no HTML escaping, except for list contexts (sorted, escaped)', () => {
    expect(goJson({ b: '<x>', a: 1 })).toBe('{"b":"<x>","a":1}');
    expect(goJson(goStruct('*formatter.imageContext', { Tag: 'latest', Digest: '<none>' }, { marshalAsMap: true }))).toBe(
      '{"Digest":"\\u003cnone\\u003e","Tag":"latest"}',
    );
    expect(goJson('\u2028')).toBe('"\\u2028"');
  });
});
