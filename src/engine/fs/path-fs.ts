// The part of a file system every backend shares: walking a path component by component, following
// symlinks (absolute ones from the root of the whole view, so a symlink inside a volume still points
// into the container), and POSIX's rules on what each call may replace. Backends (a plain tree, an
// overlay, a mount table) only handle canonical paths: absolute, normalised, no symlink before the
// last component, parent known to be a directory.
import { FsError, type FileSystem, type Stat } from './types';
import { cloneNode, splitPath, type FileNode, type NodeMeta, type VisibleNode } from './node';

export interface RawFs {
  /** the time new and changed entries get */
  now(): number;
  lstat(path: string): Stat | null;
  readdir(path: string): string[];
  /** the node at a path, its subtree as the view shows it; callers must not mutate it */
  get(path: string): VisibleNode | null;
  /** stores a copy of `node` at `path`, replacing what is there; touches the parent's mtime on a new entry */
  put(path: string, node: VisibleNode): void;
  /** removes the entry (and its subtree); touches the parent's mtime */
  remove(path: string): void;
  setMeta(path: string, meta: NodeMeta): void;
  /** moves an entry; `to` is absent or replaceable (checked by the caller) */
  rename(from: string, to: string): void;
}

const MAX_SYMLINK_HOPS = 40;
const UMASK = 0o022;

interface Resolved {
  /** canonical path of the entry (or of where it would be created) */
  path: string;
  stat: Stat | null;
}

/** A FileSystem over a RawFs: symlink resolution and POSIX argument checks. */
export class PathFs implements FileSystem {
  constructor(readonly raw: RawFs) {}

  /** Canonical form of `path`; `followLast` also resolves a symlink in the last component. */
  resolve(path: string, followLast: boolean): Resolved {
    const r = this.walk(path, followLast);
    if ('error' in r) throw new FsError(r.error, path);
    return r;
  }

  /** resolve() without exceptions: a missing parent is common (stat of paths that may not exist) and Errors are costly. */
  private walk(path: string, followLast: boolean): Resolved | { error: 'ENOENT' | 'ENOTDIR' | 'ELOOP' } {
    let todo = splitPath(path);
    let done: string[] = [];
    let here = '';
    let hops = 0;
    let stat: Stat | null = null;
    while (todo.length > 0) {
      const name = todo.shift()!;
      if (name === '.') continue;
      if (name === '..') {
        done.pop();
        here = join(done);
        stat = null;
        continue;
      }
      const next = (here === '/' ? '' : here) + '/' + name;
      stat = this.raw.lstat(next);
      const last = todo.length === 0;
      if (!stat) return last ? { path: next, stat: null } : { error: 'ENOENT' };
      if (stat.type === 'symlink' && (!last || followLast)) {
        if (++hops > MAX_SYMLINK_HOPS) return { error: 'ELOOP' };
        const target = stat.target!;
        if (target.startsWith('/')) done = [];
        here = join(done);
        todo = [...splitPath(target), ...todo];
        stat = null;
        continue;
      }
      if (!last && stat.type !== 'dir') return { error: 'ENOTDIR' };
      done.push(name);
      here = next;
    }
    return { path: join(done), stat: stat ?? this.raw.lstat(join(done)) };
  }

  stat(path: string): Stat | null {
    return this.quiet(path, true);
  }

  lstat(path: string): Stat | null {
    return this.quiet(path, false);
  }

  readFile(path: string): string {
    const r = this.existing(path, true);
    if (r.stat.type === 'dir') throw new FsError('EISDIR', path);
    return (this.raw.get(r.path) as FileNode).content;
  }

  writeFile(path: string, data: string, opts: { append?: boolean; mode?: number } = {}): void {
    const r = this.resolve(path, true);
    if (r.stat?.type === 'dir') throw new FsError('EISDIR', path);
    const old = r.stat ? (this.raw.get(r.path) as FileNode) : null;
    const now = this.raw.now();
    // a rewrite keeps the inode's owner and mode; the declared size of a stand-in binary no longer holds
    const { size: _size, ...kept } = old ?? { type: 'file' as const, content: '', mode: (opts.mode ?? 0o666) & ~UMASK };
    const node: FileNode = { ...kept, content: opts.append && old ? old.content + data : data, mtime: now };
    this.mapErrors(path, () => this.raw.put(r.path, node));
  }

  mkdir(path: string, opts: { parents?: boolean; mode?: number } = {}): void {
    const mode = (opts.mode ?? 0o777) & ~UMASK;
    if (opts.parents) {
      let prefix = '';
      for (const name of splitPath(path)) {
        prefix += '/' + name;
        const r = this.resolve(prefix, true);
        if (r.stat && r.stat.type !== 'dir') throw new FsError('EEXIST', prefix);
        if (!r.stat) this.create(prefix, r.path, { type: 'dir', entries: {}, mode });
      }
      return;
    }
    const r = this.resolve(path, false);
    if (r.stat) throw new FsError('EEXIST', path);
    this.create(path, r.path, { type: 'dir', entries: {}, mode });
  }

  readdir(path: string): string[] {
    const r = this.existing(path, true);
    if (r.stat.type !== 'dir') throw new FsError('ENOTDIR', path);
    return this.raw.readdir(r.path);
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const r = this.existing(path, false);
    if (r.path === '/') throw new FsError('EBUSY', path);
    if (r.stat.type === 'dir' && !opts.recursive && this.raw.readdir(r.path).length > 0)
      throw new FsError('ENOTEMPTY', path);
    this.mapErrors(path, () => this.raw.remove(r.path));
  }

  rename(from: string, to: string): void {
    const a = this.existing(from, false);
    const b = this.resolve(to, false);
    if (a.path === b.path) return;
    if (b.path.startsWith(a.path + '/') || a.path === '/') throw new FsError('EINVAL', to);
    if (b.stat) {
      if (b.stat.type === 'dir' && a.stat.type !== 'dir') throw new FsError('EISDIR', to);
      if (b.stat.type !== 'dir' && a.stat.type === 'dir') throw new FsError('ENOTDIR', to);
      if (b.stat.type === 'dir' && this.raw.readdir(b.path).length > 0) throw new FsError('ENOTEMPTY', to);
    }
    this.mapErrors(from, () => this.raw.rename(a.path, b.path));
  }

  symlink(target: string, path: string): void {
    const r = this.resolve(path, false);
    if (r.stat) throw new FsError('EEXIST', path);
    this.create(path, r.path, { type: 'symlink', target });
  }

  readlink(path: string): string {
    const r = this.existing(path, false);
    if (r.stat.type !== 'symlink') throw new FsError('EINVAL', path);
    return r.stat.target!;
  }

  chmod(path: string, mode: number): void {
    const r = this.existing(path, true);
    this.mapErrors(path, () => this.raw.setMeta(r.path, { mode: mode & 0o7777 }));
  }

  chown(path: string, uid: number, gid: number): void {
    const r = this.existing(path, true);
    this.mapErrors(path, () => this.raw.setMeta(r.path, { uid, gid }));
  }

  /** A detached copy of the subtree at `path` (following a final symlink), for copying between file systems. */
  export(path: string): VisibleNode {
    const r = this.existing(path, true);
    return cloneNode(this.raw.get(r.path)!);
  }

  /** Stores a subtree at `path`, replacing what is there; the parent must exist. */
  import(path: string, node: VisibleNode): void {
    const r = this.resolve(path, false);
    this.mapErrors(path, () => this.raw.put(r.path, node));
  }

  private create(path: string, canonical: string, node: VisibleNode): void {
    this.mapErrors(path, () => this.raw.put(canonical, { ...node, mtime: this.raw.now() }));
  }

  private existing(path: string, follow: boolean): Resolved & { stat: Stat } {
    const r = this.resolve(path, follow);
    if (!r.stat) throw new FsError('ENOENT', path);
    return r as Resolved & { stat: Stat };
  }

  /** Backends report canonical paths; callers expect the path they passed. */
  private mapErrors(path: string, op: () => void): void {
    try {
      op();
    } catch (e) {
      throw e instanceof FsError ? new FsError(e.code, path) : e;
    }
  }

  private quiet(path: string, follow: boolean): Stat | null {
    const r = this.walk(path, follow);
    if (!('error' in r)) return r.stat;
    if (r.error === 'ELOOP') throw new FsError('ELOOP', path);
    return null;
  }
}

const join = (parts: string[]): string => '/' + parts.join('/');

/** Whether `path` is `root` or inside it. */
export const isWithin = (path: string, root: string): boolean =>
  root === '/' || path === root || path.startsWith(root + '/');
