// `docker push` inside the daemon: the image tagged `ref` goes to the simulated registry under the
// learner's namespace; progress messages follow moby distribution/push_v2.go (Preparing, Waiting,
// Layer already exists / Mounted from … / Pushed, then `tag: digest: … size: N`).
import { CATALOG } from '../../registry/catalog';
import {
  manifestDigest,
  pushDenied,
  remoteRepository,
  storePushed,
  type LocalRegistries,
  type RemoteImage,
} from '../../registry/hub';
import { familiarName, splitRepoTag, tagKey, type NamedRef } from '../../registry/reference';
import type { ObjectsContext } from '../objects-context';
import type { Image } from './model';
import type { ProgressMessage } from './pull';
import type { ImageState } from './state';
import { addRepoDigest, imageByRef } from './store';

/** The catalogue repository that serves a layer, so a push can "mount" it instead of uploading. */
function catalogSource(contentKey: string | undefined): string | undefined {
  if (!contentKey) return undefined;
  const hit = Object.entries(CATALOG).find(([path, releases]) =>
    releases.some((r) => r.bases.some((b) => contentKey.startsWith(b.key + '#')) || contentKey.startsWith(`${path}:`)),
  );
  return hit?.[0];
}

/** Approximate byte length of a schema-2 manifest for `n` layers (`docker push` prints it). */
const manifestSize = (n: number) => 429 + 162 * Math.max(0, n - 1) + 162;

/** Local tags of `ref`'s repository, in the order they were made (what `push --all-tags` sends). */
function localTags(state: ImageState, ref: NamedRef): string[] {
  const repo = familiarName(ref);
  return Object.values(state.images)
    .flatMap((img) => img.repoTags)
    .filter((t) => splitRepoTag(t).repo === repo)
    .map((t) => splitRepoTag(t).tag);
}

/** One tag's layers and manifest; returns the error that ends the stream, if any. */
function pushTag(
  state: ImageState,
  ctx: ObjectsContext,
  local: LocalRegistries,
  ref: NamedRef,
  tag: string,
  img: Image,
  msgs: ProgressMessage[],
): string | undefined {
  const short = (diffId: string) => diffId.slice(7, 19);
  const layers = [...img.layers].reverse();
  for (const l of layers) msgs.push({ id: short(l.diffId), status: 'Preparing' });
  if (pushDenied(state.hub, ref, local)) return 'denied: requested access to the resource is denied';
  const inRepo = new Set(Object.values(remoteRepository(state.hub, ref)).flatMap((p) => p.layers.map((l) => l.diffId)));
  for (const l of layers) {
    const source = catalogSource(l.contentKey);
    const status = inRepo.has(l.diffId) ? 'Layer already exists' : source ? `Mounted from ${source}` : 'Pushed';
    msgs.push({ id: short(l.diffId), status });
  }
  const content = toRemote(img);
  storePushed(state.hub, ref, tag, content);
  addRepoDigest(img, ref, content.manifestDigest);
  msgs.push({ status: `${tag}: digest: ${content.manifestDigest} size: ${manifestSize(img.layers.length)}` });
  ctx.emit('image', 'push', tagKey({ ...ref, tag }), { name: familiarName(ref) });
  return undefined;
}

/**
 * Pushes the local image tagged `ref` (every local tag of the repository when `ref` has none). Like the
 * real daemon, failures after the stream started are the stream's last message (`{ error }`), not an
 * HTTP error, so the CLI prints what came before them.
 */
export function pushImage(
  state: ImageState,
  ctx: ObjectsContext,
  ref: NamedRef,
  local: LocalRegistries,
): ProgressMessage[] {
  const msgs: ProgressMessage[] = [{ status: `The push refers to repository [${ref.domain}/${ref.path}]` }];
  const far = pushDenied(state.hub, ref, local);
  if (far?.kind === 'unreachable') return [...msgs, { error: far.message }];
  const tags = ref.tag ? [ref.tag] : localTags(state, ref);
  const missing = `An image does not exist locally with the tag: ${familiarName(ref)}`;
  if (tags.length === 0) return [...msgs, { error: missing }];
  for (const tag of tags) {
    const img = imageByRef(state, { ...ref, tag });
    const error = img ? pushTag(state, ctx, local, ref, tag, img, msgs) : missing;
    if (error) return [...msgs, { error }];
  }
  return msgs;
}

function toRemote(img: Image): RemoteImage {
  const layers = img.layers.map((l) => ({ ...l, blobDigest: l.blobDigest ?? l.diffId }));
  const content = {
    created: img.created,
    comment: img.comment,
    author: img.author,
    config: structuredClone(img.config),
    layers,
    history: img.history.map((h) => ({ ...h })),
  };
  return { ...content, id: img.id, manifestDigest: manifestDigest(content) };
}
