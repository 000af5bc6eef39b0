// The shape of the simulated Docker Hub's catalogue: plain data, one entry per image release, each
// listing every tag that points at it. Lower layers shared between images (debian, alpine,
// buildpack-deps) are named bases, so pulling node after python prints `Already exists` as on Hub.
import type { ImageConfig } from '../daemon/images/model';

/** One Dockerfile step of a release; `size` absent means an empty (metadata-only) history entry. */
export interface CatalogStep {
  by: string;
  size?: number;
  comment?: string;
}

export interface CatalogBase {
  /** names the shared layers: the same key means the same diffIds in every image built on it */
  key: string;
  /** ISO date the base was built */
  created: string;
  steps: CatalogStep[];
}

export interface CatalogRelease {
  tags: string[];
  /** ISO date of the release's own steps */
  created: string;
  /** lower steps shared with other images, innermost first */
  bases: CatalogBase[];
  steps: CatalogStep[];
  config: ImageConfig;
}
