// The serialisable part of the image store, plus what the simulated registry remembers for this learner
// (images they pushed, who is logged in) so push → rmi → pull round-trips survive snapshot/restore.
import type { HubState } from '../../registry/hub-state';
import type { Image } from './model';

export interface ImageState {
  /** by image ID ('sha256:…') */
  images: Record<string, Image>;
  hub: HubState;
}

export const newImageState = (): ImageState => ({ images: {}, hub: { repositories: {}, logins: {} } });
