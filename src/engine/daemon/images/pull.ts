// `docker pull` inside the daemon: fetch a manifest from the simulated registry, "download" the layers
// that are not present locally, record the image, and describe the work as the progress messages a real
// daemon streams (moby distribution/pull_v2.go + xfer: Pulling fs layer → Waiting → Verifying Checksum →
// Download complete → Pull complete, with three concurrent downloads and sequential extraction).
import {
  remoteTags,
  resolveRemote,
  type LocalRegistries,
  type RegistryError,
  type RemoteImage,
} from '../../registry/hub';
import { familiarName, familiarString, withDefaultTag, type NamedRef } from '../../registry/reference';
import { notFound, serverError } from '../errors';
import type { ObjectsContext } from '../objects-context';
import type { Image, Layer } from './model';
import type { ImageState } from './state';
import { addRepoDigest, imageByRef, localLayers, setTag } from './store';

/** One JSON message of the pull stream; the CLI prints `id: status` (or `status`) per message. */
export interface ProgressMessage {
  status?: string;
  id?: string;
  /** a failure after the stream started (push): the CLI prints it on stderr and exits 1 */
  error?: string;
}

/** The daemon's error for a registry refusal, worded as moby's distribution/errors.go does. */
function registryError(err: RegistryError, ref: NamedRef): Error {
  switch (err.kind) {
    case 'denied':
      return notFound(
        `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    case 'manifest-unknown':
      return notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
    case 'unreachable':
      return serverError(err.message);
  }
}

const CONCURRENT_DOWNLOADS = 3;
const DOWNLOAD_BYTES_PER_MS = 20_000;
const EXTRACT_BYTES_PER_MS = 150_000;
/** registries serve gzip: a layer's blob is roughly 40% of its unpacked size */
const COMPRESSION = 0.4;

const shortLayerId = (l: Layer) => (l.blobDigest ?? l.diffId).slice(7, 19);

/** The per-layer status lines of a pull, ordered on a simulated timeline so they read like the real thing. */
function layerProgress(layers: Layer[], present: Set<string>): ProgressMessage[] {
  const msgs: ProgressMessage[] = [];
  const fresh = layers.filter((l) => !present.has(l.diffId));
  for (const l of layers)
    msgs.push({ id: shortLayerId(l), status: present.has(l.diffId) ? 'Already exists' : 'Pulling fs layer' });
  for (const l of fresh.slice(CONCURRENT_DOWNLOADS)) msgs.push({ id: shortLayerId(l), status: 'Waiting' });

  const timeline: { t: number; seq: number; msg: ProgressMessage }[] = [];
  const at = (t: number, msg: ProgressMessage) => timeline.push({ t, seq: timeline.length, msg });
  const slots = Array<number>(CONCURRENT_DOWNLOADS).fill(0);
  let extractedUntil = 0;
  for (const l of fresh) {
    const slot = slots.indexOf(Math.min(...slots));
    const done = slots[slot]! + 20 + (l.size * COMPRESSION) / DOWNLOAD_BYTES_PER_MS;
    slots[slot] = done;
    const id = shortLayerId(l);
    at(done, { id, status: 'Verifying Checksum' });
    at(done, { id, status: 'Download complete' });
    extractedUntil = Math.max(done, extractedUntil) + 5 + l.size / EXTRACT_BYTES_PER_MS;
    at(extractedUntil, { id, status: 'Pull complete' });
  }
  timeline.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return msgs.concat(timeline.map((e) => e.msg));
}

/** Creates (or reuses) the local image for a remote one. */
function materialise(state: ImageState, remote: RemoteImage): Image {
  const id = remote.id;
  const existing = state.images[id];
  if (existing) return existing;
  const img: Image = {
    id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: remote.comment,
    created: remote.created,
    dockerVersion: '',
    author: remote.author,
    architecture: 'amd64',
    os: 'linux',
    config: structuredClone(remote.config),
    layers: remote.layers.map((l) => ({ ...l })),
    history: remote.history.map((h) => ({ ...h })),
    lastTagTime: 0,
  };
  state.images[id] = img;
  return img;
}

/** One tag (or digest): the `Pulling from` block through `Digest:`; returns whether anything was new. */
function pullOne(state: ImageState, local: LocalRegistries, ref: NamedRef, messages: ProgressMessage[]): boolean {
  const remote = resolveRemote(state.hub, ref, local);
  if ('kind' in remote) throw registryError(remote, ref);
  messages.push({ id: ref.digest ?? ref.tag, status: `Pulling from ${ref.path}` });
  const upToDate = imageByRef(state, ref)?.id === remote.id;
  if (!upToDate) messages.push(...layerProgress(remote.layers, localLayers(state)));
  const img = materialise(state, remote);
  if (!ref.digest) setTag(state, img, ref);
  addRepoDigest(img, ref, remote.manifestDigest);
  messages.push({ status: `Digest: ${remote.manifestDigest}` });
  return !upToDate;
}

const statusLine = (fresh: boolean, shown: string) => ({
  status: fresh ? `Status: Downloaded newer image for ${shown}` : `Status: Image is up to date for ${shown}`,
});

/** Pulls `ref` (no tag → `latest`). Throws the daemon's error when the registry refuses. */
export function pullImage(
  state: ImageState,
  ctx: ObjectsContext,
  typed: NamedRef,
  local: LocalRegistries,
): ProgressMessage[] {
  const ref = withDefaultTag(typed);
  const messages: ProgressMessage[] = [];
  const fresh = pullOne(state, local, ref, messages);
  const shown = familiarString(ref);
  messages.push(statusLine(fresh, shown));
  ctx.emit('image', 'pull', shown, { name: familiarName(ref) });
  return messages;
}

/** `docker pull --all-tags`: every tag of the repository in turn, one status line for the repository. */
export function pullAllTags(
  state: ImageState,
  ctx: ObjectsContext,
  repo: NamedRef,
  local: LocalRegistries,
): ProgressMessage[] {
  const tags = remoteTags(state.hub, repo, local);
  if (!Array.isArray(tags)) throw registryError(tags, repo);
  const messages: ProgressMessage[] = [];
  let fresh = false;
  for (const tag of tags) fresh = pullOne(state, local, { ...repo, tag }, messages) || fresh;
  messages.push(statusLine(fresh, familiarName(repo)));
  ctx.emit('image', 'pull', familiarName(repo), { name: familiarName(repo) });
  return messages;
}
