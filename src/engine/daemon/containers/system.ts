// SystemServices for a process in a container: its file system, the network as its namespace sees it,
// the container's process table and kill(2). Programs (the shell's applets) get it as ProgramContext.sys
// and never touch daemon state directly.
import type { FileSystem } from '../../fs/types';
import type { ProcessInfo, SystemServices } from '../../shell/services';
import type { Daemon } from '../daemon';
import { containerNet, parseUrl } from '../net/services';
import { normaliseSignal, SIGNAL_NUMBERS } from '../process/plan';
import { HOST_NAME } from '../system-info';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { processEntries, type Caller, type ProcessEntry } from './processes';
import { signalFromInside } from './runtime';

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** /etc/passwd as name → account ('' when the file system has none). */
function passwd(fs: FileSystem | null): Account[] {
  // stat first: a thrown FsError costs a stack trace, and busybox-static has no passwd at all
  if (!fs || fs.stat('/etc/passwd')?.type !== 'file') return [];
  return fs
    .readFile('/etc/passwd')
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 4 && /^\d+$/.test(f[2]!) && /^\d+$/.test(f[3]!))
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]) }));
}

/**
 * `--user` / the image's USER ('', 'name', 'uid', 'name:group', 'uid:gid') as the account a process
 * runs as. A uid without a passwd entry has no name: tools print the number, as busybox `ps` does.
 */
export function accountOf(spec: string, fs: FileSystem | null): Account {
  const accounts = passwd(fs);
  const [who = '', group] = spec.split(':');
  const byName = accounts.find((a) => a.name === (who || 'root'));
  const uid = /^\d+$/.test(who) ? Number(who) : (byName?.uid ?? 0);
  const known = accounts.find((a) => a.uid === uid);
  const gid = group !== undefined && /^\d+$/.test(group) ? Number(group) : (known?.gid ?? uid);
  return { name: known?.name ?? (who && !/^\d+$/.test(who) ? who : String(uid)), uid, gid };
}

const info = (p: ProcessEntry, fs: FileSystem | null): ProcessInfo => ({
  pid: p.pid,
  ppid: p.ppid,
  user: accountOf(p.userSpec, fs).name,
  command: p.command,
  startedAt: p.startedAt,
  rss: p.rss,
  vsz: p.vsz,
  stat: p.stat,
  tty: p.tty,
});

/** kill(2) from `caller` inside container `c` to namespace PID `pid`: '' or the errno text. */
function killInside(d: Daemon, c: ContainerRecord, caller: Account, fs: FileSystem | null, pid: number, signal: string): string {
  const sig = normaliseSignal(signal);
  if (!sig) return 'Invalid argument';
  const target = processEntries(d, c).find((p) => p.pid === pid);
  if (!target) return 'No such process';
  if (caller.uid !== 0 && accountOf(target.userSpec, fs).uid !== caller.uid) return 'Operation not permitted';
  // a server's worker dies and its master starts another in its place: nothing changes for long
  if (target.role === 'child') return '';
  if (target.role !== 'exec') {
    signalFromInside(d, c, sig, target.role === 'init-child');
    return '';
  }
  // an exec'd program has no handlers and is not PID 1: the default action ends it
  const x = target.exec!;
  if (['CHLD', 'CONT', 'URG', 'WINCH'].includes(sig)) return '';
  Object.assign(x, { running: false, endsAt: undefined, exitCode: 128 + SIGNAL_NUMBERS[sig]! });
  containerEvent(d, c, 'exec_die', { execID: x.id, exitCode: String(x.exitCode) });
  return '';
}

/**
 * The services of a process in `c` with file system `fs`; `self` is the process being started (an
 * exec instance, or the main process): ps lists it while its program runs.
 */
export function containerSystem(d: Daemon, c: ContainerRecord, fs: FileSystem, self?: Caller): SystemServices {
  // looked up on first use: most programs never ask who they are
  let account: Account | undefined;
  const user = () => (account ??= accountOf((self && 'user' in self ? self.user : '') || c.config.User, fs));
  return {
    fs,
    net: containerNet(d, c),
    // --network host shares the host's UTS view of the network: its name
    hostname: c.hostConfig.NetworkMode === 'host' ? HOST_NAME : c.config.Hostname,
    get user() {
      return user();
    },
    processes: () => processEntries(d, c, self).map((p) => info(p, fs)),
    kill: (pid, signal) => killInside(d, c, user(), fs, pid, signal),
  };
}

/**
 * The services of a process with no container around it (unit tests of programs, and what a program
 * sees where nothing else is wired): `fs`, loopback only (as under `--network none`), no other processes.
 */
export function isolatedSystem(fs: FileSystem, hostname = 'localhost'): SystemServices {
  const local = (name: string) => name === 'localhost' || name === hostname || /^127\./.test(name);
  return {
    fs,
    net: {
      resolve: (name) => (local(name) ? { ip: /^127\./.test(name) ? name : '127.0.0.1' } : { error: 'unreachable' }),
      ping: (host) => (local(host) ? { ip: /^127\./.test(host) ? host : '127.0.0.1', ttl: 64, rttMs: 0.05 } : /^[\d.]+$/.test(host) ? { ip: host, error: 'unreachable' } : { error: 'bad-address' }),
      http(req) {
        const url = parseUrl(req.url);
        if (!url) return { error: 'bad-address', host: req.url, port: 80 };
        return local(url.host) ? { error: 'refused', host: '127.0.0.1', port: url.port } : { error: /^[\d.]+$/.test(url.host) ? 'unreachable' : 'bad-address', host: url.host, port: url.port };
      },
    },
    hostname,
    user: { name: 'root', uid: 0, gid: 0 },
    processes: () => [],
    kill: () => 'No such process',
  };
}
