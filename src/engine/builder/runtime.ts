// What the builder needs from the container runtime, as a port the daemon fills in: a root file
// system per step (the image's layers so far plus a writable layer whose changes become the step's
// layer) and a way to run a RUN command over it. Keeping it a port lets the builder's logic (cache,
// stages, output) stay independent of how layers and processes are simulated.
import type { FileSystem } from '../fs/types';
import type { Layer } from '../daemon/images/model';

export interface StepRootfs {
  fs: FileSystem;
  /** the writable layer's changes as a new image layer; undefined when the step changed nothing */
  commit(): Layer | undefined;
}

export interface RunRequest {
  argv: string[];
  /** KEY=value, the image's Env plus the build args in scope */
  env: string[];
  cwd: string;
  /** USER as written ('' is root) */
  user: string;
  fs: FileSystem;
  /** the layers under `fs` (which userland and application programs the image has) */
  layers: readonly Layer[];
  /** `RUN --mount=type=secret` files: id → content, visible at /run/secrets/<id> during this RUN */
  secrets: Record<string, string>;
}

export interface RunResult {
  exit: number;
  /** stdout and stderr interleaved, as BuildKit logs them */
  output: string;
  /** simulated time the command took (a `sleep 2` takes 2000) */
  durationMs: number;
}

export interface BuildRuntime {
  rootfs(layers: readonly Layer[]): StepRootfs;
  run(req: RunRequest): RunResult;
}
