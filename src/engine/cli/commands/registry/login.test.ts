// Expected texts: the real CLI 28.2.2 with stdin not a terminal (and empty).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../index';

describe('login flag checks (verifyLoginFlags) and the non-TTY prompt', () => {
  const e = createEngine();
  const err = (line: string) => {
    const r = e.exec(line);
    expect(r.exit, line).toBe(1);
    return r.stderr;
  };
  it('answers like the real CLI', () => {
    const conflict = 'conflicting options: cannot specify both --password and --password-stdin\n';
    const noTty = 'Error: Cannot perform an interactive login from a non TTY device\n';
    expect(err('docker login --password a --password-stdin')).toBe(conflict);
    expect(err("docker login --password-stdin=false -p ''")).toBe(conflict);
    expect(err('docker login --password-stdin')).toBe('the --password-stdin option requires --username to be set\n');
    expect(err("docker login -u '' --password-stdin")).toBe('username is empty\n');
    expect(err("docker login -u u --password ''")).toBe('password is empty\n');
    expect(err("docker login -p ''")).toBe('password is empty\n');
    expect(err('docker login -u u --password-stdin')).toBe(noTty);
    expect(err('docker login -u u')).toBe(noTty);
    expect(err('docker login -p x')).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' + noTty);
  });
});
