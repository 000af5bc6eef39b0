// Layers as plain JSON trees: an image layer or a container's writable layer holds only what changed
// (added and modified entries, whiteouts for deletions, opaque directories for replaced ones). These
// are the operations the daemon (`docker diff`, `commit`, `ps -s`) and the builder (RUN/COPY steps)
// need on them.
import { OverlayRaw } from './overlay';
import { cloneNode, statOf, treeBytes, type DirNode, type Node, type VisibleNode } from './node';

/** The changes a writable layer holds, detached: a new image layer (commit, a builder step). */
export const changesOf = (upper: DirNode): DirNode => cloneNode(upper);

/** Bytes a layer adds (file sizes and symlink lengths, as Docker's size walk counts them). */
export const layerSize = (layer: DirNode): number => treeBytes(layer);

/** Whether a writable layer holds no change at all. */
export const isEmptyLayer = (layer: DirNode): boolean => Object.keys(layer.entries).length === 0;

/** Squashes `layer` onto the plain tree `base` in place (whiteouts delete, opaque directories replace). */
export function applyLayer(base: DirNode, layer: DirNode): void {
  for (const [name, e] of Object.entries(layer.entries)) {
    const below = base.entries[name];
    if (e.type === 'whiteout') delete base.entries[name];
    else if (e.type === 'dir' && !e.opaque && below?.type === 'dir') {
      const { entries: _e, opaque: _o, ...meta } = e;
      Object.assign(below, meta);
      applyLayer(below, e);
    } else {
      const copy = cloneNode(e);
      if (copy.type === 'dir') delete copy.opaque;
      base.entries[name] = stripWhiteouts(copy);
    }
  }
}

function stripWhiteouts<T extends Node>(n: T): T {
  if (n.type === 'dir') for (const [k, e] of Object.entries(n.entries)) e.type === 'whiteout' ? delete n.entries[k] : stripWhiteouts(e);
  return n;
}

export type ChangeKind = 'A' | 'C' | 'D';
export interface Change {
  kind: ChangeKind;
  path: string;
}

/** moby's statDifferent: type, mode and owner; size and mtime too, except for directories. */
function statDifferent(a: VisibleNode, b: VisibleNode): boolean {
  const x = statOf(a);
  const y = statOf(b);
  if (x.type !== y.type || x.mode !== y.mode || x.uid !== y.uid || x.gid !== y.gid) return true;
  if (x.type === 'dir') return false;
  return x.mtime !== y.mtime || x.size !== y.size || x.target !== y.target;
}

/**
 * `docker diff`: what the container's view changed against its image, the way moby's ChangesDirs
 * reports it (a directory shows as C when anything inside it changed; additions and changes of a
 * directory's entries come before its deletions; a deleted directory is one D). Docker lists siblings
 * in Go map order, which varies from run to run; here they are sorted.
 */
export function diffChanges(overlay: OverlayRaw): Change[] {
  const out: Change[] = [];
  walk(overlay, '', overlay.upper, out);
  return out;
}

function walk(o: OverlayRaw, dirPath: string, upperDir: DirNode, out: Change[]): void {
  const deleted: string[] = [];
  const names = new Set(Object.keys(upperDir.entries));
  // an opaque directory hides every entry the image had there: those are deletions too
  if (upperDir.opaque) for (const n of lowerNames(o, dirPath)) names.add(n);
  for (const name of [...names].sort()) {
    const path = `${dirPath}/${name}`;
    const up = upperDir.entries[name];
    const now = o.find(path)?.node;
    if (!now) {
      if (o.findLower(path)) deleted.push(path);
      continue;
    }
    const before = o.findLower(path)?.node;
    const start = out.length;
    let reported = false;
    if (!before) {
      out.push({ kind: 'A', path });
      reported = true;
    } else if (statDifferent(before, now)) {
      out.push({ kind: 'C', path });
      reported = true;
    }
    if (now.type === 'dir' && up?.type === 'dir') {
      if (before?.type === 'dir') walk(o, path, up, out);
      else addAll(path, up, out);
    }
    if (!reported && out.length > start) out.splice(start, 0, { kind: 'C', path });
  }
  for (const path of deleted) out.push({ kind: 'D', path });
}

/** Every entry below a new directory is an addition. */
function addAll(dirPath: string, dir: DirNode, out: Change[]): void {
  for (const name of Object.keys(dir.entries).sort()) {
    const e = dir.entries[name]!;
    if (e.type === 'whiteout') continue;
    out.push({ kind: 'A', path: `${dirPath}/${name}` });
    if (e.type === 'dir') addAll(`${dirPath}/${name}`, e, out);
  }
}

function lowerNames(o: OverlayRaw, dirPath: string): string[] {
  const f = o.findLower(dirPath || '/');
  return f?.node.type === 'dir' ? f.dirs.flatMap((d) => Object.keys(d.entries)) : [];
}
