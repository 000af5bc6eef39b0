// The state of one stage while it builds, and what every step shares: the variables an instruction
// sees, how BuildKit names a step, history entries, and the error type that carries Dockerfile lines.
import type { HistoryEntry, ImageConfig, Layer } from '../daemon/images/model';
import type { NamedRef } from '../registry/reference';
import type { SourceTree } from './copy';
import type { BuildContext } from './context';
import { expandWord, ExpandError } from './dockerfile/expand';
import type { Dockerfile, Instruction, Stage } from './dockerfile/instructions';
import type { PlainProgress, Vertex } from './progress';
import type { BuildRuntime } from './runtime';
import type { BuildRecord, BuilderState, BuiltLayer } from './state';

export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** A base image as the builder sees it: a local image or a registry one. */
export interface BaseImage {
  id: string;
  /** repository digest, shown in the FROM step's name; absent for a local-only image */
  digest?: string;
  /** in the local image store (BuildKit uses it as it is, without fetching blobs) */
  local?: boolean;
  layers: Layer[];
  history: HistoryEntry[];
  config: ImageConfig;
}

export interface BuildDeps {
  state: BuilderState;
  now(): number;
  /** lets simulated time pass while steps run */
  advance(ms: number): void;
  /** a base image, or the resolver's error text (`docker.io/library/node:99: not found`) */
  resolveImage(ref: NamedRef): BaseImage | { error: string };
  runtime: BuildRuntime;
}

export interface BuildRequest {
  dockerfileName: string;
  /** null: the Dockerfile is missing (BuildKit fails reading it) */
  dockerfile: string | null;
  context: BuildContext;
  /** fully qualified (`docker.io/library/my-app:1.0`) */
  tags: string[];
  buildArgs: Record<string, string>;
  target?: string;
  noCache: boolean;
  /** `--label`: added to the image's labels */
  labels: Record<string, string>;
  secrets: Record<string, string>;
}

/** A failure BuildKit reports with the Dockerfile lines it concerns. */
export class SolveError extends Error {
  constructor(
    message: string,
    readonly lines?: { start: number; end: number },
    readonly vertex?: Vertex,
  ) {
    super(message);
  }
}

export interface StageRun {
  stage: Stage;
  index: number;
  /** the name in step prefixes: the stage name, `stage-N` in a multi-stage file, '' otherwise */
  prefix: string;
  layers: Layer[];
  history: HistoryEntry[];
  config: ImageConfig;
  /** cache chain: the key of the last file-system state */
  key: string;
  /** ARGs declared in this stage with their values, in declaration order */
  args: [string, string][];
  stepIndex: number;
  stepTotal: number;
  built: BuiltLayer[];
  /** every step so far was reused from the cache */
  allCached: boolean;
  /** latest time a step of this stage ran (cached steps keep the time they first ran) */
  lastCreated: number;
  base?: BaseImage;
}

/** a KEY's value in a KEY=value list */
export const envGet = (env: string[] | undefined, key: string) =>
  env?.find((e) => e.startsWith(key + '='))?.slice(key.length + 1);
/** the list with KEY set (replacing an earlier value) */
export const envSet = (env: string[], key: string, value: string) => [...env.filter((e) => !e.startsWith(key + '=')), `${key}=${value}`];

/** simulated time steps take (ms), so progress durations and history times are plausible */
export const stepMs = { workdir: 20, copyBase: 25, copyBytesPerMs: 50_000, run: 180, exportBase: 60, exportBytesPerMs: 100_000 };

/** what a step reads besides its stage: the request, the ports, the other stages, the context */
export interface ExecEnv {
  df: Dockerfile;
  req: BuildRequest;
  deps: BuildDeps;
  progress: PlainProgress;
  record: BuildRecord;
  runs: Map<Stage, StageRun>;
  byName: Map<string, number>;
  meta: Map<string, string>;
  tree: SourceTree;
}

/** the Dockerfile lines of an instruction, for error snippets */
export const lines = (x: { node: { startLine: number; endLine: number } }) => ({ start: x.node.startLine, end: x.node.endLine });

export function expandOrFail(word: string, lookup: (k: string) => string | undefined, node: { startLine: number; endLine: number }): string {
  try {
    return expandWord(word, lookup).value;
  } catch (e) {
    if (e instanceof ExpandError) throw new SolveError(e.message, { start: node.startLine, end: node.endLine });
    throw e;
  }
}

/** Variables an instruction sees: the image's Env, then the stage's ARGs (ENV wins). */
export function lookupFor(run: StageRun): (k: string) => string | undefined {
  return (k) => envGet(run.config.Env, k) ?? run.args.find(([a]) => a === k)?.[1];
}

export function stepName(run: StageRun, text: string): string {
  if (run.stepTotal === 0) return text;
  run.stepIndex++;
  const width = String(run.stepTotal).length;
  return `[${run.prefix ? run.prefix + ' ' : ''}${String(run.stepIndex).padStart(width)}/${run.stepTotal}] ${text}`;
}

/** The instruction as BuildKit names its step: keyword upper-cased, known variables substituted. */
export function displayText(run: StageRun, inst: Instruction): string {
  const original = inst.node.original.trim();
  const sp = original.search(/\s/);
  let upper = sp < 0 ? original.toUpperCase() : original.slice(0, sp).toUpperCase() + original.slice(sp);
  try {
    upper = expandWord(upper, lookupFor(run), '\\', { keepQuotes: true, keepUnknown: true }).value;
  } catch {
    // a word the expander refuses fails later, at its step; the name stays as written
  }
  // a here-document shows as its first line: `RUN <<EOF (apk add curl...)`
  for (const h of inst.node.heredocs) {
    const [first = '', more] = h.content.trim().split('\n', 2);
    upper = upper.replace(new RegExp(`<<-?(["']?)${h.name}\\1`), (m) => `${m} (${first}${more !== undefined ? '...' : ''})`);
  }
  return upper;
}

export function addHistory(run: StageRun, inst: Instruction, createdBy: string, layer: Layer | undefined, created: number, cached: boolean): void {
  const entry: HistoryEntry = { created, createdBy, comment: HISTORY_COMMENT };
  if (!layer) entry.emptyLayer = true;
  else run.layers.push(layer);
  run.history.push(entry);
  run.built.push({ createdBy, size: layer?.size ?? 0, hasLayer: !!layer, cached, line: inst.node.startLine, fromBase: false });
}
