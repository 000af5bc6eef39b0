// `docker build` inside the daemon, the way BuildKit's Dockerfile frontend and solver run it: the
// stages the target needs, each instruction on the root file system built so far, a cache key per
// step (parent + instruction + file checksums + the build args and env it sees), cached steps reused
// without running, only the target stage's layers in the image, and the plain progress BuildKit
// prints while doing so.
import type { HistoryEntry, ImageConfig, Layer } from '../daemon/images/model';
import { fullString, parseNormalizedNamed, ReferenceError, withDefaultTag, type NamedRef } from '../registry/reference';
import { sha256Hex } from '../registry/sha256';
import { configDigest } from '../registry/hub';
import { resolvePath } from '../fs/types';
import { contextTree, copyInto, CopyError, fsTree, matchSource, walkSource, type SourceTree } from './copy';
import { entryChecksum, transferSize, type BuildContext } from './context';
import { expandWord, ExpandError } from './dockerfile/expand';
import {
  readDockerfile,
  type CopyInstruction,
  type Dockerfile,
  type Instruction,
  type RunInstruction,
  type Stage,
  type ValueInstruction,
} from './dockerfile/instructions';
import { DockerfileError } from './dockerfile/parse';
import { exposeText, goQuoteList, healthcheckText, runText } from './history-text';
import { buildHints } from './hints';
import { lintWarnings, type LintWarning } from './lint';
import { PlainProgress, progressBytes, sourceSnippet, type Vertex } from './progress';
import type { BuildRuntime } from './runtime';
import type { BuildRecord, BuilderState, BuiltLayer } from './state';

export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** A base image as the builder sees it: a local image or a registry one. */
export interface BaseImage {
  id: string;
  /** repository digest, shown in the FROM step's name; absent for a local-only image */
  digest?: string;
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

/** A failure BuildKit reports with the Dockerfile lines it concerns. */
class SolveError extends Error {
  constructor(
    message: string,
    readonly lines?: { start: number; end: number },
    readonly vertex?: Vertex,
  ) {
    super(message);
  }
}

interface StageRun {
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

/** the instructions that run as a step (WORKDIR is the only ValueInstruction that reaches fsStep) */
type FsInstruction = RunInstruction | CopyInstruction | ValueInstruction;

const isFsStep = (i: Instruction) => i.kind === 'RUN' || i.kind === 'COPY' || i.kind === 'ADD' || i.kind === 'WORKDIR';
const envGet = (env: string[] | undefined, key: string) =>
  env?.find((e) => e.startsWith(key + '='))?.slice(key.length + 1);
const envSet = (env: string[], key: string, value: string) => [...env.filter((e) => !e.startsWith(key + '=')), `${key}=${value}`];

const stepMs = { meta: 20, workdir: 20, copyBase: 25, copyBytesPerMs: 50_000, run: 180, exportBase: 60, exportBytesPerMs: 100_000 };

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
    const sent = new Map<string, ReturnType<typeof walkSource>[number][1]>();
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

interface ExecEnv {
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

const lines = (x: { node: { startLine: number; endLine: number } }) => ({ start: x.node.startLine, end: x.node.endLine });

function expandOrFail(word: string, lookup: (k: string) => string | undefined, node: { startLine: number; endLine: number }): string {
  try {
    return expandWord(word, lookup).value;
  } catch (e) {
    if (e instanceof ExpandError) throw new SolveError(e.message, { start: node.startLine, end: node.endLine });
    throw e;
  }
}

/** Variables an instruction sees: the image's Env, then the stage's ARGs (ENV wins). */
function lookupFor(run: StageRun): (k: string) => string | undefined {
  return (k) => envGet(run.config.Env, k) ?? run.args.find(([a]) => a === k)?.[1];
}

function stepName(run: StageRun, text: string): string {
  if (run.stepTotal === 0) return text;
  run.stepIndex++;
  const width = String(run.stepTotal).length;
  return `[${run.prefix ? run.prefix + ' ' : ''}${String(run.stepIndex).padStart(width)}/${run.stepTotal}] ${text}`;
}

/** The instruction as BuildKit names its step: keyword upper-cased, known variables substituted. */
function displayText(run: StageRun, inst: Instruction): string {
  const original = inst.node.original.trim();
  const sp = original.search(/\s/);
  const upper = sp < 0 ? original.toUpperCase() : original.slice(0, sp).toUpperCase() + original.slice(sp);
  try {
    return expandWord(upper, lookupFor(run), '\\', { keepQuotes: true, keepUnknown: true }).value;
  } catch {
    return upper;
  }
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

function addHistory(run: StageRun, inst: Instruction, createdBy: string, layer: Layer | undefined, created: number, cached: boolean): void {
  const entry: HistoryEntry = { created, createdBy, comment: HISTORY_COMMENT };
  if (!layer) entry.emptyLayer = true;
  else run.layers.push(layer);
  run.history.push(entry);
  run.built.push({ createdBy, size: layer?.size ?? 0, hasLayer: !!layer, cached, line: inst.node.startLine, fromBase: false });
}

/** A metadata-only instruction: config change and an empty history entry, no step in the output. */
function metadata(run: StageRun, inst: Instruction, createdBy: string, now: number): void {
  addHistory(run, inst, createdBy, undefined, run.allCached ? run.lastCreated : now, run.allCached);
}

function execute(run: StageRun, inst: Instruction, env: ExecEnv): void {
  const { deps, req } = env;
  const look = lookupFor(run);
  const ex = (w: string) => expandOrFail(w, look, inst.node);
  const c = run.config;
  switch (inst.kind) {
    case 'ENV': {
      const pairs = inst.pairs.map(([k, v]) => [ex(k), ex(v)] as const);
      for (const [k, v] of pairs) c.Env = envSet(c.Env ?? [], k, v);
      return metadata(run, inst, `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, deps.now());
    }
    case 'LABEL': {
      const pairs = inst.pairs.map(([k, v]) => [ex(k), ex(v)] as const);
      c.Labels = { ...c.Labels, ...Object.fromEntries(pairs) };
      return metadata(run, inst, `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, deps.now());
    }
    case 'ARG': {
      const shown: string[] = [];
      for (const { key, value } of inst.args) {
        const v = req.buildArgs[key] ?? (value !== undefined ? ex(value) : env.meta.get(key));
        run.args = run.args.filter(([k]) => k !== key);
        if (v !== undefined) run.args.push([key, v]);
        shown.push(v !== undefined ? `${key}=${v}` : key);
      }
      return metadata(run, inst, `ARG ${shown.join(' ')}`, deps.now());
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const argv = inst.shellForm ? [...(c.Shell ?? DEFAULT_SHELL), ...inst.cmd] : inst.cmd;
      if (inst.kind === 'CMD') c.Cmd = argv;
      else {
        c.Entrypoint = argv.length ? argv : undefined;
        // a new ENTRYPOINT resets the CMD inherited from the base image
        if (!run.stage.instructions.slice(0, run.stage.instructions.indexOf(inst)).some((i) => i.kind === 'CMD')) delete c.Cmd;
      }
      return metadata(run, inst, `${inst.kind} ${goQuoteList(argv)}`, deps.now());
    }
    case 'EXPOSE': {
      const ports = inst.values.map((p) => {
        const v = ex(p);
        if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(v)) throw new SolveError(`invalid containerPort: ${v.split('/')[0]}`, lines(inst));
        return v.includes('/') ? v.toLowerCase() : `${v}/tcp`;
      });
      c.ExposedPorts = { ...c.ExposedPorts, ...Object.fromEntries(ports.map((p) => [p, {}])) };
      return metadata(run, inst, exposeText(ports), deps.now());
    }
    case 'USER':
      c.User = ex(inst.value);
      return metadata(run, inst, `USER ${c.User}`, deps.now());
    case 'VOLUME': {
      const vols = inst.values.map(ex);
      c.Volumes = { ...c.Volumes, ...Object.fromEntries(vols.map((v) => [v, {}])) };
      return metadata(run, inst, `VOLUME [${vols.join(' ')}]`, deps.now());
    }
    case 'STOPSIGNAL':
      c.StopSignal = ex(inst.value);
      return metadata(run, inst, `STOPSIGNAL ${c.StopSignal}`, deps.now());
    case 'MAINTAINER':
      return metadata(run, inst, `MAINTAINER ${inst.value}`, deps.now());
    case 'HEALTHCHECK':
      c.Healthcheck = inst.health;
      return metadata(run, inst, healthcheckText(inst.health), deps.now());
    case 'SHELL':
      c.Shell = inst.shell;
      return metadata(run, inst, `SHELL [${inst.shell.join(' ')}]`, deps.now());
    case 'ONBUILD':
      c.OnBuild = [...(c.OnBuild ?? []), inst.expression];
      return metadata(run, inst, `ONBUILD ${inst.expression}`, deps.now());
    case 'WORKDIR':
    case 'RUN':
    case 'COPY':
    case 'ADD':
      return fsStep(run, inst, env);
  }
}

/** Where an instruction's file-system work comes from, as a cache key input and an action. */
interface StepWork {
  key: string;
  createdBy: string;
  /** runs the step on a root file system; returns the ms it took */
  perform(fs: import('../fs/types').FileSystem, v: Vertex): number;
}

function fsStep(run: StageRun, inst: FsInstruction, env: ExecEnv): void {
  const { deps, progress, record, req } = env;
  const name = stepName(run, displayText(run, inst));
  const v = progress.vertex(name, deps.now());
  let work: StepWork;
  try {
    work = stepWork(run, inst, env);
  } catch (e) {
    if (!(e instanceof SolveError)) throw e;
    v.error(e.message.replace(/^failed to compute cache key: /, ''));
    throw new SolveError(e.message, e.lines, v);
  }
  const key = sha256Hex(`${run.key}\n${work.key}`);
  const hit = req.noCache ? undefined : deps.state.cache[key];
  let layer: Layer | undefined;
  let created: number;
  if (hit) {
    v.cached();
    hit.lastUsed = deps.now();
    layer = hit.layer;
    created = hit.created;
  } else {
    run.allCached = false;
    const root = deps.runtime.rootfs(run.layers);
    const took = work.perform(root.fs, v);
    deps.advance(took);
    layer = root.commit();
    created = deps.now();
    v.done(created);
    deps.state.cache[key] = { key, layer, created, lastUsed: created, description: work.createdBy.replace(/ # buildkit$/, '') };
  }
  run.key = key;
  run.lastCreated = Math.max(run.lastCreated, created);
  record.steps.push({ name, cached: !!hit, line: inst.node.startLine });
  addHistory(run, inst, work.createdBy, layer, created, !!hit);
}

function stepWork(run: StageRun, inst: FsInstruction, env: ExecEnv): StepWork {
  const look = lookupFor(run);
  const ex = (w: string) => expandOrFail(w, look, inst.node);
  const c = run.config;
  const cwd = c.WorkingDir || '/';
  switch (inst.kind) {
    case 'RUN': {
      const argv = inst.shellForm ? [...(c.Shell ?? DEFAULT_SHELL), ...inst.cmd] : inst.cmd;
      const runEnv = [...(c.Env ?? []), ...run.args.filter(([k]) => !envGet(c.Env, k)).map(([k, v]) => `${k}=${v}`)];
      const user = c.User ?? '';
      const secrets = Object.fromEntries(inst.secrets.map((id) => [id, env.req.secrets[id] ?? '']));
      return {
        key: `run ${JSON.stringify({ argv, runEnv, cwd, user, secrets: inst.secrets })}`,
        createdBy: runText(argv, run.args),
        perform(fs, v) {
          const started = env.deps.now();
          const res = env.deps.runtime.run({ argv, env: runEnv, cwd, user, fs, layers: run.layers, secrets });
          const out = res.output.replace(/\n$/, '');
          const logLines = out === '' ? [] : out.split('\n');
          const took = Math.max(stepMs.run, res.durationMs);
          // output lines spread over the run, the first shortly after the process started
          logLines.forEach((l, i) => v.log(started + stepMs.run / 2 + ((took - stepMs.run / 2) * i) / logLines.length, l));
          if (res.exit !== 0) {
            env.deps.advance(took);
            const message = `process ${JSON.stringify(argv.join(' '))} did not complete successfully: exit code: ${res.exit}`;
            v.error(message);
            throw new SolveError(message, lines(inst), v);
          }
          return took;
        },
      };
    }
    case 'COPY':
    case 'ADD':
      return copyWork(run, inst, env, ex, cwd);
    default: {
      // WORKDIR: creates the directory when missing
      const dir = resolvePath(cwd, ex(inst.value));
      c.WorkingDir = dir;
      return {
        key: `workdir ${dir}`,
        createdBy: `WORKDIR ${dir}`,
        perform(fs) {
          if (!fs.stat(dir)) fs.mkdir(dir, { parents: true });
          return stepMs.workdir;
        },
      };
    }
  }
}

function copyWork(run: StageRun, inst: CopyInstruction, env: ExecEnv, ex: (w: string) => string, cwd: string): StepWork {
  const sources = inst.sources.map(ex);
  const dest = ex(inst.dest);
  if (sources.length > 1 && !dest.endsWith('/'))
    throw new SolveError(`When using ${inst.kind} with more than one source file, the destination must be a directory and end with a /`, lines(inst));
  const remote = sources.find((s) => /^https?:\/\//.test(s) || /^git@/.test(s));
  if (remote)
    throw new SolveError(`failed to load ${remote}: the simulated builder has no network access`, lines(inst));
  let tree = env.tree;
  let fromKey = 'context';
  if (inst.from) {
    const from = ex(inst.from);
    const idx = env.byName.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? Number(from) : undefined);
    const stage = idx !== undefined ? env.df.stages[idx] : undefined;
    const source = stage ? env.runs.get(stage) : undefined;
    if (source) {
      tree = fsTree(env.deps.runtime.rootfs(source.layers).fs);
      fromKey = `stage ${source.key}`;
    } else {
      const img = resolveFromImage(from, env);
      tree = fsTree(env.deps.runtime.rootfs(img.layers).fs);
      fromKey = `image ${img.id}`;
    }
  }
  const checksums: string[] = [];
  try {
    for (const s of sources) for (const m of matchSource(tree, s)) for (const [p, e] of walkSource(tree, m)) checksums.push(entryChecksum(p, e));
  } catch (e) {
    if (!(e instanceof CopyError)) throw e;
    const ref = `${refId(run.key, 'a')}::${refId(run.key, 'b').slice(0, 25)}`;
    throw new SolveError(`failed to compute cache key: failed to calculate checksum of ref ${ref}: ${e.message}`, lines(inst));
  }
  const chown = inst.chown ? ex(inst.chown) : undefined;
  const chmod = inst.chmod ? ex(inst.chmod) : undefined;
  if (chmod !== undefined && !/^[0-7]{3,4}$/.test(chmod)) throw new SolveError(`invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`, lines(inst));
  return {
    key: `${inst.kind.toLowerCase()} ${fromKey} ${JSON.stringify({ sources, dest, cwd, chown, chmod, checksums })}`,
    createdBy: `${inst.kind} ${sources.join(' ')} ${dest} # buildkit`,
    perform(fs) {
      const written = copyInto(fs, tree, {
        sources,
        dest,
        workdir: cwd,
        chown: chown ? ownerOf(chown, fs) : undefined,
        chmod: chmod ? parseInt(chmod, 8) : undefined,
      });
      const size = written.reduce((n, p) => n + (fs.lstat(p)?.type === 'file' ? fs.lstat(p)!.size : 0), 0);
      return stepMs.copyBase + Math.round(size / stepMs.copyBytesPerMs);
    },
  };
}

/** A stable pseudo ref ID for BuildKit's checksum errors (a UUID and a base-36 ID in Docker). */
function refId(seed: string, salt: string): string {
  const h = sha256Hex(salt + seed);
  return salt === 'a'
    ? `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
    : BigInt('0x' + h).toString(36);
}

function resolveFromImage(name: string, env: ExecEnv): BaseImage {
  let ref: NamedRef;
  try {
    ref = withDefaultTag(parseNormalizedNamed(name));
  } catch (e) {
    throw new SolveError(`invalid from flag value ${name}: ${(e as Error).message}`);
  }
  const img = env.deps.resolveImage(ref);
  if ('error' in img) throw new SolveError(`${name}: failed to resolve source metadata for ${fullString(ref)}: ${img.error}`);
  return img;
}

/** `--chown=user:group` by number or by name from the stage's /etc/passwd and /etc/group */
function ownerOf(spec: string, fs: import('../fs/types').FileSystem): { uid: number; gid: number } {
  const [user = '', group] = spec.split(':');
  const lookup = (file: string, name: string): number | undefined => {
    if (/^\d+$/.test(name)) return Number(name);
    const text = fs.stat(file) ? fs.readFile(file) : '';
    const row = text.split('\n').find((l) => l.split(':')[0] === name);
    return row ? Number(row.split(':')[2]) : undefined;
  };
  const uid = lookup('/etc/passwd', user);
  if (uid === undefined) throw new SolveError(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}`);
  const gid = group !== undefined ? lookup('/etc/group', group) : uid;
  if (gid === undefined) throw new SolveError(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}`);
  return { uid, gid };
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

/** `docker.io/library/my-app:1.0` for a `-t my-app:1.0` */
export function fullTag(tag: string): string {
  return fullString(withDefaultTag(parseNormalizedNamed(tag)));
}
