// The builder's runtime port over the simulated overlay file system: a step's root file system is the
// layers so far (read-only) under a fresh writable layer; committing detaches that layer's changes as
// a new image layer that carries them (Layer.changes), content-addressed so the same change gives the
// same diffId.
import type { Layer } from '../daemon/images/model';
import { changesOf, isEmptyLayer, layerSize } from '../fs/layer';
import { emptyTree } from '../fs/tree';
import { OverlayRaw } from '../fs/overlay';
import { PathFs } from '../fs/path-fs';
import type { DirNode } from '../fs/node';
import { sha256Digest } from '../registry/sha256';
import type { BuildRuntime, RunRequest, RunResult } from './runtime';

/** `layerFiles`: the files of a layer without changes of its own (a registry layer's content) */
export function overlayRuntime(layerFiles: (layer: Layer) => DirNode, now: () => number, run: (req: RunRequest) => RunResult): BuildRuntime {
  return {
    rootfs(layers) {
      const upper = emptyTree();
      const fs = new PathFs(new OverlayRaw(layers.map((l) => l.changes ?? layerFiles(l)), upper, now));
      return {
        fs,
        commit() {
          if (isEmptyLayer(upper)) return undefined;
          const changes = changesOf(upper);
          return { diffId: sha256Digest(JSON.stringify(changes)), size: layerSize(changes), changes };
        },
      };
    },
    run,
  };
}
