// Building image file trees from compact tables: a base image is a few hundred entries, written here
// as lists of names per directory rather than literal JSON, so the browser bundle stays small.
import type { DirNode, Node, VisibleNode } from '../../fs/node';
import { splitPath } from '../../fs/node';

/** What an executable's content is in the simulator: an ELF header stand-in (its size is declared). */
export const ELF = '\u007fELF\u0002\u0001\u0001';

export interface TreeBuilder {
  readonly root: DirNode;
  /** a directory (and its parents) */
  dir(path: string, mode?: number, owner?: number): TreeBuilder;
  /** a text file; `size` declares a stand-in's real size */
  file(path: string, content: string, opts?: { mode?: number; size?: number; owner?: number }): TreeBuilder;
  /** an executable binary of `size` bytes */
  bin(path: string, size: number): TreeBuilder;
  link(path: string, target: string): TreeBuilder;
  /** `names` (space-separated) in `dir`, each a symlink to `target` */
  links(dir: string, names: string, target: string): TreeBuilder;
  /** `names` (space-separated `name:size` or `name`) in `dir`, each an executable of that size (default `size`) */
  bins(dir: string, names: string, size: number): TreeBuilder;
}

/** A builder stamping every entry with `mtime` (the layer's build time), owned by root. */
export function treeBuilder(mtime: number): TreeBuilder {
  const root: DirNode = { type: 'dir', entries: {}, mtime };
  const ensureDir = (names: string[]): DirNode => {
    let dir = root;
    for (const n of names) {
      let next: Node | undefined = dir.entries[n];
      if (next?.type !== 'dir') dir.entries[n] = next = { type: 'dir', entries: {}, mtime };
      dir = next;
    }
    return dir;
  };
  const parentDir = (path: string): { dir: DirNode; name: string } => {
    const names = splitPath(path);
    const name = names.pop()!;
    return { dir: ensureDir(names), name };
  };
  const put = (path: string, node: VisibleNode) => {
    const { dir, name } = parentDir(path);
    dir.entries[name] = node;
  };
  const owned = (owner?: number) => (owner ? { uid: owner, gid: owner } : {});
  const b: TreeBuilder = {
    root,
    dir(path, mode, owner) {
      const dir = ensureDir(splitPath(path));
      if (mode !== undefined && mode !== 0o755) dir.mode = mode;
      Object.assign(dir, owned(owner));
      return b;
    },
    file(path, content, opts = {}) {
      const mode = opts.mode !== undefined && opts.mode !== 0o644 ? { mode: opts.mode } : {};
      put(path, { type: 'file', content, ...mode, ...(opts.size !== undefined ? { size: opts.size } : {}), ...owned(opts.owner), mtime });
      return b;
    },
    bin(path, size) {
      put(path, { type: 'file', content: ELF, size, mode: 0o755, mtime });
      return b;
    },
    link(path, target) {
      put(path, { type: 'symlink', target, mtime });
      return b;
    },
    links(dir, names, target) {
      for (const n of words(names)) b.link(`${dir}/${n}`, target);
      return b;
    },
    bins(dir, names, size) {
      for (const w of words(names)) {
        const [n, s] = w.split(':');
        b.bin(`${dir}/${n}`, s ? Number(s) : size);
      }
      return b;
    },
  };
  return b;
}

export const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** /etc/passwd and /etc/group lines from `name:uid:gid:gecos:home:shell` and `name:gid:members`. */
export const passwd = (rows: string[]): string => rows.map((r) => {
  const [name, uid, gid, gecos, home, shell] = r.split(':');
  return `${name}:x:${uid}:${gid}:${gecos}:${home}:${shell}\n`;
}).join('');

export const group = (rows: string[]): string => rows.map((r) => {
  const [name, gid, members = ''] = r.split(':');
  return `${name}:x:${gid}:${members}\n`;
}).join('');

/** os-release(5) from ordered key/value pairs (values quoted as the distributions do). */
export const osRelease = (pairs: [string, string, boolean?][]): string =>
  pairs.map(([k, v, quoted = true]) => `${k}=${quoted ? `"${v}"` : v}\n`).join('');
