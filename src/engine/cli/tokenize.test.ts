import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

const words = (line: string, env: Record<string, string> = {}) => tokenize(line, { env });

describe('tokenize (POSIX shell words)', () => {
  it('splits on blanks and keeps quoted text whole', () => {
    expect(words(`docker run  -e "A=b c" 'x  y' busybox`).words).toEqual(['docker', 'run', '-e', 'A=b c', 'x  y', 'busybox']);
  });
  it('handles escapes the way sh does', () => {
    expect(words(String.raw`a\ b "q\"x" "\$HOME" 'no\escape' "keep\n"`).words).toEqual(['a b', 'q"x', '$HOME', 'no\\escape', 'keep\\n']);
  });
  it('joins backslash-newline continuations', () => {
    expect(words('docker run \\\n  -d busybox').words).toEqual(['docker', 'run', '-d', 'busybox']);
  });
  it('expands variables, splitting unquoted expansions only', () => {
    const env = { NAME: 'web', ARGS: 'sleep  60', EMPTY: '' };
    expect(words('echo $NAME ${NAME}x "$ARGS" $ARGS $EMPTY "$EMPTY" $UNSET pre$UNSET', env).words).toEqual([
      'echo',
      'web',
      'webx',
      'sleep  60',
      'sleep',
      '60',
      '',
      'pre',
    ]);
  });
  it('drops comments', () => {
    expect(words('docker ps # list them').words).toEqual(['docker', 'ps']);
    expect(words('docker run a#b').words).toEqual(['docker', 'run', 'a#b']);
  });
  it('keeps empty quoted words', () => {
    expect(words(`docker run "" ''`).words).toEqual(['docker', 'run', '', '']);
  });
  it('reports unbalanced quotes like bash', () => {
    expect(words('docker run "busybox').error).toBe('unexpected EOF while looking for matching `"\'');
    expect(words("docker run 'busybox").error).toBe("unexpected EOF while looking for matching `''");
  });
  it('refuses shell operators and, without a hook, command substitution', () => {
    expect(words('docker ps | grep x').error).toMatch(/^syntax error near unexpected token `\|'/);
    expect(words('docker run -v $(pwd):/app busybox').error).toMatch(/^command substitution is not available here/);
  });
  it('delegates command substitution to a hook', () => {
    const r = tokenize('docker run -v "$(pwd)":/app busybox `echo ls`', { substitute: (c) => (c === 'pwd' ? '/home/me\n' : 'ls') });
    expect(tokenize('x $(nope)', { substitute: () => undefined }).error).toBe('command substitution is not available here: nope');
    expect(r.words).toEqual(['docker', 'run', '-v', '/home/me:/app', 'busybox', 'ls']);
  });
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = tokenize(s, { env: { A: 'x y' } });
        expect(Array.isArray(r.words)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(tokenize('x'.repeat(100_000) + ' "' + 'y '.repeat(50_000) + '"').words).toHaveLength(2);
  });
});
