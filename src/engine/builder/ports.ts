// The daemon's runtime for builds: RUN lines go through the container shell over the step's root file
// system, in BuildKit's sandbox (hostname `buildkitsandbox`, no other processes, stdin empty).
import type { Daemon } from '../daemon/daemon';
import { accountOf, isolatedSystem } from '../daemon/containers/system';
import type { DirNode } from '../fs/node';
import { layerContent } from '../registry/contents';
import { classify } from '../daemon/process/classify';
import { runProgram } from '../daemon/process/launch';
import type { ProgramContext } from '../daemon/process/program';
import type { BuildPorts } from './daemon-build';
import type { RunRequest, RunResult } from './runtime';

const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function runInBuildSandbox(d: Daemon, req: RunRequest): RunResult {
  const sys = { ...isolatedSystem(req.fs, 'buildkitsandbox'), user: accountOf(req.user, req.fs) };
  const hadRun = !!req.fs.stat('/run');
  for (const [id, content] of Object.entries(req.secrets)) {
    req.fs.mkdir('/run/secrets', { parents: true });
    req.fs.writeFile(`/run/secrets/${id}`, content);
  }
  const env = Object.fromEntries(req.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const ctx: ProgramContext = {
    ...classify({ layers: [...req.layers], repoTags: [] }),
    env,
    hostname: 'buildkitsandbox',
    workingDir: req.cwd,
    stdinOpen: false,
    now: d.now(),
    ip: '',
    sys,
  };
  // the shell form runs `/bin/sh -c …`; an exec form names its program, found as runc finds it
  const run = runProgram(req.argv, ctx) ?? {
    output: [{ at: 0, stream: 'stderr' as const, text: `exec: ${quote(req.argv[0]!)}: executable file not found in $PATH` }],
    duration: 0,
    code: 127,
  };
  // secrets are mounted for this RUN only: they never reach the layer
  if (Object.keys(req.secrets).length) req.fs.remove(hadRun ? '/run/secrets' : '/run', { recursive: true });
  const output = [...run.output]
    .sort((a, b) => a.at - b.at)
    .map((l) => l.text + (l.partial ? '' : '\n'))
    .join('');
  return { exit: run.code, output, durationMs: Number.isFinite(run.duration) ? run.duration : 0 };
}

/** When the image holding a layer was created: the imported busybox's files are stamped from it. */
function createdOf(d: Daemon, contentKey: string): number {
  const img = Object.values(d.state.images.images).find((i) => i.layers.some((l) => l.contentKey === contentKey));
  return img?.created ?? d.now();
}

/** The ports for one build request (layer trees looked up once per key). */
export function daemonBuildPorts(d: Daemon): BuildPorts {
  const trees = new Map<string, DirNode | undefined>();
  return {
    layerTree(key) {
      if (!key) return undefined;
      if (!trees.has(key)) trees.set(key, layerContent(key, createdOf(d, key)) ?? undefined);
      return trees.get(key);
    },
    runShell: (req) => runInBuildSandbox(d, req),
  };
}
