// What the builder keeps in daemon state (plain JSON, part of every snapshot): the build cache — one
// record per step result, keyed as BuildKit keys it — and a short history of builds for the lab's
// layer view (BuildKit keeps build records too: `docker buildx history`).
import type { ImageConfig, Layer } from '../daemon/images/model';

/** A step result the next build can reuse instead of running the step again. */
export interface CacheRecord {
  key: string;
  /** the layer the step produced; absent for a step that changed nothing */
  layer?: Layer;
  /** ms since epoch: when the step ran (history entries of a cached step keep this time) */
  created: number;
  lastUsed: number;
  /** what `docker builder prune` lists as the record's description */
  description: string;
}

/** One layer of a built image, as the lab's layer view draws it. */
export interface BuiltLayer {
  /** the history text (`RUN /bin/sh -c npm ci # buildkit`) */
  createdBy: string;
  /** bytes; 0 for metadata-only steps */
  size: number;
  /** false for metadata-only steps (ENV, CMD …), which add no file-system layer */
  hasLayer: boolean;
  /** this build reused the step from the cache; base-image layers count as cached */
  cached: boolean;
  /** the Dockerfile line of the instruction (0 for the base image's own layers) */
  line: number;
  fromBase: boolean;
}

export interface BuildHint {
  id: string;
  /** the Dockerfile line it is about (0: the build as a whole) */
  line: number;
  message: string;
  /** lesson section to read, one of builder/hints.ts HINT_LINKS */
  link: string;
}

export interface BuildRecord {
  /** ms since epoch */
  startedAt: number;
  finishedAt: number;
  dockerfile: string;
  tags: string[];
  /** 'sha256:…' when the build succeeded */
  imageId?: string;
  /** the final error line without `ERROR: ` */
  error?: string;
  steps: { name: string; cached: boolean; line: number }[];
  layers: BuiltLayer[];
  size: number;
  hints: BuildHint[];
  config?: ImageConfig;
}

export interface BuilderState {
  cache: Record<string, CacheRecord>;
  /** newest last, at most HISTORY_LIMIT */
  history: BuildRecord[];
}

export const HISTORY_LIMIT = 20;

export const newBuilderState = (): BuilderState => ({ cache: {}, history: [] });

/** The daemon's builder state; a snapshot from before the builder existed has none yet. */
export const builderOf = (state: { builder?: BuilderState }): BuilderState => (state.builder ??= newBuilderState());
