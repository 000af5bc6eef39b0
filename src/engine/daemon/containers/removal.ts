// Removing a container: its sandbox, its anonymous volumes (with -v or --rm), its exec records and the
// record itself (which frees the name); then `destroy`.
import type { Daemon } from '../daemon';
import { isAnonymous } from '../volumes/model';
import { removeVolume } from '../volumes/store';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { releaseSandbox } from './sandbox';
import { deleteContainer } from './store';

export function removeContainer(d: Daemon, c: ContainerRecord, opts: { removeVolumes: boolean; at?: number }): void {
  releaseSandbox(d, c);
  deleteContainer(d.state, c);
  for (const id of c.execIds) delete d.state.execs[id];
  if (opts.removeVolumes) {
    for (const m of c.mounts) {
      const v = m.Type === 'volume' && m.Name ? d.state.volumes.volumes[m.Name] : undefined;
      if (v && isAnonymous(v) && d.containersUsing('volume', v.name).length === 0) removeVolume(d.state.volumes, d, v.name, []);
    }
  }
  containerEvent(d, c, 'destroy', {}, opts.at);
}
