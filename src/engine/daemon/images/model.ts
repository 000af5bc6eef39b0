// What an image is, in the daemon's image store. Shaped after moby's image.Image (config + rootfs +
// history) so `image inspect` and `history` fall out of it, and layered so later work can attach file
// contents to each layer (runtime issue) and the builder can stack new layers on a parent image.
import { sha256Digest } from '../../registry/sha256';
import type { DirNode } from '../../fs/node';

/** One filesystem layer. `diffId` (sha256 of the uncompressed tar) identifies it across images. */
export interface Layer {
  diffId: string;
  /** uncompressed size in bytes: what `docker images` / `history` add up */
  size: number;
  /** registry blob digest and compressed size, for layers that came from (or went to) a registry */
  blobDigest?: string;
  blobSize?: number;
  /**
   * Key into the layer-content catalogue (runtime issue): registry base layers name their content
   * ('alpine-3.22'), builder layers will carry their own changes. Absent: no simulated files.
   */
  contentKey?: string;
  /**
   * The files a committed or built layer adds, changes and deletes (a layer tree: whiteouts, opaque
   * directories; see fs/layer.ts). Takes precedence over contentKey.
   */
  changes?: DirNode;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime defaults an image hands to containers (moby's container.Config subset kept in images). */
export interface ImageConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Cmd?: string[];
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Entrypoint?: string[];
  OnBuild?: string[];
  Labels?: Record<string, string>;
  StopSignal?: string;
  Shell?: string[];
}

/** One `docker history` row; `emptyLayer` rows (ENV, CMD …) add no layer. */
export interface HistoryEntry {
  /** ms since epoch */
  created: number;
  createdBy: string;
  comment?: string;
  emptyLayer?: boolean;
}

export interface Image {
  /** 'sha256:<64hex>', the digest of the image config */
  id: string;
  /** familiar-normalised full refs, e.g. 'docker.io/library/busybox:latest' are stored as 'busybox:latest' */
  repoTags: string[];
  /** 'busybox@sha256:…' for images pulled from (or pushed to) a registry */
  repoDigests: string[];
  /** local parent image ID ('' when none), set by the classic builder and commit */
  parent: string;
  comment: string;
  /** ms since epoch */
  created: number;
  dockerVersion: string;
  author: string;
  architecture: string;
  variant?: string;
  os: string;
  config: ImageConfig;
  /** base layer first */
  layers: Layer[];
  history: HistoryEntry[];
  /** ms since epoch of the last tag operation ("Metadata.LastTagTime"); 0 when never tagged locally */
  lastTagTime: number;
}

/** Layer chain IDs, base first (moby layer.CreateChainID): a layer's identity in the layer store. */
export function chainIds(img: Image): string[] {
  const out: string[] = [];
  for (const l of img.layers)
    out.push(out.length === 0 ? l.diffId : sha256Digest(`${out[out.length - 1]} ${l.diffId}`));
  return out;
}

/** Total uncompressed size, as `docker images` shows it. */
export function imageSize(img: Image): number {
  return img.layers.reduce((n, l) => n + l.size, 0);
}
