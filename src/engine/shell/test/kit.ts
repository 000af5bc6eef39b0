// Test fixtures for the shell: a busybox, Alpine-like or Debian file tree with fake network and
// process services, and helpers to run scripts and sessions on them.
import { treeFs } from '../../fs/tree';
import { busyboxHub, busyboxStatic } from '../../registry/contents/busybox';
import { DEBIAN_RELEASES, debianRoot } from '../../registry/contents/debian';
import type { DirNode } from '../../fs/node';
import type { Run } from '../../daemon/process/program';
import type { ShellKind } from '../flavours';
import { runShellCommand, type ShellOptions } from '../run';
import type { HttpResult, NetServices, ProcessInfo, SystemServices } from '../services';

export const T0 = Date.UTC(2026, 10, 23, 11, 30, 0);

/** a network with db (172.18.0.3) serving HTTP on 80, `closed` (172.18.0.4) refusing, `lost` not answering */
export const net: NetServices = {
  resolve: (name) => (name === 'db' ? { ip: '172.18.0.3' } : name === 'closed' ? { ip: '172.18.0.4' } : name === 'lost' ? { ip: '172.18.0.9' } : /^\d+\.\d+\.\d+\.\d+$/.test(name) ? { ip: name } : { error: 'bad-address' }),
  ping: (host) => {
    if (host === 'db' || host === '172.18.0.3') return { ip: '172.18.0.3', ttl: 64, rttMs: 0.081 };
    if (host === 'lost') return { ip: '172.18.0.9', error: 'timeout' };
    if (host === '8.8.8.8') return { ip: '8.8.8.8', error: 'unreachable' };
    return { error: 'bad-address' };
  },
  http: ({ url }): HttpResult => {
    const host = /^\w+:\/\/([^/:]+)/.exec(url)![1]!;
    if (host === 'db') return url.endsWith('/missing') ? { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/html' }, body: 'nope\n' } : { status: 200, statusText: 'OK', headers: { Server: 'nginx/1.27.3', 'Content-Length': '6' }, body: 'hello\n' };
    if (host === 'closed') return { error: 'refused', host, port: 80 };
    return { error: 'bad-address', host, port: 80 };
  },
};

export function services(root: DirNode, opts: { hostname?: string; user?: string; processes?: ProcessInfo[]; kill?: SystemServices['kill'] } = {}): SystemServices {
  let now = T0;
  return {
    fs: treeFs(root, () => (now += 1000)),
    net,
    hostname: opts.hostname ?? '3f2a9c1e7b4d',
    user: { name: opts.user ?? 'root', uid: 0, gid: 0 },
    processes: () => opts.processes ?? [{ pid: 1, ppid: 0, user: opts.user ?? 'root', command: 'sh', startedAt: T0, rss: 500 * 1024, vsz: 1500 * 1024, stat: 'S', tty: 'pts/0' }],
    kill: opts.kill ?? ((pid) => (pid === 1 ? '' : 'No such process')),
  };
}

export type Image = 'busybox' | 'hub' | 'debian';

export function imageRoot(image: Image): DirNode {
  if (image === 'busybox') return busyboxStatic(T0 - 3600_000);
  if (image === 'hub') return busyboxHub('glibc', T0 - 3600_000);
  return debianRoot(DEBIAN_RELEASES['bookworm'] ?? Object.values(DEBIAN_RELEASES)[0]!, T0 - 3600_000);
}

const KIND: Record<Image, ShellKind> = { busybox: 'ash', hub: 'ash', debian: 'dash' };

export function options(image: Image = 'busybox', over: Partial<ShellOptions> = {}): ShellOptions {
  return {
    kind: KIND[image],
    sys: services(imageRoot(image)),
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: image === 'busybox' ? '/' : '/root', HOSTNAME: '3f2a9c1e7b4d' },
    cwd: '/',
    now: T0,
    pid: 1,
    stdin: '',
    programs: () => undefined,
    minimal: image === 'busybox',
    ...over,
  };
}

/** stdout and stderr text of a run (lines joined with \n), its exit code and duration */
export function texts(run: Run): { out: string; err: string; code: number; duration: number } {
  const join = (stream: 'stdout' | 'stderr') => run.output.filter((l) => l.stream === stream).map((l) => l.text + (l.partial ? '' : '\n')).join('');
  return { out: join('stdout'), err: join('stderr'), code: run.code, duration: run.duration };
}

/** runs `sh -c script` on a fresh image tree (or the given options) */
export function sh(script: string, image: Image = 'busybox', over: Partial<ShellOptions> = {}) {
  const opts = options(image, over);
  return { ...texts(runShellCommand(['sh', '-c', script], opts)), fs: opts.sys.fs };
}
