// The daemon's whole state as plain JSON: what snapshot() writes and restore() reads back. Each object
// family owns its part (images, volumes and networks come from engine-objects' stores); containers and
// their exec sessions live here.
import type { ContainerRecord } from './containers/model';
import type { ExecRecord } from './containers/exec-model';
import { newImageState, type ImageState } from './images/state';
import { newNetworkState, type NetworkState } from './networks/state';
import { newVolumeState, type VolumeState } from './volumes/state';
import type { IdSource } from '../ids';
import type { DirNode } from '../fs/node';
import { newHostFolder } from './host-folder';
import { newBuilderState, type BuilderState } from '../builder/state';

export interface DaemonState {
  /** by container ID, in creation order */
  containers: Record<string, ContainerRecord>;
  /** by exec ID */
  execs: Record<string, ExecRecord>;
  images: ImageState;
  volumes: VolumeState;
  networks: NetworkState;
  /** the last PID handed out (docker top shows host PIDs) */
  lastPid: number;
  /** build cache, layers builds made, recent build records */
  builder: BuilderState;
  /** the simulated host's files (the learner's working folder, bind-mount sources; see host-folder.ts) */
  hostFiles: DirNode;
}

export function newDaemonState(ids: IdSource, now: number): DaemonState {
  return {
    containers: {},
    execs: {},
    images: newImageState(),
    volumes: newVolumeState(),
    networks: newNetworkState(ids, now),
    lastPid: 1200,
    builder: newBuilderState(),
    hostFiles: newHostFolder(now),
  };
}
