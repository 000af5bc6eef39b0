// `docker build` as Docker 28 runs it (buildx with the docker driver): the CLI reads the context folder
// and the Dockerfile from the host, sends them with the options, and writes BuildKit's plain progress to
// stderr (the simulator's terminal is not a TTY to BuildKit); `-q` prints only the image ID on stdout.
import { isError } from '../../../api/http';
import type { BuildResponse } from '../../../builder/daemon-build';
import type { BuildRequest } from '../../../builder/build';
import { readContext } from '../../../builder/context';
import { resolvePath } from '../../../fs/types';
import { fullString, parseNormalizedNamed, withDefaultTag } from '../../../registry/reference';
import type { CommandContext } from '../../command';
import { humanSize } from '../../format/units';
import { daemonFailure } from '../system/output';

const fail = (ctx: CommandContext, message: string): number => {
  ctx.io.err(`ERROR: ${message}\n`);
  return 1;
};

/** `KEY=value` items of --build-arg / --label */
function keyValues(items: string[]): Record<string, string> {
  return Object.fromEntries(items.filter((i) => i.includes('=')).map((i) => [i.slice(0, i.indexOf('=')), i.slice(i.indexOf('=') + 1)]));
}

/** `--secret id=token,src=token.txt` (or `env=VAR`): the secret's content, read on the client */
function readSecrets(ctx: CommandContext, specs: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const fields = Object.fromEntries(spec.split(',').map((f) => [f.split('=')[0]!, f.split('=').slice(1).join('=')]));
    const id = fields.id ?? '';
    const src = fields.src ?? fields.source;
    if (!id) return `failed to parse secret: secret ID missing`;
    if (src) {
      const path = resolvePath(ctx.host!.cwd, src);
      if (ctx.host!.fs.stat(path)?.type !== 'file') return `failed to stat ${src}: stat ${src}: no such file or directory`;
      out[id] = ctx.host!.fs.readFile(path);
    } else out[id] = '';
  }
  return out;
}

export function imageBuild(ctx: CommandContext): number {
  const { inv, io, api, host } = ctx;
  const tags: string[] = [];
  for (const t of inv.flags.tag as string[]) {
    try {
      tags.push(fullString(withDefaultTag(parseNormalizedNamed(t))));
    } catch (e) {
      return fail(ctx, `failed to build: invalid tag ${JSON.stringify(t)}: ${(e as Error).message}`);
    }
  }
  const path = inv.args[0]!;
  if (/^(https?:\/\/|git@|github\.com\/)/.test(path) || path === '-')
    return fail(ctx, `failed to build: unable to prepare context: ${path === '-' ? 'reading a context from stdin' : 'remote contexts'} is not available in the simulated engine`);
  const dir = host ? resolvePath(host.cwd, path) : path;
  if (!host || host.fs.stat(dir)?.type !== 'dir') return fail(ctx, `failed to build: unable to prepare context: path ${JSON.stringify(path)} not found`);

  const file = (inv.flags.file as string) || '';
  const dockerfilePath = file ? resolvePath(host.cwd, file) : `${dir === '/' ? '' : dir}/Dockerfile`;
  const dockerfileName = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
  const dockerfile = host.fs.stat(dockerfilePath)?.type === 'file' ? host.fs.readFile(dockerfilePath) : null;
  const secrets = readSecrets(ctx, inv.flags.secret as string[]);
  if (typeof secrets === 'string') return fail(ctx, secrets);

  const req: BuildRequest = {
    dockerfileName,
    dockerfile,
    context: readContext(host.fs, dir),
    tags,
    buildArgs: keyValues(inv.flags['build-arg'] as string[]),
    target: (inv.flags.target as string) || undefined,
    noCache: Boolean(inv.flags['no-cache']),
    labels: keyValues(inv.flags.label as string[]),
    secrets,
  };
  const res = api.request<BuildResponse>({ method: 'POST', path: '/build', body: req });
  if (isError(res)) return daemonFailure(io, res);
  const quiet = Boolean(inv.flags.quiet) || inv.flags.progress === 'quiet';
  const { imageId, progress, record } = res.body;
  if (!imageId) {
    io.err(quiet ? `ERROR: ${record.error}\n` : progress);
    return 1;
  }
  if (quiet) io.out(imageId + '\n');
  else io.err(progress);
  const iidfile = inv.flags.iidfile as string;
  if (iidfile) host.fs.writeFile(resolvePath(host.cwd, iidfile), imageId);
  return 0;
}

const PRUNE_WARNING = {
  dangling: 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?',
  all: 'WARNING! This will remove all build cache. Are you sure you want to continue?',
};

/** `docker builder prune` (docker/cli builder/prune.go): without -f it asks, and EOF on stdin means no. */
export function builderPrune(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const all = Boolean(inv.flags.all);
  if (!inv.flags.force) {
    io.out(`${all ? PRUNE_WARNING.all : PRUNE_WARNING.dangling} [y/N] `);
    return 0;
  }
  const res = api.request<{ CachesDeleted: string[]; SpaceReclaimed: number }>({ method: 'POST', path: '/build/prune', query: { all: all ? '1' : undefined } });
  if (isError(res)) return daemonFailure(io, res);
  const { CachesDeleted: deleted, SpaceReclaimed: reclaimed } = res.body;
  if (deleted.length) io.out(`Deleted build cache objects:\n${deleted.map((id) => id + '\n').join('')}\n`);
  io.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}
