// The plain-JSON shape every simulated file tree is stored in: image layers, a container's writable
// layer, volumes, the host folder. Metadata that equals the default is left out, so a tree of a
// thousand busybox applet symlinks stays small in daemon state and in the browser bundle.
import type { Stat } from './types';

interface Meta {
  /** permission bits; default 0o644 (file), 0o755 (dir), 0o777 (symlink) */
  mode?: number;
  /** default 0 (root) */
  uid?: number;
  gid?: number;
  /** ms since epoch; default 0 */
  mtime?: number;
}

export interface FileNode extends Meta {
  type: 'file';
  content: string;
  /** declared size when `content` stands in for a binary; else the UTF-8 length of `content` */
  size?: number;
}

export interface DirNode extends Meta {
  type: 'dir';
  entries: Record<string, Node>;
  /** layers only: this directory hides everything lower layers have at its path (overlayfs "opaque") */
  opaque?: true;
}

export interface SymlinkNode extends Meta {
  type: 'symlink';
  target: string;
}

/** Layers only: the path was deleted, hiding what lower layers have there (an overlayfs whiteout). */
export interface WhiteoutNode {
  type: 'whiteout';
}

export type Node = FileNode | DirNode | SymlinkNode | WhiteoutNode;
/** What a merged view can show at a path: anything but a whiteout. */
export type VisibleNode = FileNode | DirNode | SymlinkNode;
export type NodeMeta = Meta;

const DEFAULT_MODE = { file: 0o644, dir: 0o755, symlink: 0o777 } as const;
/** What `ls -l` shows for a directory on ext4/overlay. */
const DIR_SIZE = 4096;

/** UTF-8 length without encoding (stat is called for every entry `ls -l` lists). */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00) {
      // a surrogate pair: 4 bytes for 2 UTF-16 units
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export function statOf(n: VisibleNode): Stat {
  const base = { mode: n.mode ?? DEFAULT_MODE[n.type], uid: n.uid ?? 0, gid: n.gid ?? 0, mtime: n.mtime ?? 0 };
  if (n.type === 'file') return { type: 'file', size: n.size ?? byteLength(n.content), ...base };
  if (n.type === 'dir') return { type: 'dir', size: DIR_SIZE, ...base };
  return { type: 'symlink', size: byteLength(n.target), ...base, target: n.target };
}

/** Bytes a tree occupies: file sizes and symlink lengths (directories count nothing, like `du --apparent`'s files). */
export function treeBytes(n: Node): number {
  if (n.type === 'file') return n.size ?? byteLength(n.content);
  if (n.type === 'symlink') return byteLength(n.target);
  if (n.type === 'dir') return Object.values(n.entries).reduce((sum, e) => sum + treeBytes(e), 0);
  return 0;
}

/** A deep copy (nodes are plain JSON). */
export const cloneNode = <T extends Node>(n: T): T => structuredClone(n);

// Builders for literal trees (tests, image contents).
export const file = (content: string, meta: Meta & { size?: number } = {}): FileNode => ({ type: 'file', content, ...meta });
export const dir = (entries: Record<string, Node> = {}, meta: Meta = {}): DirNode => ({ type: 'dir', entries, ...meta });
export const symlink = (target: string, meta: Meta = {}): SymlinkNode => ({ type: 'symlink', target, ...meta });

/** '/a/b' → ['a', 'b']; '/' → [] */
export const splitPath = (path: string): string[] => path.split('/').filter((p) => p !== '');

/** The directory part and the last name of a normalised absolute path ('/' has no name). */
export function parentOf(path: string): { parent: string; name: string } {
  const i = path.lastIndexOf('/');
  return { parent: i <= 0 ? '/' : path.slice(0, i), name: path.slice(i + 1) };
}
