// Images "already on the machine" when the engine starts (`--images busybox:latest`). busybox:latest is
// the course's reference machine image: real-docker.sh imports busybox-static with
// `docker import -c 'CMD ["sh"]'`, so a preset busybox:latest looks like that import (1.98MB, one layer,
// comment "Imported from -", no digests, no Env) rather than Hub's busybox, which a `docker pull` gets.
// Any other preset is a silent pull from the simulated Hub.
import { configDigest } from '../../registry/hub';
import { parseNormalizedNamed, tagKey, withDefaultTag } from '../../registry/reference';
import { sha256Digest } from '../../registry/sha256';
import type { ObjectsContext } from '../objects-context';
import type { Image } from './model';
import { pullImage } from './pull';
import type { ImageState } from './state';
import { tagImage } from './store';

/** the size of busybox-static 1.35 imported as a root filesystem, as `docker image inspect` reports it */
const LOCAL_BUSYBOX_SIZE = 1_984_132;
/** the reference machine imported busybox a few minutes before its transcripts were recorded */
const IMPORTED_BEFORE_MS = 5 * 60_000;

function localBusybox(now: number): Image {
  const created = now - IMPORTED_BEFORE_MS;
  const layers = [
    { diffId: sha256Digest('diff busybox-static-1.35.0'), size: LOCAL_BUSYBOX_SIZE, contentKey: 'busybox-static' },
  ];
  const history = [{ created, createdBy: '', comment: 'Imported from -' }];
  const config = { Cmd: ['sh'] };
  return {
    id: configDigest({ created, comment: 'Imported from -', author: '', config, layers, history }),
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: 'Imported from -',
    created,
    dockerVersion: '28.2.2',
    author: '',
    architecture: 'amd64',
    os: 'linux',
    config,
    layers,
    history,
    lastTagTime: 0,
  };
}

export function presetImages(state: ImageState, ctx: ObjectsContext, refs: string[]): void {
  for (const typed of refs) {
    const ref = withDefaultTag(parseNormalizedNamed(typed));
    if (tagKey(ref) === 'busybox:latest') {
      const img = localBusybox(ctx.now());
      state.images[img.id] = img;
      tagImage(state, img, ref, img.created);
    } else {
      pullImage(state, ctx, ref, new Set());
    }
  }
}
