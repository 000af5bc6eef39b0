// The image store's lookups and reference bookkeeping: resolving what the user typed to an image
// (moby's GetImage: tag or digest reference first, then an ID or ID prefix), tagging and untagging.
import {
  familiarName,
  parseAnyReference,
  ReferenceError,
  tagKey,
  withDefaultTag,
  familiarString,
  type NamedRef,
} from '../../registry/reference';
import { badRequest, notFound } from '../errors';
import type { Image } from './model';
import type { ImageState } from './state';

/** `No such image: busybox:latest` (the name gets its default tag, as moby's ErrImageDoesNotExist does) */
export function noSuchImage(refOrId: string): Error {
  let shown = refOrId;
  try {
    const any = parseAnyReference(refOrId);
    if (any.kind === 'named') shown = familiarString(withDefaultTag(any.ref));
  } catch {
    // an unparsable name is echoed as typed
  }
  return notFound(`No such image: ${shown}`);
}

/** Parses a user-typed name, turning reference errors into the daemon's 400. */
export function parseRef(s: string): ReturnType<typeof parseAnyReference> {
  try {
    return parseAnyReference(s);
  } catch (e) {
    if (e instanceof ReferenceError) throw badRequest(e.message);
    throw e;
  }
}

const digestRefOf = (ref: NamedRef) => `${familiarName(ref)}@${ref.digest}`;

/** The image a tagged or digested reference points at. */
export function imageByRef(state: ImageState, ref: NamedRef): Image | undefined {
  const images = Object.values(state.images);
  if (ref.digest) return images.find((i) => i.repoDigests.includes(digestRefOf(ref)));
  const key = tagKey(ref);
  return images.find((i) => i.repoTags.includes(key));
}

/** An image by full ID or unambiguous hex prefix (with or without `sha256:`). */
function imageByIdPrefix(state: ImageState, s: string): Image | undefined {
  const hex = s.startsWith('sha256:') ? s.slice(7) : s;
  if (!/^[a-f0-9]+$/.test(hex)) return undefined;
  const hits = Object.keys(state.images).filter((id) => id.startsWith('sha256:' + hex));
  return hits.length === 1 ? state.images[hits[0]!] : undefined;
}

/** moby daemon/images GetImage: a reference first, then an ID (prefix). Undefined when absent. */
export function findImage(state: ImageState, refOrId: string): Image | undefined {
  const any = parseRef(refOrId);
  if (any.kind === 'digest') return state.images[any.digest];
  return imageByRef(state, withDefaultTag(any.ref)) ?? imageByIdPrefix(state, refOrId);
}

/** Like findImage, but a missing image is the daemon's 404 `No such image: …`. */
export function getImage(state: ImageState, refOrId: string): Image {
  const img = findImage(state, refOrId);
  if (!img) throw noSuchImage(refOrId);
  return img;
}

/** Points `ref`'s tag at `img`, taking it away from any image that held it (what a pull records). */
export function setTag(state: ImageState, img: Image, ref: NamedRef): void {
  const key = tagKey(ref);
  const previous = Object.values(state.images).find((i) => i !== img && i.repoTags.includes(key));
  if (previous) previous.repoTags = previous.repoTags.filter((t) => t !== key);
  if (!img.repoTags.includes(key)) img.repoTags.push(key);
}

/** moby TagImage (`docker tag`, import, build): setTag plus the image's Metadata.LastTagTime. */
export function tagImage(state: ImageState, img: Image, ref: NamedRef, now: number): void {
  setTag(state, img, ref);
  img.lastTagTime = now;
}

/** Adds `repo@digest` to an image's RepoDigests (what a pull or push records). */
export function addRepoDigest(img: Image, ref: NamedRef, digest: string): void {
  const key = `${familiarName(ref)}@${digest}`;
  if (!img.repoDigests.includes(key)) img.repoDigests.push(key);
}

/** Every layer held locally, once (a pull skips them: `Already exists`), by diffId. */
function layerIndex(state: ImageState): Map<string, number> {
  const m = new Map<string, number>();
  for (const img of Object.values(state.images)) for (const l of img.layers) m.set(l.diffId, l.size);
  return m;
}

export const localLayers = (state: ImageState): Set<string> => new Set(layerIndex(state).keys());

/** Bytes the layer store holds (shared layers counted once): what `system df` and prunes measure. */
export const storedBytes = (state: ImageState): number => [...layerIndex(state).values()].reduce((n, s) => n + s, 0);

/** Images whose Parent chain includes `img` (classic-builder children block deletion). */
export const childrenOf = (state: ImageState, img: Image): Image[] =>
  Object.values(state.images).filter((i) => i.parent === img.id);
