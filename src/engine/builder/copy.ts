// COPY and ADD as BuildKit's file operation does them: sources matched against the context (or
// another stage's / image's root file system) with `*`, `?` and `[…]` per path segment, a directory
// source copies its contents, the destination is a directory when it ends in `/` (or already is
// one), parents are created, files keep their mode unless --chmod, and belong to --chown or root.
import { byteLength } from '../fs/node';
import { PathFs } from '../fs/path-fs';
import type { FileSystem } from '../fs/types';
import { resolvePath } from '../fs/types';
import type { ContextEntry } from './context';

/** Where sources are read from: context-relative paths without a leading slash. */
export interface SourceTree {
  get(path: string): ContextEntry | undefined;
  /** names directly inside a directory ('' is the root) */
  children(dir: string): string[];
}

export class CopyError extends Error {}

/**
 * Writes a file and keeps a declared size larger than its content (a binary's content is a stand-in),
 * which the FileSystem contract cannot express: on the simulator's own file systems the node is set directly.
 */
export function writeSized(fs: FileSystem, path: string, content: string, mode: number, size: number): void {
  fs.writeFile(path, content, { mode });
  fs.chmod(path, mode);
  if (size === byteLength(content) || !(fs instanceof PathFs)) return;
  const { path: canonical } = fs.resolve(path, true);
  const node = fs.raw.get(canonical);
  if (node?.type === 'file') fs.raw.put(canonical, { ...node, size });
}

/** The context map as a SourceTree (directories a path implies are there even when not listed). */
export function contextTree(entries: Record<string, ContextEntry>): SourceTree {
  const all: Record<string, ContextEntry> = { ...entries };
  for (const path of Object.keys(entries))
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1))
      all[path.slice(0, i)] ??= { type: 'dir', content: '', mode: 0o755, size: 0 };
  const children = new Map<string, string[]>();
  for (const path of Object.keys(all).sort()) {
    const i = path.lastIndexOf('/');
    const parent = i < 0 ? '' : path.slice(0, i);
    children.set(parent, [...(children.get(parent) ?? []), path.slice(i + 1)]);
  }
  return {
    get: (p) => (p === '' ? { type: 'dir', content: '', mode: 0o755, size: 0 } : all[p]),
    children: (d) => children.get(d) ?? [],
  };
}

/** A file system (another stage, an image) as a SourceTree. */
export function fsTree(fs: FileSystem): SourceTree {
  const abs = (p: string) => '/' + p;
  return {
    get(p) {
      const st = fs.stat(abs(p));
      if (!st) return undefined;
      if (st.type === 'dir') return { type: 'dir', content: '', mode: st.mode, size: 0 };
      return { type: 'file', content: fs.readFile(abs(p)), mode: st.mode, size: st.size };
    },
    children: (d) => (fs.stat(abs(d))?.type === 'dir' ? fs.readdir(abs(d)) : []),
  };
}

const cleanRel = (p: string) => resolvePath('/', p).slice(1);
const hasWildcard = (p: string) => /[*?[]/.test(p);

function segmentMatch(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^');
  return new RegExp(`^${re}$`).test(name);
}

/** The context-relative paths a source names (several for a wildcard); throws when none. */
export function matchSource(tree: SourceTree, src: string): string[] {
  if (src.startsWith('<<') && tree.get(src)) return [src];
  const clean = cleanRel(src);
  if (!hasWildcard(clean)) {
    if (!tree.get(clean)) throw new CopyError(`"/${clean}": not found`);
    return [clean];
  }
  let found = [''];
  for (const seg of clean.split('/')) {
    found = found.flatMap((dir) =>
      tree
        .children(dir)
        .filter((name) => segmentMatch(seg, name))
        .map((name) => (dir ? `${dir}/${name}` : name)),
    );
  }
  if (found.length === 0) throw new CopyError(`"/${clean}": not found`);
  return found;
}

/** Every entry under (and including) `root`, for checksums and transfer sizes. */
export function walkSource(tree: SourceTree, root: string): [string, ContextEntry][] {
  const out: [string, ContextEntry][] = [];
  const visit = (p: string) => {
    const e = tree.get(p);
    if (!e) return;
    out.push([p, e]);
    if (e.type === 'dir') for (const name of tree.children(p)) visit(p ? `${p}/${name}` : name);
  };
  visit(root);
  return out;
}

export interface CopySpec {
  sources: string[];
  dest: string;
  workdir: string;
  chown?: { uid: number; gid: number };
  chmod?: number;
}

/** Copies the matched sources into `fs`; returns the absolute paths written. */
export function copyInto(fs: FileSystem, tree: SourceTree, spec: CopySpec): string[] {
  const matched = spec.sources.flatMap((s) => matchSource(tree, s));
  const dest = resolvePath(spec.workdir, spec.dest);
  const destIsDir = spec.dest.endsWith('/') || spec.dest === '.' || matched.length > 1 || fs.stat(dest)?.type === 'dir';
  const written: string[] = [];
  const own = (path: string, mode: number) => {
    fs.chmod(path, spec.chmod ?? mode);
    fs.chown(path, spec.chown?.uid ?? 0, spec.chown?.gid ?? 0);
    written.push(path);
  };
  const put = (rel: string, target: string) => {
    const e = tree.get(rel)!;
    if (e.type === 'dir') {
      if (fs.stat(target)?.type !== 'dir') {
        fs.mkdir(target, { parents: true });
        own(target, e.mode);
      }
      for (const name of tree.children(rel)) put(rel ? `${rel}/${name}` : name, `${target === '/' ? '' : target}/${name}`);
    } else if (e.type === 'symlink') {
      if (fs.lstat(target)) fs.remove(target, { recursive: true });
      fs.symlink(e.content, target);
      written.push(target);
    } else {
      if (fs.stat(target)?.type === 'dir') fs.remove(target, { recursive: true });
      writeSized(fs, target, e.content, spec.chmod ?? e.mode, e.size);
      own(target, e.mode);
    }
  };
  if (destIsDir) fs.mkdir(dest, { parents: true });
  else fs.mkdir(resolvePath(dest, '..'), { parents: true });
  for (const rel of matched) {
    const e = tree.get(rel)!;
    const name = rel.startsWith('<<') ? rel.slice(2) : rel.slice(rel.lastIndexOf('/') + 1);
    const target = e.type === 'dir' ? dest : destIsDir ? `${dest === '/' ? '' : dest}/${name}` : dest;
    put(rel, target);
  }
  return written;
}
