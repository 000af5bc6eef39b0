// The daemon's side of `docker build`: base images from the local store or the simulated registry
// (BuildKit with the docker driver pulls into its own cache, so a build adds no base image to
// `docker images`), steps on the overlay file system, and the result stored and tagged like any image.
import type { Daemon } from '../daemon/daemon';
import type { Image } from '../daemon/images/model';
import { imageByRef, tagImage } from '../daemon/images/store';
import { resolveRemote } from '../registry/hub';
import { familiarName, fullString, parseNormalizedNamed, type NamedRef } from '../registry/reference';
import { emptyTree } from '../fs/tree';
import type { DirNode } from '../fs/node';
import { build, type BaseImage, type BuildRequest } from './build';
import { overlayRuntime } from './overlay-runtime';
import type { RunRequest, RunResult } from './runtime';
import { builderOf, HISTORY_LIMIT, type BuildRecord } from './state';

/** What the daemon needs from the runtime to build: layer contents and a shell to run RUN lines with. */
export interface BuildPorts {
  /** files of a registry layer by its content key (built layers carry their own changes) */
  layerTree(contentKey: string | undefined): DirNode | undefined;
  runShell(req: RunRequest): RunResult;
}

export interface BuildResponse {
  progress: string;
  imageId?: string;
  record: BuildRecord;
}

function baseImage(d: Daemon, ref: NamedRef): BaseImage | { error: string } {
  const local = imageByRef(d.state.images, ref);
  if (local) {
    const digest = local.repoDigests.find((r) => r.startsWith(familiarName(ref) + '@'))?.split('@')[1];
    return { id: local.id, digest, local: true, layers: local.layers, history: local.history, config: local.config };
  }
  const remote = resolveRemote(d.state.images.hub, ref, new Set());
  if (!('kind' in remote))
    return { id: remote.id, digest: remote.manifestDigest, layers: remote.layers, history: remote.history, config: remote.config };
  switch (remote.kind) {
    case 'denied':
      return { error: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' };
    case 'manifest-unknown':
      return { error: `${fullString(ref)}: not found` };
    case 'unreachable':
      return { error: remote.message };
  }
}

/** Runs a build on the daemon and stores the image; `req.tags` are fully qualified references. */
export function runBuild(d: Daemon, req: BuildRequest, ports: BuildPorts): BuildResponse {
  const builder = builderOf(d.state);
  const runtime = overlayRuntime((l) => ports.layerTree(l.contentKey) ?? emptyTree(), () => d.now(), ports.runShell);
  const outcome = build(req, {
    state: builder,
    now: () => d.now(),
    advance: (ms) => d.advanceTo(d.now() + ms),
    resolveImage: (ref) => baseImage(d, ref),
    runtime,
  });
  builder.history = [...builder.history, outcome.record].slice(-HISTORY_LIMIT);
  const built = outcome.image;
  if (!built) return { progress: outcome.progress, record: outcome.record };

  const images = d.state.images;
  const img: Image = images.images[built.id] ?? {
    id: built.id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: '',
    created: built.created,
    dockerVersion: '',
    author: '',
    architecture: 'amd64',
    os: 'linux',
    config: built.config,
    layers: built.layers,
    history: built.history,
    lastTagTime: 0,
  };
  images.images[img.id] = img;
  for (const tag of req.tags) {
    const ref = parseNormalizedNamed(tag);
    tagImage(images, img, ref, d.now());
    d.emit('image', 'tag', img.id, { name: `${familiarName(ref)}:${ref.tag ?? 'latest'}` });
  }
  return { progress: outcome.progress, imageId: img.id, record: outcome.record };
}
