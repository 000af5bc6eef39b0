import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sim(args: string[], input: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('npm run --silent sim -- --json (headless contract)', () => {
  it('prints exactly one JSON object per input line, keys in order, nothing else', () => {
    const lines = ['docker images -q', 'docker stop', 'docker run "busybox', '', 'docker volume create data'];
    const r = sim(['--json', '--images', 'busybox:latest'], lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    const objs = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    objs.forEach((o, i) => {
      expect(Object.keys(o)).toEqual(['cmd', 'stdout', 'stderr', 'exit']);
      expect(o.cmd).toBe(lines[i]);
    });
    expect(objs[0]!.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(objs[1]).toMatchObject({ stdout: '', exit: 1 });
    expect(objs[1]!.stderr).toMatch(/^docker: 'docker stop' requires at least 1 argument\n/);
    expect(objs[2]).toMatchObject({ exit: 2 });
    expect(objs[3]).toEqual({ cmd: '', stdout: '', stderr: '', exit: 0 });
    expect(objs[4]).toEqual({ cmd: 'docker volume create data', stdout: 'data\n', stderr: '', exit: 0 });
  });

  it('accepts --images repeated and comma-separated', () => {
    const r = sim(
      ['--json', '--images', 'busybox:latest,alpine:latest', '--images=hello-world'],
      'docker images --format {{.Repository}}\n',
    );
    const o = JSON.parse(r.stdout) as { stdout: string };
    expect(o.stdout.split('\n').filter(Boolean).sort()).toEqual(['alpine', 'busybox', 'hello-world']);
  });

  it('answers every line of a long session', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `docker volume create vol${i}`);
    const r = sim(['--json'], lines.join('\n') + '\n');
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { stdout: string });
    expect(out.map((o) => o.stdout)).toEqual(lines.map((_, i) => `vol${i}\n`));
  });
});
