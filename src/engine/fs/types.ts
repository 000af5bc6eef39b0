// The file-system contract every part of the runtime speaks: a container's merged view (image layers,
// writable layer, mounts), a volume, the simulated host folder. Synchronous and path-based, with
// absolute, normalised paths (the shell resolves relative ones against its cwd with `resolvePath`).
// Implementations keep their data as plain JSON so the daemon snapshots and restores it exactly.

export type FileType = 'file' | 'dir' | 'symlink';

export interface Stat {
  type: FileType;
  /** bytes (a file's declared size when its content is a stand-in, e.g. a binary) */
  size: number;
  /** permission bits, e.g. 0o755 */
  mode: number;
  uid: number;
  gid: number;
  /** ms since epoch */
  mtime: number;
  /** a symlink's target */
  target?: string;
}

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS' | 'EACCES' | 'EINVAL' | 'EBUSY' | 'ELOOP';

/** strerror(3) wording, which busybox and coreutils print after the path */
export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  EBUSY: 'Resource busy',
  ELOOP: 'Symbolic link loop',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${path}: ${FS_ERROR_TEXT[code]}`);
  }
}

export interface FileSystem {
  /** follows symlinks; null when nothing is there */
  stat(path: string): Stat | null;
  lstat(path: string): Stat | null;
  readFile(path: string): string;
  /** creates or replaces (append: adds to the end); the parent directory must exist */
  writeFile(path: string, data: string, opts?: { append?: boolean; mode?: number }): void;
  mkdir(path: string, opts?: { parents?: boolean; mode?: number }): void;
  /** entry names, sorted, without . and .. */
  readdir(path: string): string[];
  /** a file, a symlink or an empty directory; `recursive` removes a whole tree */
  remove(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
}

/** `path` made absolute against `cwd` and normalised (`.`/`..`/duplicate slashes); '/' stays '/'. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
