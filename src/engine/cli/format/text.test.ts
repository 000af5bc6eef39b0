import { describe, expect, it } from 'vitest';
import { displayWidth, ellipsis, quoteGo, truncateId } from './text';

describe('text helpers', () => {
  it('truncateId drops the algorithm prefix and keeps 12 characters', () => {
    expect(truncateId('sha256:48d9c879735e9b2b6d2f7e0c5ad8f8d1e2d0f6a0')).toBe('48d9c879735e');
    expect(truncateId('b0eeb23a8d03aa11')).toBe('b0eeb23a8d03');
  });

  it('ellipsis cuts by display width with a one-cell …', () => {
    expect(ellipsis("sh -c 'sleep 0.5; echo done'", 20)).toBe("sh -c 'sleep 0.5; e…");
    expect(ellipsis('sleep 3600', 20)).toBe('sleep 3600');
    expect(ellipsis('日本語の文字列です', 7)).toBe('日本語…');
    expect(ellipsis('abc', 0)).toBe('');
  });

  it('displayWidth counts East-Asian wide runes as 2', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('…')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('quoteGo matches strconv.Quote', () => {
    expect(quoteGo('sleep 3600')).toBe('"sleep 3600"');
    expect(quoteGo('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteGo('tab\there\nnl')).toBe('"tab\\there\\nnl"');
    expect(quoteGo('\x01\x7f')).toBe('"\\x01\\x7f"');
    expect(quoteGo('héllo 日本')).toBe('"héllo 日本"');
    expect(quoteGo('\u00a0')).toBe('"\\u00a0"');
  });
});
