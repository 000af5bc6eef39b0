import { describe, expect, it } from 'vitest';
import { cidrString, nextFreePool, parseCidr } from './ipam';

describe('default address pools', () => {
  it('hands out 172.17–31/16, then 192.168.x.0/20, skipping overlaps', () => {
    const taken = [parseCidr('172.17.0.0/16')!];
    expect(cidrString(nextFreePool(taken)!)).toBe('172.18.0.0/16');
    taken.push(parseCidr('172.18.5.0/24')!);
    expect(cidrString(nextFreePool(taken)!)).toBe('172.19.0.0/16');
    for (let b = 19; b <= 31; b++) taken.push(parseCidr(`172.${b}.0.0/16`)!);
    expect(cidrString(nextFreePool(taken)!)).toBe('192.168.0.0/20');
    for (let c = 0; c < 256; c += 16) taken.push(parseCidr(`192.168.${c}.0/20`)!);
    expect(nextFreePool(taken)).toBeUndefined();
  });
  it('masks the network address', () => {
    expect(cidrString(parseCidr('10.123.0.77/24')!)).toBe('10.123.0.0/24');
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });
});
