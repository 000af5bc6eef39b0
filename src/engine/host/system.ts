// SystemServices of the learner's host: the host folder, the network as the host sees it (published
// ports on localhost, no container names), and a process table holding the learner's own shell.
import type { Daemon } from '../daemon/daemon';
import { hostFs } from '../daemon/host-folder';
import { hostNet } from '../daemon/net/services';
import { HOST_NAME } from '../daemon/system-info';
import { resolvePath, type FileSystem } from '../fs/types';
import type { ProcessInfo, SystemServices } from '../shell/services';
import { HOST_SHELL_PID, HOST_USER } from './host-shell';

const KiB = 1024;

export function hostSystem(d: Daemon, loginAt: number): SystemServices {
  const shell: ProcessInfo = {
    pid: HOST_SHELL_PID,
    ppid: 1,
    user: HOST_USER.name,
    command: '-bash',
    startedAt: loginAt,
    rss: 5200 * KiB,
    vsz: 8900 * KiB,
    stat: 'S',
    tty: 'pts/0',
  };
  return {
    fs: learnerFs(d),
    net: hostNet(d),
    hostname: HOST_NAME,
    user: HOST_USER,
    processes: () => [shell],
    // the learner's interactive bash ignores TERM and INT; other host processes are not the simulator's
    kill: (pid) => (pid === HOST_SHELL_PID ? '' : pid === 1 ? 'Operation not permitted' : 'No such process'),
  };
}

/** The host folder as the learner changes it (the shell, the docker CLI, the lab's editor). */
export const learnerFs = (d: Daemon): FileSystem => ownedByLearner(hostFs(d));

/** What the learner creates belongs to them (uid 1000), as on a real machine. */
function ownedByLearner(fs: FileSystem): FileSystem {
  const { uid, gid } = HOST_USER;
  /** `path` and the ancestors that do not exist yet, outermost first */
  const missing = (path: string): string[] => {
    const out: string[] = [];
    for (let p = path; p !== '/' && fs.lstat(p) === null; p = resolvePath(p, '..')) out.unshift(p);
    return out;
  };
  return {
    stat: (p) => fs.stat(p),
    lstat: (p) => fs.lstat(p),
    readFile: (p) => fs.readFile(p),
    readdir: (p) => fs.readdir(p),
    readlink: (p) => fs.readlink(p),
    remove: (p, o) => fs.remove(p, o),
    rename: (from, to) => fs.rename(from, to),
    chmod: (p, mode) => fs.chmod(p, mode),
    chown: (p, u, g) => fs.chown(p, u, g),
    writeFile(p, data, o) {
      const created = fs.lstat(p) === null;
      fs.writeFile(p, data, o);
      if (created) fs.chown(p, uid, gid);
    },
    mkdir(p, o) {
      const created = missing(p);
      fs.mkdir(p, o);
      for (const dir of created) fs.chown(dir, uid, gid);
    },
    symlink(target, p) {
      fs.symlink(target, p);
      fs.chown(p, uid, gid);
    },
  };
}
