// `docker build` inside the daemon, the way BuildKit's Dockerfile frontend and solver run it: the
// stages the target needs, each instruction on the root file system built so far, a cache key per
// step (parent + instruction + file checksums + the build args and env it sees), cached steps reused
// without running, only the target stage's layers in the image, and the plain progress BuildKit
// prints while doing so.
import type { HistoryEntry, ImageConfig, Layer } from '../daemon/images/model';
import { fullString, parseNormalizedNamed, ReferenceError, withDefaultTag, type NamedRef } from '../registry/reference';
import { configDigest } from '../registry/hub';
import { contextTree, matchSource, walkSource } from './copy';
import { transferSize, type ContextEntry } from './context';
import { expandWord } from './dockerfile/expand';
import { readDockerfile, type Dockerfile, type Instruction, type Stage } from './dockerfile/instructions';
import { DockerfileError } from './dockerfile/parse';
import { buildHints } from './hints';
import { lintWarnings, type LintWarning } from './lint';
import { execute } from './metadata';
import { PlainProgress, progressBytes, sourceSnippet, type Vertex } from './progress';
import {
  DEFAULT_PATH,
  expandOrFail,
  lines,
  SolveError,
  stepMs,
  stepName,
  type BaseImage,
  type BuildDeps,
  type BuildRequest,
  type StageRun,
} from './stage';
import type { BuildRecord, BuiltLayer } from './state';

export type { BaseImage, BuildDeps, BuildRequest } from './stage';
export { HISTORY_COMMENT } from './stage';

/** The image a successful build produced, ready for the image store. */
export interface BuiltImage {
  id: string;
  created: number;
  config: ImageConfig;
  layers: Layer[];
  history: HistoryEntry[];
}

export interface BuildOutcome {
  /** BuildKit's plain progress, which `docker build` writes to stderr, ending with any ERROR line */
  progress: string;
  image?: BuiltImage;
  record: BuildRecord;
  warnings: LintWarning[];
}

const isFsStep = (i: Instruction) => i.kind === 'RUN' || i.kind === 'COPY' || i.kind === 'ADD' || i.kind === 'WORKDIR';
export function build(req: BuildRequest, deps: BuildDeps): BuildOutcome {
  const startedAt = deps.now();
  const progress = new PlainProgress();
  const record: BuildRecord = {
    startedAt,
    finishedAt: startedAt,
    dockerfile: req.dockerfile ?? '',
    tags: req.tags,
    steps: [],
    layers: [],
    size: 0,
    hints: [],
  };
  let warnings: LintWarning[] = [];
  const tick = (ms: number) => deps.advance(ms);

  const def = progress.vertex(`[internal] load build definition from ${req.dockerfileName}`, deps.now());
  const text = req.dockerfile;
  def.status(`transferring dockerfile: ${progressBytes(text === null ? 2 : new TextEncoder().encode(text).length + 36)}`);
  tick(10);
  if (text === null) {
    def.done(deps.now());
    record.error = `failed to build: failed to solve: failed to read dockerfile: open ${req.dockerfileName}: no such file or directory`;
    progress.raw(`ERROR: ${record.error}\n`);
    return { progress: progress.toString(), record, warnings };
  }
  let dockerfile: Dockerfile | DockerfileError;
  try {
    dockerfile = readDockerfile(text);
    warnings = lintWarnings(dockerfile);
    for (const w of warnings) def.warn(`${w.rule}: ${w.message} (line ${w.line})`);
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    dockerfile = e;
  }
  // a parse error still completes the definition step; the error follows it
  def.done(deps.now());
  try {
    if (dockerfile instanceof DockerfileError) throw dockerfile;
    const image = solve(dockerfile, req, deps, progress, record);
    record.finishedAt = deps.now();
    return { progress: progress.toString() + warningText(warnings), image, record, warnings };
  } catch (e) {
    if (!(e instanceof SolveError || e instanceof DockerfileError)) throw e;
    const lines = e instanceof SolveError ? e.lines : e.startLine > 0 ? { start: e.startLine, end: e.endLine } : undefined;
    if (e instanceof SolveError && e.vertex) progress.errorLogs(e.vertex);
    if (lines) progress.raw(sourceSnippet(req.dockerfileName, text, lines.start, lines.end));
    record.error = `failed to build: failed to solve: ${e.message}`;
    record.finishedAt = deps.now();
    progress.raw(`ERROR: ${record.error}\n`);
    return { progress: progress.toString(), record, warnings };
  }
}

/** buildx's summary of lint warnings after the progress (plain mode, no --debug) */
function warningText(warnings: LintWarning[]): string {
  if (warnings.length === 0) return '';
  const head = `\n ${warnings.length} warning${warnings.length > 1 ? 's' : ''} found (use docker --debug to expand):\n`;
  return head + warnings.map((w) => ` - ${w.rule}: ${w.message} (line ${w.line})\n`).join('');
}

/** The stages `target` needs, dependencies first (BuildKit skips the others). */
function neededStages(df: Dockerfile, target: Stage, byName: Map<string, number>): Stage[] {
  const order: Stage[] = [];
  const visit = (s: Stage) => {
    if (order.includes(s)) return;
    const deps = [s.baseName, ...s.instructions.flatMap((i) => (i.kind === 'COPY' && i.from ? [i.from] : []))];
    for (const d of deps) {
      const idx = byName.get(d.toLowerCase()) ?? (/^\d+$/.test(d) ? Number(d) : undefined);
      const dep = idx !== undefined ? df.stages[idx] : undefined;
      if (dep && dep !== s) visit(dep);
    }
    order.push(s);
  };
  visit(target);
  return order;
}

function solve(df: Dockerfile, req: BuildRequest, deps: BuildDeps, progress: PlainProgress, record: BuildRecord): BuiltImage {
  const byName = new Map(df.stages.flatMap((s, i) => (s.name ? [[s.name, i] as [string, number]] : [])));
  let target = df.stages[df.stages.length - 1]!;
  if (req.target !== undefined) {
    const idx = byName.get(req.target.toLowerCase());
    if (idx === undefined) throw new SolveError(`target stage "${req.target}" could not be found`);
    target = df.stages[idx]!;
  }
  const multi = df.stages.length > 1;

  // meta ARGs: their defaults, overridden by --build-arg; only FROM lines see them
  const meta = new Map<string, string>();
  for (const a of df.metaArgs)
    for (const { key, value } of a.args) {
      const v = req.buildArgs[key] ?? (value !== undefined ? expandWord(value, (k) => meta.get(k)).value : undefined);
      if (v !== undefined) meta.set(key, v);
    }

  const stages = neededStages(df, target, byName);
  const runs = new Map<Stage, StageRun>();
  const bases = new Map<Stage, { ref?: NamedRef; stageRef?: Stage }>();

  // base images first: one metadata vertex per distinct registry image
  const metadataDone = new Map<string, BaseImage>();
  for (const s of stages) {
    const name = expandOrFail(s.baseName, (k) => meta.get(k), s.node);
    const stageIdx = byName.get(name.toLowerCase());
    if (stageIdx !== undefined && df.stages[stageIdx] !== s) {
      bases.set(s, { stageRef: df.stages[stageIdx] });
      continue;
    }
    if (name === 'scratch') {
      bases.set(s, {});
      continue;
    }
    let ref: NamedRef;
    try {
      ref = withDefaultTag(parseNormalizedNamed(name));
    } catch (e) {
      if (!(e instanceof ReferenceError)) throw e;
      throw new SolveError(`failed to parse stage name "${name}": ${e.message}`, lines(s));
    }
    bases.set(s, { ref });
    const full = fullString(ref);
    if (metadataDone.has(full)) continue;
    const v = progress.vertex(`[internal] load metadata for ${full}`, deps.now());
    const resolved = deps.resolveImage(ref);
    if ('error' in resolved) {
      v.error(resolved.error);
      throw new SolveError(`${name}: failed to resolve source metadata for ${full}: ${resolved.error}`, lines(s), v);
    }
    deps.advance(resolved.digest ? 600 : 10);
    v.done(deps.now());
    metadataDone.set(full, resolved);
  }

  const ignore = progress.vertex('[internal] load .dockerignore', deps.now());
  ignore.status(`transferring context: ${progressBytes(req.context.hasDockerignore ? req.context.dockerignore.length + 49 : 2)}`);
  deps.advance(5);
  ignore.done(deps.now());

  // FROM steps of every needed stage
  for (const s of stages) {
    const index = df.stages.indexOf(s);
    const base = bases.get(s)!;
    const run: StageRun = {
      stage: s,
      index,
      prefix: s.name || (multi ? `stage-${index}` : ''),
      layers: [],
      history: [],
      config: {},
      key: 'scratch',
      args: [],
      stepIndex: 0,
      stepTotal: s.instructions.filter(isFsStep).length + (base.ref ? 1 : 0),
      built: [],
      allCached: true,
      lastCreated: 0,
    };
    if (base.stageRef) {
      const parent = runs.get(base.stageRef)!;
      Object.assign(run, {
        layers: [...parent.layers],
        history: [...parent.history],
        config: structuredClone(parent.config),
        key: parent.key,
        built: parent.built.map((l) => ({ ...l, fromBase: true })),
        lastCreated: parent.lastCreated,
      });
    } else if (base.ref) {
      const img = metadataDone.get(fullString(base.ref))!;
      run.base = img;
      run.layers = [...img.layers];
      run.history = [...img.history];
      run.config = structuredClone(img.config);
      delete run.config.OnBuild;
      run.key = `from:${img.id}`;
      run.lastCreated = img.history.reduce((t, h) => Math.max(t, h.created), 0);
      run.built = baseLayers(img);
      const name = stepName(run, `FROM ${fullString(base.ref)}${img.digest ? '@' + img.digest : ''}`);
      const v = progress.vertex(name, deps.now());
      if (img.digest) v.status(`resolve ${fullString({ ...base.ref, tag: base.ref.tag, digest: img.digest })}`);
      fetchBase(v, img, fullString(base.ref), deps);
      deps.advance(5);
      v.done(deps.now());
    }
    if (!run.config.Env?.some((e) => e.startsWith('PATH='))) run.config.Env = [...(run.config.Env ?? []), DEFAULT_PATH];
    runs.set(s, run);
  }

  // the context files COPY/ADD read, sent once (BuildKit transfers only the paths they name)
  const tree = contextTree(req.context.entries);
  const contextSources = stages.flatMap((s) =>
    s.instructions.flatMap((i) => ((i.kind === 'COPY' || i.kind === 'ADD') && !i.from ? i.sources : [])),
  );
  if (contextSources.length > 0) {
    const v = progress.vertex('[internal] load build context', deps.now());
    const sent = new Map<string, ContextEntry>();
    for (const src of contextSources) {
      try {
        for (const m of matchSource(tree, src)) for (const [p, e] of walkSource(tree, m)) sent.set(p, e);
      } catch {
        // a missing source fails at its COPY step, as in BuildKit
      }
    }
    v.status(`transferring context: ${progressBytes(Math.max(2, transferSize(sent)))}`);
    deps.advance(10);
    v.done(deps.now());
  }

  for (const s of stages) {
    const run = runs.get(s)!;
    for (const inst of s.instructions) execute(run, inst, { df, req, deps, progress, record, runs, byName, meta, tree });
  }

  const final = runs.get(target)!;
  record.hints = buildHints(df, df.stages.indexOf(target), req.context, final.config.User ?? '');
  return exportImage(final, req, deps, progress, record);
}

/** registries serve gzip: a blob is about 40% of its layer; download and extraction speeds */
const BLOB_RATIO = 0.4;
const PULL = { bytesPerMs: 20_000, extractBytesPerMs: 150_000 };

/**
 * The first build from a registry image fetches its blobs into BuildKit's own cache (not into
 * `docker images`): each blob's download, then its extraction, under the FROM step.
 */
function fetchBase(v: Vertex, img: BaseImage, ref: string, deps: BuildDeps): void {
  const key = `pull ${img.id}`;
  if (img.local || deps.state.cache[key]) return;
  const blobs = img.layers.map((l) => ({ digest: l.blobDigest ?? l.diffId, bytes: l.blobSize ?? Math.round(l.size * BLOB_RATIO), size: l.size }));
  for (const b of blobs) {
    const ms = Math.round(20 + b.bytes / PULL.bytesPerMs);
    deps.advance(ms);
    v.status(`${b.digest} ${progressBytes(b.bytes)} / ${progressBytes(b.bytes)}`, ms);
  }
  for (const b of blobs) {
    const ms = Math.round(5 + b.size / PULL.extractBytesPerMs);
    deps.advance(ms);
    v.status(`extracting ${b.digest}`, ms);
  }
  deps.state.cache[key] = { key, created: deps.now(), lastUsed: deps.now(), description: `pulled from ${ref}` };
}

function baseLayers(img: BaseImage): BuiltLayer[] {
  let layer = 0;
  return img.history.map((h) => ({
    createdBy: h.createdBy,
    size: h.emptyLayer ? 0 : (img.layers[layer++]?.size ?? 0),
    hasLayer: !h.emptyLayer,
    cached: true,
    line: 0,
    fromBase: true,
  }));
}

function exportImage(run: StageRun, req: BuildRequest, deps: BuildDeps, progress: PlainProgress, record: BuildRecord): BuiltImage {
  const v = progress.vertex('exporting to image', deps.now());
  const config = run.config;
  if (Object.keys(req.labels).length) config.Labels = { ...config.Labels, ...req.labels };
  const newBytes = run.built.filter((l) => !l.cached).reduce((n, l) => n + l.size, 0);
  const exportMs = run.allCached ? 0 : stepMs.exportBase + Math.round(newBytes / stepMs.exportBytesPerMs);
  deps.advance(exportMs);
  v.status('exporting layers', exportMs);
  const created = run.lastCreated;
  const content = { created, comment: '', author: '', config, layers: run.layers, history: run.history };
  const id = configDigest(content);
  deps.advance(10);
  v.status(`writing image ${id}`);
  for (const tag of req.tags) v.status(`naming to ${tag}`);
  v.done(deps.now());
  record.imageId = id;
  record.layers = run.built;
  record.size = run.layers.reduce((n, l) => n + l.size, 0);
  record.config = config;
  return { id, created, config, layers: run.layers, history: run.history };
}
