// A container's root file system as overlayfs builds it: read-only lower layers (the image's layers,
// base first) under one writable upper layer. Reading walks the layers top-down; writing copies the
// entry (and its parent directories' metadata) up; deleting something a lower layer has leaves a
// whiteout; a directory made where a lower one was deleted is opaque. Only the upper tree changes.
import { FsError, type Stat } from './types';
import type { RawFs } from './path-fs';
import { cloneNode, parentOf, splitPath, statOf, type DirNode, type Node, type NodeMeta, type VisibleNode } from './node';

/** What a path shows through a stack of layers: the topmost entry, and for a directory every layer's part. */
interface Found {
  node: VisibleNode;
  /** top-first: the directories that merge at this path (empty for a file or symlink) */
  dirs: DirNode[];
}

/** One step down from a merged directory to its entry `name`. */
function step(from: Found, name: string): Found | null {
  let top: VisibleNode | null = null;
  const dirs: DirNode[] = [];
  for (const d of from.dirs) {
    const e: Node | undefined = Object.hasOwn(d.entries, name) ? d.entries[name] : undefined;
    if (!e) continue;
    // a whiteout, or a lower file under an upper directory, hides everything further down
    if (e.type === 'whiteout' || (top && e.type !== 'dir')) break;
    top ??= e;
    if (e.type !== 'dir') break;
    dirs.push(e);
    if (e.opaque) break;
  }
  return top ? { node: top, dirs } : null;
}

/** Looks `path` up through `roots` (top-first layer roots). */
function findIn(roots: DirNode[], path: string): Found | null {
  let found: Found | null = { node: roots[0]!, dirs: roots };
  for (const name of splitPath(path)) {
    found = step(found, name);
    if (!found) return null;
  }
  return found;
}

/** Visible entry names of a merged directory, sorted. */
function mergedNames(dirs: DirNode[]): string[] {
  const seen = new Map<string, boolean>();
  for (const d of dirs) for (const [name, e] of Object.entries(d.entries)) if (!seen.has(name)) seen.set(name, e.type !== 'whiteout');
  return [...seen].filter(([, visible]) => visible).map(([name]) => name).sort();
}

/** The merged subtree as one plain tree (for copying out of the overlay). */
function materialise(f: Found): VisibleNode {
  if (f.node.type !== 'dir') return f.node;
  const { entries: _e, opaque: _o, ...meta } = f.node;
  const entries: Record<string, Node> = {};
  for (const name of mergedNames(f.dirs)) entries[name] = materialise(step(f, name)!);
  return { ...meta, entries };
}

export class OverlayRaw implements RawFs {
  /** top-first: upper, then the image layers from the top one down */
  private readonly roots: DirNode[];
  private readonly lowerRoots: DirNode[];

  /** `layers` base first, as an image lists them; `upper` is edited in place. */
  constructor(
    layers: DirNode[],
    readonly upper: DirNode,
    readonly now: () => number,
  ) {
    this.lowerRoots = [...layers].reverse();
    this.roots = [upper, ...this.lowerRoots];
  }

  /** lookups by path, valid until the next change (a program stats the same prefixes over and over) */
  private cache = new Map<string, Found | null>();

  find(path: string): Found | null {
    let f = this.cache.get(path);
    if (f !== undefined) return f;
    if (path === '/') f = { node: this.roots[0]!, dirs: this.roots };
    else {
      const { parent, name } = parentOf(path);
      const up = this.find(parent);
      f = up && up.node.type === 'dir' ? step(up, name) : null;
    }
    this.cache.set(path, f);
    return f;
  }

  /** What the image layers alone show at `path`. */
  findLower(path: string): Found | null {
    return this.lowerRoots.length ? findIn(this.lowerRoots, path) : null;
  }

  lstat(path: string): Stat | null {
    const f = this.find(path);
    return f ? statOf(f.node) : null;
  }

  readdir(path: string): string[] {
    const f = this.find(path);
    if (!f) throw new FsError('ENOENT', path);
    if (f.node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return mergedNames(f.dirs);
  }

  get(path: string): VisibleNode | null {
    const f = this.find(path);
    return f ? materialise(f) : null;
  }

  put(path: string, node: VisibleNode): void {
    this.changing(() => this.store(path, node));
  }

  private store(path: string, node: VisibleNode): void {
    const { parent, name } = parentOf(path);
    if (!name) throw new FsError('EBUSY', path);
    const dir = this.copyUpDir(parent);
    const isNew = !this.find(path);
    const stored = cloneNode(node);
    // a directory replacing one the image has must hide the image's entries
    if (stored.type === 'dir' && this.findLower(path)?.node.type === 'dir') stored.opaque = true;
    dir.entries[name] = stored;
    if (isNew) dir.mtime = this.now();
  }

  remove(path: string): void {
    this.changing(() => {
      const { parent, name } = parentOf(path);
      const dir = this.copyUpDir(parent);
      if (this.findLower(path)) dir.entries[name] = { type: 'whiteout' };
      else delete dir.entries[name];
      dir.mtime = this.now();
    });
  }

  setMeta(path: string, meta: NodeMeta): void {
    this.changing(() => {
      const f = this.find(path);
      if (!f) throw new FsError('ENOENT', path);
      Object.assign(f.node.type === 'dir' ? this.copyUpDir(path) : this.copyUp(path, f.node), meta);
    });
  }

  /** A change to the upper layer: lookups cached before (or during) it no longer hold. */
  private changing(op: () => void): void {
    this.cache.clear();
    try {
      op();
    } finally {
      this.cache.clear();
    }
  }

  rename(from: string, to: string): void {
    // overlayfs answers EXDEV for directories the image has; mv then copies and deletes, which is what this does
    const node = this.get(from)!;
    this.remove(from);
    this.put(to, node);
  }

  /** The upper layer's own directory at `path`, created with the merged directory's metadata if needed. */
  private copyUpDir(path: string): DirNode {
    let dir = this.upper;
    let here = '';
    for (const name of splitPath(path)) {
      here += '/' + name;
      const e = dir.entries[name];
      if (e?.type === 'dir') {
        dir = e;
        continue;
      }
      const f = this.find(here);
      if (!f || f.node.type !== 'dir') throw new FsError(f ? 'ENOTDIR' : 'ENOENT', here);
      const { entries: _e, opaque: _o, ...meta } = f.node;
      const copy: DirNode = { ...meta, type: 'dir', entries: {} };
      dir.entries[name] = copy;
      dir = copy;
    }
    return dir;
  }

  /** A file or symlink copied into the upper layer (its content too), returned for editing. */
  private copyUp(path: string, node: VisibleNode): VisibleNode {
    const { parent, name } = parentOf(path);
    const dir = this.copyUpDir(parent);
    const existing = dir.entries[name];
    if (existing && existing.type !== 'whiteout') return existing;
    const copy = cloneNode(node);
    dir.entries[name] = copy;
    return copy;
  }
}
