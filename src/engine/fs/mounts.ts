// A mount table over a root file system, as a container's mount namespace has it: volumes, bind mounts
// and tmpfs hide whatever the image had at their path. Each path goes to the backend of the deepest
// mount containing it; writes to a read-only mount (or a `--read-only` root) fail with EROFS.
import { FsError, type Stat } from './types';
import { PathFs, isWithin, type RawFs } from './path-fs';
import type { NodeMeta, VisibleNode } from './node';

export interface Mount {
  /** canonical absolute path in the container */
  path: string;
  raw: RawFs;
  readOnly: boolean;
}

/** A backend seen from below `root` (a bind mount of a host sub-folder): paths are shifted. */
export class SubtreeRaw implements RawFs {
  constructor(
    private readonly inner: RawFs,
    private readonly root: string,
  ) {}
  private at = (path: string) => (path === '/' ? this.root : this.root === '/' ? path : this.root + path);
  now = () => this.inner.now();
  lstat = (p: string) => this.inner.lstat(this.at(p));
  readdir = (p: string) => this.inner.readdir(this.at(p));
  get = (p: string) => this.inner.get(this.at(p));
  put = (p: string, n: VisibleNode) => this.inner.put(this.at(p), n);
  remove = (p: string) => this.inner.remove(this.at(p));
  setMeta = (p: string, m: NodeMeta) => this.inner.setMeta(this.at(p), m);
  rename = (a: string, b: string) => this.inner.rename(this.at(a), this.at(b));
}

export class MountRaw implements RawFs {
  /** deepest first, so the first match is the innermost mount */
  private readonly mounts: Mount[];

  constructor(root: Mount, mounts: Mount[]) {
    this.mounts = [...mounts, root].sort((a, b) => b.path.length - a.path.length);
  }

  now = () => this.mounts[this.mounts.length - 1]!.raw.now();

  private route(path: string): { m: Mount; rel: string } {
    const m = this.mounts.find((x) => isWithin(path, x.path))!;
    return { m, rel: m.path === '/' ? path : path.slice(m.path.length) || '/' };
  }

  private writable(path: string): { m: Mount; rel: string } {
    const r = this.route(path);
    if (r.m.readOnly) throw new FsError('EROFS', path);
    return r;
  }

  private isMountPoint = (path: string) => path !== '/' && this.mounts.some((m) => m.path === path);

  lstat(path: string): Stat | null {
    const { m, rel } = this.route(path);
    return m.raw.lstat(rel);
  }

  readdir(path: string): string[] {
    const { m, rel } = this.route(path);
    return m.raw.readdir(rel);
  }

  get(path: string): VisibleNode | null {
    const { m, rel } = this.route(path);
    const node = m.raw.get(rel);
    if (node?.type !== 'dir') return node;
    // a copy of a directory includes what is mounted inside it
    const inner = this.mounts.filter((x) => x.path !== path && isWithin(x.path, path) && x.path !== '/');
    if (inner.length === 0) return node;
    const copy = structuredClone(node);
    for (const x of inner.sort((a, b) => a.path.length - b.path.length)) {
      let dir = copy;
      const names = x.path.slice(path === '/' ? 1 : path.length + 1).split('/');
      const last = names.pop()!;
      for (const n of names) {
        const next = dir.entries[n];
        if (next?.type !== 'dir') break;
        dir = next;
      }
      const mounted = x.raw.get('/');
      if (mounted) dir.entries[last] = structuredClone(mounted);
    }
    return copy;
  }

  put(path: string, node: VisibleNode): void {
    const { m, rel } = this.writable(path);
    // a file bind-mounted on a file can be rewritten, not replaced by something else
    if (this.isMountPoint(path) && !(node.type === 'file' && m.raw.lstat('/')?.type === 'file')) throw new FsError('EBUSY', path);
    m.raw.put(rel, node);
  }

  remove(path: string): void {
    if (this.isMountPoint(path)) throw new FsError('EBUSY', path);
    const { m, rel } = this.writable(path);
    m.raw.remove(rel);
  }

  setMeta(path: string, meta: NodeMeta): void {
    const { m, rel } = this.writable(path);
    m.raw.setMeta(rel, meta);
  }

  rename(from: string, to: string): void {
    if (this.isMountPoint(from) || this.isMountPoint(to)) throw new FsError('EBUSY', from);
    const a = this.writable(from);
    const b = this.writable(to);
    if (a.m === b.m) return a.m.raw.rename(a.rel, b.rel);
    // across mounts rename(2) fails with EXDEV and mv copies then deletes: do that here
    b.m.raw.put(b.rel, this.get(from)!);
    a.m.raw.remove(a.rel);
  }
}

/** A container's view: `root` (its overlay) with `mounts` on top. */
export function mountedFs(root: RawFs, rootReadOnly: boolean, mounts: Mount[]): PathFs {
  return new PathFs(new MountRaw({ path: '/', raw: root, readOnly: rootReadOnly }, mounts));
}
