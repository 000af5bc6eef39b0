// The steps that change files (WORKDIR, RUN, COPY, ADD): a cache key from the parent's key and what
// the step depends on, reuse of a cached result, else the work on a root file system whose changes
// become the step's layer.
import type { Layer } from '../daemon/images/model';
import { fullString, parseNormalizedNamed, withDefaultTag, type NamedRef } from '../registry/reference';
import { sha256Hex } from '../registry/sha256';
import { resolvePath, type FileSystem } from '../fs/types';
import { byteLength } from '../fs/node';
import { copyInto, CopyError, fsTree, matchSource, walkSource, type SourceTree } from './copy';
import { entryChecksum } from './context';
import type { CopyInstruction, RunInstruction, ValueInstruction } from './dockerfile/instructions';
import { HEREDOC_ONLY } from './dockerfile/parse';
import { runText } from './history-text';
import type { Vertex } from './progress';
import {
  addHistory,
  DEFAULT_SHELL,
  displayText,
  envGet,
  expandOrFail,
  lines,
  lookupFor,
  SolveError,
  stepMs,
  stepName,
  type BaseImage,
  type ExecEnv,
  type StageRun,
} from './stage';

/** the instructions that run as a step (WORKDIR is the only ValueInstruction that reaches fsStep) */
export type FsInstruction = RunInstruction | CopyInstruction | ValueInstruction;

/** Where an instruction's file-system work comes from, as a cache key input and an action. */
interface StepWork {
  key: string;
  createdBy: string;
  /** runs the step on a root file system; returns the ms it took */
  perform(fs: FileSystem, v: Vertex): number;
}

export function fsStep(run: StageRun, inst: FsInstruction, env: ExecEnv): void {
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
      const argv = inst.shellForm ? [...(c.Shell ?? DEFAULT_SHELL), shellScript(inst)] : inst.cmd;
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

/**
 * What a shell-form RUN hands the shell: its command, or with here-documents BuildKit's rule — a RUN
 * that is only `<<EOF` runs the document as the script, otherwise the documents follow the command
 * for the shell to read.
 */
function shellScript(inst: RunInstruction): string {
  const cmd = inst.cmd[0] ?? '';
  const only = HEREDOC_ONLY.exec(cmd.trim());
  const doc = only && inst.node.heredocs.find((h) => h.name === only[2]);
  if (doc) return doc.content;
  return inst.node.heredocs.length ? `${cmd}\n${inst.node.heredocs.map((h) => `${h.content}${h.name}\n`).join('')}` : cmd;
}

/** `COPY <<EOF /etc/motd`: each here-document is a file of its own name next to the context's */
function withHeredocs(tree: SourceTree, inst: CopyInstruction): SourceTree {
  if (inst.node.heredocs.length === 0) return tree;
  const inline = new Map(inst.node.heredocs.map((h) => [`<<${h.name}`, { type: 'file' as const, content: h.content, mode: 0o644, size: byteLength(h.content) }]));
  return {
    get: (p) => inline.get(p) ?? tree.get(p),
    children: (d) => tree.children(d),
  };
}

function copyWork(run: StageRun, inst: CopyInstruction, env: ExecEnv, ex: (w: string) => string, cwd: string): StepWork {
  const sources = inst.sources.map((src) => (src.startsWith('<<') ? src.replace(/^<<-?(["']?)(\w+)\1$/, '<<$2') : ex(src)));
  const dest = ex(inst.dest);
  if (sources.length > 1 && !dest.endsWith('/'))
    throw new SolveError(`When using ${inst.kind} with more than one source file, the destination must be a directory and end with a /`, lines(inst));
  const remote = sources.find((s) => /^https?:\/\//.test(s) || /^git@/.test(s));
  if (remote)
    throw new SolveError(`failed to load ${remote}: the simulated builder has no network access`, lines(inst));
  let tree = withHeredocs(env.tree, inst);
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
function ownerOf(spec: string, fs: FileSystem): { uid: number; gid: number } {
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
