// The serialisable part of the volume store.
import type { Volume } from './model';

export interface VolumeState {
  /** by name */
  volumes: Record<string, Volume>;
}

export const newVolumeState = (): VolumeState => ({ volumes: {} });
