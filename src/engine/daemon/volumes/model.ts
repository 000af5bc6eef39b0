// A volume in the daemon's volume store (moby volume/service). Only the `local` driver exists in the
// simulator. Anonymous volumes (created for `-v /data` or an image VOLUME) carry moby's
// `com.docker.volume.anonymous` label: Engine 23+ `volume prune` removes only those unless `--all`.
import { treeBytes, type DirNode } from '../../fs/node';

export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';
const VOLUMES_ROOT = '/var/lib/docker/volumes';

export interface Volume {
  name: string;
  driver: 'local';
  /** ms since epoch */
  createdAt: number;
  /** null when created without labels (inspect shows `null`) */
  labels: Record<string, string> | null;
  /** driver options (`-o type=tmpfs`); null when none were given */
  options: Record<string, string> | null;
  /** the volume's files: they outlive containers, so they live here and not in a writable layer */
  data: DirNode;
}

/** What `system df -v` reports: file bytes, as moby's directory.Size walks them. */
export const volumeSize = (v: Volume): number => treeBytes(v.data);

export const isAnonymous = (v: Volume): boolean => v.labels !== null && ANONYMOUS_LABEL in v.labels;

export const mountpoint = (name: string): string => `${VOLUMES_ROOT}/${name}/_data`;
