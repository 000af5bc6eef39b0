// The simulated registry: answers "which image does this reference name?" from the built-in catalogue
// (Docker Hub's official images) and from what the learner pushed, with the registry's own errors
// (unknown repository → access denied, unknown tag → manifest unknown, other hosts unreachable).
import type { HistoryEntry, Layer } from '../daemon/images/model';
import { CATALOG } from './catalog';
import type { CatalogRelease } from './catalog-types';
import type { HubState, PushedImage } from './hub-state';
import { DEFAULT_DOMAIN, DEFAULT_TAG, type NamedRef } from './reference';
import { sha256Digest } from './sha256';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

export type RegistryError =
  { kind: 'denied' } | { kind: 'manifest-unknown' } | { kind: 'unreachable'; message: string };

/** An image as the registry serves it (content plus the manifest digest that names it). */
export type RemoteImage = PushedImage;

/** Stable image ID: the digest of the config document, as moby computes it. */
export function configDigest(img: Omit<RemoteImage, 'id' | 'manifestDigest'>): string {
  return sha256Digest(
    JSON.stringify({
      architecture: 'amd64',
      config: img.config,
      created: img.created,
      history: img.history,
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: img.layers.map((l) => l.diffId) },
    }),
  );
}

/** The manifest digest: a hash over the config and layer blobs it lists. */
export function manifestDigest(img: Omit<RemoteImage, 'id' | 'manifestDigest'>): string {
  return sha256Digest(JSON.stringify({ config: configDigest(img), layers: img.layers.map((l) => l.diffId) }));
}

function layerFor(key: string, size: number): Layer {
  return { diffId: sha256Digest('diff ' + key), size, blobDigest: sha256Digest('blob ' + key), contentKey: key };
}

function buildRelease(repo: string, rel: CatalogRelease): RemoteImage {
  const layers: Layer[] = [];
  const history: HistoryEntry[] = [];
  const addSteps = (key: string, created: string, steps: CatalogRelease['steps']) =>
    steps.forEach((s, i) => {
      const entry: HistoryEntry = { created: Date.parse(created), createdBy: s.by };
      if (s.comment) entry.comment = s.comment;
      if (s.size === undefined) entry.emptyLayer = true;
      else layers.push(layerFor(`${key}#${i}`, s.size));
      history.push(entry);
    });
  for (const b of rel.bases) addSteps(b.key, b.created, b.steps);
  addSteps(`${repo}:${rel.tags[0]}`, rel.created, rel.steps);
  const content = { created: Date.parse(rel.created), comment: '', author: '', config: rel.config, layers, history };
  return { ...content, id: configDigest(content), manifestDigest: manifestDigest(content) };
}

/** tag → image, per catalogue repository; built once (the catalogue never changes) */
const builtCatalog = new Map<string, Map<string, RemoteImage>>();
function catalogRepo(path: string): Map<string, RemoteImage> | undefined {
  const releases = CATALOG[path];
  if (!releases) return undefined;
  let tags = builtCatalog.get(path);
  if (!tags) {
    tags = new Map();
    for (const rel of releases) {
      const img = buildRelease(path, rel);
      for (const t of rel.tags) tags.set(t, img);
    }
    builtCatalog.set(path, tags);
  }
  return tags;
}

const repoKey = (ref: Pick<NamedRef, 'domain' | 'path'>) => `${ref.domain}/${ref.path}`;

/**
 * Registry hosts the learner runs themselves: `localhost:5000` while a `registry` container publishes
 * port 5000 there. They need no login and hold only what was pushed to them.
 */
export type LocalRegistries = ReadonlySet<string>;

/** Docker Hub and the learner's own registries answer; every other host is out of reach (offline machine). */
function unreachable(domain: string, local: LocalRegistries): RegistryError | undefined {
  if (domain === DEFAULT_DOMAIN || local.has(domain)) return undefined;
  const [host, port] = domain.split(':');
  const message =
    host === 'localhost' || host === '127.0.0.1'
      ? `Get "http://${domain}/v2/": dial tcp 127.0.0.1:${port ?? '80'}: connect: connection refused`
      : `Get "https://${domain}/v2/": dial tcp: lookup ${host}: no such host`;
  return { kind: 'unreachable', message };
}

/** Resolves a reference against the registry (pushed images shadow the catalogue). */
export function resolveRemote(hub: HubState, ref: NamedRef, local: LocalRegistries): RemoteImage | RegistryError {
  const far = unreachable(ref.domain, local);
  if (far) return far;
  const pushed = hub.repositories[repoKey(ref)];
  const official = ref.domain === DEFAULT_DOMAIN ? catalogRepo(ref.path) : undefined;
  // Docker Hub hides repositories you may not see; a plain registry just has no such manifest
  if (!pushed && !official) return ref.domain === DEFAULT_DOMAIN ? { kind: 'denied' } : { kind: 'manifest-unknown' };
  const candidates = [...Object.values(pushed ?? {}), ...(official?.values() ?? [])];
  if (ref.digest) return candidates.find((c) => c.manifestDigest === ref.digest) ?? { kind: 'manifest-unknown' };
  const tag = ref.tag ?? DEFAULT_TAG;
  return pushed?.[tag] ?? official?.get(tag) ?? { kind: 'manifest-unknown' };
}

/** Every tag of a repository (for `pull --all-tags`), sorted as the registry lists them. */
export function remoteTags(hub: HubState, ref: NamedRef, local: LocalRegistries): string[] | RegistryError {
  const far = unreachable(ref.domain, local);
  if (far) return far;
  const pushed = Object.keys(hub.repositories[repoKey(ref)] ?? {});
  const official = ref.domain === DEFAULT_DOMAIN ? [...(catalogRepo(ref.path)?.keys() ?? [])] : [];
  if (pushed.length === 0 && official.length === 0) return { kind: 'denied' };
  return [...new Set([...pushed, ...official])].sort();
}

/**
 * Whether a push to `ref` is refused: on Docker Hub only the logged-in user's namespace is writable;
 * the learner's own registry takes anything.
 */
export function pushDenied(hub: HubState, ref: NamedRef, local: LocalRegistries): RegistryError | undefined {
  const far = unreachable(ref.domain, local);
  if (far) return far;
  if (local.has(ref.domain)) return undefined;
  const user = hub.logins[INDEX_SERVER];
  const namespace = ref.path.split('/')[0];
  return user && namespace === user ? undefined : { kind: 'denied' };
}

/** What the learner has pushed to `ref`'s repository, by tag (empty when nothing). */
export const remoteRepository = (hub: HubState, ref: NamedRef): Record<string, RemoteImage> =>
  hub.repositories[repoKey(ref)] ?? {};

export function storePushed(hub: HubState, ref: NamedRef, tag: string, img: RemoteImage): void {
  (hub.repositories[repoKey(ref)] ??= {})[tag] = img;
}
