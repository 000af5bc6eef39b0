// The simulated host machine's files, as far as the course needs them: the learner's working directory
// (the build context, the source of `-v $(pwd):/app`, where `docker cp` copies to and from) and the few
// /etc files dockerd reads. Kept in daemon state so a snapshot restores what the learner wrote.
import type { Daemon } from './daemon';
import { PathFs } from '../fs/path-fs';
import { TreeRaw } from '../fs/tree';
import { dir, file, type DirNode } from '../fs/node';
import type { FileSystem } from '../fs/types';
import { HOST_NAME } from './system-info';

/** The host shell's starting directory. */
export const HOST_CWD = '/home/learner/project';
const LEARNER = { uid: 1000, gid: 1000 };

export function newHostFolder(now: number): DirNode {
  const m = { mtime: now };
  return dir(
    {
      etc: dir({
        hostname: file(`${HOST_NAME}\n`, m),
        // the learner's account, so `ls -l` in the project folder names the owner
        passwd: file('root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000:Learner:/home/learner:/bin/bash\n', m),
        group: file('root:x:0:\nlearner:x:1000:\ndocker:x:999:learner\n', m),
        hosts: file(`127.0.0.1\tlocalhost\n127.0.1.1\t${HOST_NAME}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`, m),
        'resolv.conf': file('nameserver 192.168.1.1\n', m),
      }, m),
      home: dir({ learner: dir({ project: dir({}, { ...LEARNER, ...m }) }, { ...LEARNER, ...m }) }, m),
      tmp: dir({}, { mode: 0o1777, ...m }),
    },
    m,
  );
}

export const hostFolderRaw = (d: Daemon): TreeRaw => new TreeRaw(d.state.hostFiles, () => d.now());

/** The host folder as a FileSystem (the host shell, the CLI's build context and `docker cp`). */
export const hostFs = (d: Daemon): FileSystem => new PathFs(hostFolderRaw(d));
