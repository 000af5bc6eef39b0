import { describe, expect, it } from 'vitest';
import { familiarString, fullString, parseAnyReference, parseNormalizedNamed, withDefaultTag } from './reference';

describe('parseNormalizedNamed', () => {
  it('normalises official, user and registry names', () => {
    expect(parseNormalizedNamed('busybox')).toEqual({
      domain: 'docker.io',
      path: 'library/busybox',
      tag: undefined,
      digest: undefined,
    });
    expect(fullString(withDefaultTag(parseNormalizedNamed('busybox')))).toBe('docker.io/library/busybox:latest');
    expect(parseNormalizedNamed('user/app:1').path).toBe('user/app');
    const reg = parseNormalizedNamed('gt-registry.local:5000/team/gt-app');
    expect([reg.domain, reg.path]).toEqual(['gt-registry.local:5000', 'team/gt-app']);
    expect(familiarString(parseNormalizedNamed('docker.io/library/nginx:alpine'))).toBe('nginx:alpine');
  });
  it('rejects malformed references with the exact texts', () => {
    expect(() => parseNormalizedNamed('UPPERCASE')).toThrow(
      'invalid reference format: repository name (library/UPPERCASE) must be lowercase',
    );
    expect(() => parseNormalizedNamed('Bad:Tag')).toThrow('repository name (library/Bad) must be lowercase');
    expect(() => parseNormalizedNamed('busybox@sha256:abc')).toThrow(/^invalid reference format$/);
    expect(() => parseNormalizedNamed('a'.repeat(64))).toThrow('cannot specify 64-byte hexadecimal strings');
  });
  it('treats 64-hex and sha256: strings as IDs', () => {
    expect(parseAnyReference('f'.repeat(64))).toEqual({ kind: 'digest', digest: 'sha256:' + 'f'.repeat(64) });
    expect(parseAnyReference('nginx').kind).toBe('named');
  });
});
