// POST /images/prune (moby ImagesPrune): dangling images, or with `dangling=false` every image no
// container uses; each goes through the normal delete path so parents and layers are reported too.
import { boolFilter, labelsMatch, untilCutoff } from '../../api/filters';
import { badRequest } from '../errors';
import { deleteImage, type DeleteDeps, type DeleteRecord } from './remove';
import type { ImageState } from './state';
import { childrenOf, storedBytes } from './store';

export interface ImagePruneReport {
  ImagesDeleted: DeleteRecord[] | null;
  SpaceReclaimed: number;
}

const PRUNE_FILTERS = ['dangling', 'label', 'until'];

export function pruneImages(state: ImageState, deps: DeleteDeps, filters: Record<string, string[]>): ImagePruneReport {
  const until = untilCutoff(filters, deps.ctx.now());
  for (const key of Object.keys(filters)) if (!PRUNE_FILTERS.includes(key)) throw badRequest(`invalid filter '${key}'`);
  const danglingOnly = boolFilter(filters, 'dangling') ?? true;
  const deleted: DeleteRecord[] = [];
  let reclaimed = 0;
  const candidates = Object.values(state.images).filter(
    (img) =>
      (!danglingOnly || img.repoTags.length === 0) &&
      (until === undefined || img.created < until) &&
      childrenOf(state, img).length === 0 &&
      labelsMatch(img.config.Labels, filters.label),
  );
  for (const img of candidates) {
    if (!state.images[img.id] || deps.usersOf(img.id).length > 0) continue;
    const before = storedBytes(state);
    deleted.push(...deleteImage(state, deps, img.id, true));
    reclaimed += before - storedBytes(state);
  }
  return { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
}
