// Expected texts: the real CLI 28.2.2 (`docker image rm --platform …` without a daemon).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../index';
import { platformError } from './platform';

describe('platformError (containerd platforms.Parse)', () => {
  it('accepts OS, arch, os/arch[/variant] and the empty (unset) value', () => {
    for (const ok of ['', 'linux', 'LINUX/AMD64', 'macos', 'x86_64', 'aarch64', 'armhf', 'linux(1.0)', 'linux/bogus', 'linux/arm64/v8']) {
      expect(platformError(ok), ok).toBeUndefined();
    }
  });
  it('words each failure like containerd', () => {
    expect(platformError('x')).toBe('"x": unknown operating system or architecture: invalid argument');
    expect(platformError('foo(1)')).toBe('"foo(1)": unknown operating system or architecture: invalid argument');
    expect(platformError('a*')).toBe('"a*": wildcards not yet supported: invalid argument');
    expect(platformError('linux/arm/v7/x')).toBe('"linux/arm/v7/x": cannot parse platform specifier: invalid argument');
    expect(platformError('linux/amd64/')).toBe(
      '"" is an invalid component of "linux/amd64/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument',
    );
    expect(platformError(' linux')).toBe(
      '" linux" is an invalid OS component of " linux": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument',
    );
  });
  it('image rm / image inspect / history check --platform before any request', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const err = '"x": unknown operating system or architecture: invalid argument\n';
    expect(e.exec('docker image rm --platform linux,x busybox')).toMatchObject({ stdout: '', stderr: err, exit: 1 });
    expect(e.exec('docker image inspect --platform x busybox')).toMatchObject({ stdout: '', stderr: err, exit: 1 });
    expect(e.exec('docker history --platform x busybox')).toMatchObject({ stdout: '', stderr: 'invalid platform: ' + err, exit: 1 });
    expect(e.exec('docker image ls -q').stdout).not.toBe('');
  });
});
