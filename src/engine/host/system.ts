// SystemServices of the learner's host: the host folder, the network as the host sees it (published
// ports on localhost, no container names), and a process table holding the learner's own shell.
import type { Daemon } from '../daemon/daemon';
import { hostFs } from '../daemon/host-folder';
import { hostNet } from '../daemon/net/services';
import { HOST_NAME } from '../daemon/system-info';
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
    fs: hostFs(d),
    net: hostNet(d),
    hostname: HOST_NAME,
    user: HOST_USER,
    processes: () => [shell],
    // the learner's interactive bash ignores TERM and INT; other host processes are not the simulator's
    kill: (pid) => (pid === HOST_SHELL_PID ? '' : pid === 1 ? 'Operation not permitted' : 'No such process'),
  };
}
