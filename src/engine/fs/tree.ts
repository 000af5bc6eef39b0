// A file system over one plain-JSON tree: a volume, the host folder, a tmpfs, a test fixture. The tree
// object is the state: the daemon keeps it in its snapshot and this class edits it in place.
import { FsError } from './types';
import { PathFs, type RawFs } from './path-fs';
import { cloneNode, dir, parentOf, splitPath, statOf, type DirNode, type Node, type NodeMeta, type VisibleNode } from './node';

/** RawFs over a single tree (whiteouts, which only layers hold, count as absent). */
export class TreeRaw implements RawFs {
  constructor(
    readonly root: DirNode,
    readonly now: () => number,
  ) {}

  lookup(path: string): VisibleNode | null {
    let node: VisibleNode = this.root;
    for (const name of splitPath(path)) {
      if (node.type !== 'dir') return null;
      const next: Node | undefined = Object.hasOwn(node.entries, name) ? node.entries[name] : undefined;
      if (!next || next.type === 'whiteout') return null;
      node = next;
    }
    return node;
  }

  lstat(path: string) {
    const n = this.lookup(path);
    return n ? statOf(n) : null;
  }

  readdir(path: string): string[] {
    const d = this.dirAt(path);
    return Object.keys(d.entries)
      .filter((k) => d.entries[k]!.type !== 'whiteout')
      .sort();
  }

  get(path: string): VisibleNode | null {
    return this.lookup(path);
  }

  put(path: string, node: VisibleNode): void {
    const { parent, name } = parentOf(path);
    if (!name) {
      if (node.type !== 'dir') throw new FsError('EISDIR', path);
      Object.assign(this.root, cloneNode(node));
      return;
    }
    const d = this.dirAt(parent);
    if (!d.entries[name]) d.mtime = this.now();
    d.entries[name] = cloneNode(node);
  }

  remove(path: string): void {
    const { parent, name } = parentOf(path);
    const d = this.dirAt(parent);
    delete d.entries[name];
    d.mtime = this.now();
  }

  setMeta(path: string, meta: NodeMeta): void {
    const n = this.lookup(path);
    if (!n) throw new FsError('ENOENT', path);
    Object.assign(n, meta);
  }

  rename(from: string, to: string): void {
    const node = this.lookup(from)!;
    const a = parentOf(from);
    const b = parentOf(to);
    const now = this.now();
    const src = this.dirAt(a.parent);
    delete src.entries[a.name];
    src.mtime = now;
    const dst = this.dirAt(b.parent);
    dst.entries[b.name] = node;
    dst.mtime = now;
  }

  private dirAt(path: string): DirNode {
    const n = this.lookup(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return n;
  }
}

/** A tree made only when first looked at (generated views such as /proc, costly to build for every call). */
export class LazyTreeRaw implements RawFs {
  private made?: TreeRaw;
  constructor(
    private readonly make: () => DirNode,
    readonly now: () => number,
  ) {}
  private get raw(): TreeRaw {
    return (this.made ??= new TreeRaw(this.make(), this.now));
  }
  lstat = (p: string) => this.raw.lstat(p);
  readdir = (p: string) => this.raw.readdir(p);
  get = (p: string) => this.raw.get(p);
  put = (p: string, n: VisibleNode) => this.raw.put(p, n);
  remove = (p: string) => this.raw.remove(p);
  setMeta = (p: string, m: NodeMeta) => this.raw.setMeta(p, m);
  rename = (a: string, b: string) => this.raw.rename(a, b);
}

/** A FileSystem editing `root` in place; `now` stamps new and changed entries. */
export function treeFs(root: DirNode, now: () => number): PathFs {
  return new PathFs(new TreeRaw(root, now));
}

/** An empty root directory owned by root, mode 0755. */
export const emptyTree = (mtime = 0): DirNode => dir({}, mtime ? { mtime } : {});
