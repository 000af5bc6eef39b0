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

  it('runs host shell lines: a file written on the host is bind-mounted into a container', () => {
    const lines = ['echo from-host > note.txt', 'ls', 'docker run --rm -v "$PWD":/app busybox cat /app/note.txt', 'echo $(docker images -q | wc -l)', 'clear'];
    const r = sim(['--json', '--images', 'busybox:latest'], lines.join('\n') + '\n');
    const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs.map((o) => o.stdout)).toEqual(['', 'note.txt\n', 'from-host\n', '1\n', '']);
    expect(objs.map((o) => o.exit)).toEqual([0, 0, 0, 0, 0]);
    expect(objs[4]).toEqual({ cmd: 'clear', stdout: '', stderr: '', exit: 0, clear: true });
  });

  it('--tty: -it opens a session that takes the following lines until it ends', () => {
    const lines = ['docker run -it --name s1 busybox sh', 'echo $((6*7))', 'exit 3', "docker ps -a --format '{{.Status}}'"];
    const r = sim(['--json', '--tty', '--images', 'busybox:latest'], lines.join('\n') + '\n');
    const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs).toEqual([
      { cmd: lines[0], stdout: '/ # ', stderr: '', exit: 0 },
      { cmd: lines[1], stdout: '42\r\n/ # ', stderr: '', exit: 0, session: true },
      { cmd: lines[2], stdout: '', stderr: '', exit: 3, session: true },
      { cmd: lines[3], stdout: 'Exited (3) Less than a second ago\n', stderr: '', exit: 0 },
    ]);
  });

  it('without --tty, -it is refused as docker refuses piped input', () => {
    const r = sim(['--json', '--images', 'busybox:latest'], 'docker run -it busybox sh\n');
    expect(JSON.parse(r.stdout)).toEqual({ cmd: 'docker run -it busybox sh', stdout: '', stderr: 'the input device is not a TTY\n', exit: 1 });
  });
});
