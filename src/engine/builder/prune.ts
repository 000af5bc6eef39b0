// The build cache as the Engine API reports and prunes it (GET /system/df BuildCache, POST /build/prune):
// one record per cached step. A record whose layer an image still holds is in use; the others are
// what `docker builder prune` removes (`--all`: every record).
import type { ImageState } from '../daemon/images/state';
import { sha256Hex } from '../registry/sha256';
import type { BuilderState, CacheRecord } from './state';

export interface BuildCacheItem {
  ID: string;
  Parents: string[] | null;
  Type: 'regular';
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string;
  UsageCount: number;
}

/** BuildKit record IDs are 25 base-36 characters */
export const cacheId = (key: string): string => BigInt('0x' + sha256Hex('record ' + key)).toString(36).padStart(25, '0').slice(-25);

function layersInUse(images: ImageState): Set<string> {
  const used = new Set<string>();
  for (const img of Object.values(images.images)) for (const l of img.layers) used.add(l.diffId);
  return used;
}

export function buildCacheItems(state: BuilderState, images: ImageState): BuildCacheItem[] {
  const used = layersInUse(images);
  return Object.values(state.cache).map((r: CacheRecord) => ({
    ID: cacheId(r.key),
    Parents: null,
    Type: 'regular',
    Description: r.description,
    InUse: false,
    Shared: !!r.layer && used.has(r.layer.diffId),
    Size: r.layer?.size ?? 0,
    CreatedAt: new Date(r.created).toISOString(),
    LastUsedAt: new Date(r.lastUsed).toISOString(),
    UsageCount: 1,
  }));
}

/** Bytes the cache holds beyond what images hold too (moby's BuilderSize) */
export const builderSize = (state: BuilderState, images: ImageState): number =>
  buildCacheItems(state, images).reduce((n, c) => n + (c.Shared ? 0 : c.Size), 0);

/** Removes unused records (all with `all`); answers as moby's BuildCachePruneReport. */
export function pruneBuildCache(state: BuilderState, images: ImageState, all: boolean): { CachesDeleted: string[]; SpaceReclaimed: number } {
  const used = layersInUse(images);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const [key, r] of Object.entries(state.cache)) {
    const shared = !!r.layer && used.has(r.layer.diffId);
    if (shared && !all) continue;
    deleted.push(cacheId(key));
    if (!shared) reclaimed += r.layer?.size ?? 0;
    delete state.cache[key];
  }
  return { CachesDeleted: deleted, SpaceReclaimed: reclaimed };
}
