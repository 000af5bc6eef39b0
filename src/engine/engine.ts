// The public face of the simulated Docker engine: feed it command lines, read back exactly what the
// Docker CLI would print. No DOM, no Astro: this runs in the browser, in Node and in tests alike.
import type { ApiTraceEntry } from './api/http';
import type { Clock } from './clock';
import type { DockerEvent } from './daemon/events';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exit: number;
  /** Engine API calls the command made, in order */
  trace: ApiTraceEntry[];
}

export interface EngineOptions {
  /** seed for IDs and other randomness (default 1) */
  seed?: number;
  /** default: a ManualClock starting at a fixed date */
  clock?: Clock;
  /** image references already present locally, e.g. ['busybox:latest'] (pulled silently) */
  images?: string[];
}

export interface Engine {
  /** run one line (`docker …`); never throws */
  exec(line: string): ExecResult;
  /** the whole engine state as plain JSON; restore(snapshot()) gives an engine that answers the same */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  subscribe(listener: (e: DockerEvent) => void): () => void;
  readonly clock: Clock;
}
