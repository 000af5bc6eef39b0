// The slice of /proc a container's programs read: one directory per process (cmdline, comm, status),
// /proc/mounts (what `df` and `mount` list), /proc/self, version, uptime. Generated from daemon state
// each time the file system is assembled, mounted read-only; nothing of it is stored.
import type { Daemon } from '../daemon';
import { dir, file, symlink, type DirNode, type Node } from '../../fs/node';
import type { ContainerRecord } from './model';
import { processEntries } from './processes';
import { tmpfsPaths } from './rootfs';

const KERNEL = 'Linux version 6.8.0-60-generic (buildd@lcy02-amd64-098) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025\n';

/** /proc/mounts lines: the overlay root, the kernel file systems, then the container's own mounts. */
function mountsText(c: ContainerRecord): string {
  const ro = (rw: boolean) => (rw ? 'rw' : 'ro');
  const lines = [
    `overlay / overlay ${ro(!c.hostConfig.ReadonlyRootfs)},relatime,lowerdir=/var/lib/docker/overlay2/l/image:/var/lib/docker/overlay2/l/init,upperdir=/var/lib/docker/overlay2/${c.id}/diff,workdir=/var/lib/docker/overlay2/${c.id}/work 0 0`,
    'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
    'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
    'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0',
    'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0',
    'shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0',
    ...tmpfsPaths(c).map((p) => `tmpfs ${p} tmpfs rw,nosuid,nodev,noexec,relatime 0 0`),
    ...c.mounts.filter((m) => m.Type !== 'tmpfs').map((m) => `/dev/vda ${m.Destination} ext4 ${ro(m.RW)},relatime 0 0`),
    ...['resolv.conf', 'hostname', 'hosts'].map((f) => `/dev/vda /etc/${f} ext4 rw,relatime 0 0`),
  ];
  return lines.join('\n') + '\n';
}

export function procTree(d: Daemon, c: ContainerRecord): DirNode {
  const now = d.now();
  const m = { mtime: now };
  const entries: Record<string, Node> = {};
  const procs = processEntries(d, c);
  for (const p of procs) {
    const name = p.argv[0]?.split('/').pop() ?? '';
    entries[String(p.pid)] = dir(
      {
        cmdline: file(p.argv.map((a) => a + '\0').join(''), { ...m, mode: 0o444 }),
        comm: file(`${name.slice(0, 15)}\n`, { ...m }),
        status: file(`Name:\t${name.slice(0, 15)}\nState:\t${p.stat === 'T' ? 'T (stopped)' : 'S (sleeping)'}\nPid:\t${p.pid}\nPPid:\t${p.ppid}\nVmRSS:\t${Math.round(p.rss / 1024)} kB\n`, { ...m, mode: 0o444 }),
      },
      { ...m, mode: 0o555 },
    );
  }
  const started = c.state.StartedAt || now;
  entries['mounts'] = file(mountsText(c), { ...m, mode: 0o444 });
  entries['version'] = file(KERNEL, { ...m, mode: 0o444 });
  entries['uptime'] = file(`${((now - started) / 1000 + 86_400).toFixed(2)} 0.00\n`, { ...m, mode: 0o444 });
  if (procs.length) entries['self'] = symlink(String(procs[procs.length - 1]!.pid), m);
  return dir(entries, { ...m, mode: 0o555 });
}
