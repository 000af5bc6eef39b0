// `docker diff`, `docker cp` and `docker commit`: the client side. cp runs docker/cli's copy logic
// (which side is the container, where the entry lands, the CLI's own errors) between the container's
// archive endpoints and the host folder.
import { isError } from '../../../api/http';
import type { PathStat } from '../../../daemon/containers/files';
import type { ArchivePutBody } from '../../../api/routes/container-files';
import { parseNormalizedNamed } from '../../../registry/reference';
import { resolvePath } from '../../../fs/types';
import type { PathFs } from '../../../fs/path-fs';
import type { VisibleNode } from '../../../fs/node';
import type { CommandContext } from '../../command';
import { bool, daemonError, list, str } from './shared';

const KIND = ['C', 'A', 'D'];

export function containerDiff(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const res = api.request<{ Path: string; Kind: number }[]>({ method: 'GET', path: `/containers/${encodeURIComponent(inv.args[0]!)}/changes` });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  for (const ch of res.body) io.out(`${KIND[ch.Kind]} ${ch.Path}\n`);
  return 0;
}

export function containerCommit(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const [container, reference] = inv.args as [string, string | undefined];
  let repo = '';
  let tag = '';
  if (reference) {
    try {
      const ref = parseNormalizedNamed(reference);
      const at = reference.lastIndexOf(':');
      // the name as typed, tag split off (the daemon normalises it again)
      [repo, tag] = ref.tag !== undefined ? [reference.slice(0, at), ref.tag] : [reference, ''];
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 1;
    }
  }
  const query: Record<string, string> = { container, repo, tag, comment: str(inv.flags, 'message'), author: str(inv.flags, 'author'), pause: bool(inv.flags, 'pause') ? '1' : '0' };
  const res = api.request<{ Id: string }>({ method: 'POST', path: '/commit', query, body: { changes: list(inv.flags, 'change') } });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  io.out(res.body.Id + '\n');
  return 0;
}

/** docker/cli splitCpArg: `container:path`, unless the argument is clearly a local path. */
function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

class CpError extends Error {}

export function containerCp(ctx: CommandContext): number {
  const { inv, io } = ctx;
  const src = splitCpArg(inv.args[0]!);
  const dst = splitCpArg(inv.args[1]!);
  try {
    if (src.container && dst.container) throw new CpError('copying between containers is not supported');
    if (!src.container && !dst.container) throw new CpError('must specify at least one container source');
    if (!ctx.host) throw new CpError('docker cp: this terminal has no host folder to copy to or from');
    if (src.container) copyFromContainer(ctx, ctx.host.fs as PathFs, ctx.host.cwd, src.container, src.path, dst.path);
    else copyToContainer(ctx, ctx.host.fs as PathFs, ctx.host.cwd, src.path, dst.container, dst.path);
    return 0;
  } catch (e) {
    if (!(e instanceof CpError)) throw e;
    io.err(e.message + '\n');
    return 1;
  }
}

const base = (p: string) => p.replace(/\/+$/, '').split('/').pop() || '/';
const parentPath = (p: string) => p.replace(/\/+$/, '').slice(0, p.replace(/\/+$/, '').lastIndexOf('/')) || '/';

function copyFromContainer(ctx: CommandContext, host: PathFs, cwd: string, container: string, srcPath: string, dstArg: string): void {
  if (dstArg === '-') throw new CpError('docker cp: writing a tar archive to stdout is not available in the simulator; copy to a host path instead');
  const follow = bool(ctx.inv.flags, 'follow-link');
  const res = ctx.api.request<{ stat: PathStat; tree: VisibleNode }>({
    method: 'GET',
    path: `/containers/${encodeURIComponent(container)}/archive`,
    query: { path: srcPath, ...(follow ? { follow: '1' } : {}) },
  });
  if (isError(res)) throw new CpError(daemonError(res));
  const dst = resolvePath(cwd, dstArg);
  const parent = parentPath(dst);
  const parentStat = host.stat(parent);
  if (!parentStat) throw new CpError(`invalid output path: directory "${parent}" does not exist`);
  if (parentStat.type !== 'dir') throw new CpError(`stat ${dst}: not a directory`);
  const existing = host.stat(dst);
  const tree = res.body.tree;
  if (existing?.type === 'dir') return host.import(`${dst}/${res.body.stat.name}`, tree);
  if (existing && tree.type === 'dir') throw new CpError('cannot copy directory');
  if (!existing && dstArg.endsWith('/')) throw new CpError(`invalid output path: directory "${dst}" does not exist`);
  host.import(dst, tree);
}

/** Without -a the copied files belong to root in the container, whoever owned them on the host. */
function asRoot(n: VisibleNode): VisibleNode {
  const { uid: _u, gid: _g, ...rest } = n;
  if (rest.type !== 'dir') return rest;
  return { ...rest, entries: Object.fromEntries(Object.entries(rest.entries).map(([k, e]) => [k, e.type === 'whiteout' ? e : asRoot(e)])) };
}

function copyToContainer(ctx: CommandContext, host: PathFs, cwd: string, srcArg: string, container: string, dstPath: string): void {
  const { api, inv } = ctx;
  const stat = api.request<PathStat>({ method: 'HEAD', path: `/containers/${encodeURIComponent(container)}/archive`, query: { path: dstPath } });
  const dstStat = isError(stat) ? null : stat.body;
  if (isError(stat) && stat.status !== 404) throw new CpError(daemonError(stat));
  if (srcArg === '-') {
    // the simulated client's stdin is empty: an empty archive extracts to nothing
    if (dstStat?.type !== 'dir') throw new CpError(`destination "${container}:${dstPath}" must be a directory`);
    return;
  }
  const src = resolvePath(cwd, srcArg);
  const follow = bool(inv.flags, 'follow-link');
  const srcStat = follow ? host.stat(src) : host.lstat(src);
  if (!srcStat) throw new CpError(`lstat ${src}: no such file or directory`);
  const exported = srcStat.type === 'symlink' ? ({ type: 'symlink', target: srcStat.target!, mtime: srcStat.mtime } as VisibleNode) : host.export(src);
  const tree = bool(inv.flags, 'archive') ? exported : asRoot(exported);
  // the CLI has already started writing the tar stream when it finds out; its writer then logs these
  const refuse = (message: string) => {
    const at = new Date(ctx.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    const log = (msg: string) => ctx.io.err(`time="${at}" level=error msg="${msg}"\n`);
    log(`Can't add file ${src} to tar: io: read/write on closed pipe`);
    log(`Can't close tar writer: io: read/write on closed pipe`);
    return new CpError(message);
  };
  let put: { dir: string; name: string };
  if (dstStat?.type === 'dir') put = { dir: dstPath, name: base(src) };
  else if (dstStat) {
    if (tree.type === 'dir') throw refuse('cannot copy directory');
    put = { dir: parentPath(resolvePath('/', dstPath)), name: base(dstPath) };
  } else {
    if (dstPath.endsWith('/')) throw refuse('no such directory');
    put = { dir: parentPath(resolvePath('/', dstPath)), name: base(dstPath) };
  }
  const body: ArchivePutBody = { name: put.name, tree };
  const res = api.request({ method: 'PUT', path: `/containers/${encodeURIComponent(container)}/archive`, query: { path: put.dir }, body });
  if (isError(res)) throw new CpError(daemonError(res));
}
