// The build context: the files of a host folder the CLI sends to the builder, minus what
// `.dockerignore` leaves out. Held as a flat map of context-relative paths, which is what COPY/ADD
// match their sources against and what the cache checksums.
import type { FileSystem } from '../fs/types';
import { sha256Hex } from '../registry/sha256';
import { IgnoreMatcher } from './dockerignore';

export interface ContextEntry {
  type: 'file' | 'dir' | 'symlink';
  /** file content or symlink target */
  content: string;
  mode: number;
  /** bytes (a file's declared size) */
  size: number;
}

export interface BuildContext {
  /** by context-relative path without leading slash ('src/app.js'); directories included */
  entries: Record<string, ContextEntry>;
  /** the .dockerignore text ('' when the folder has none) */
  dockerignore: string;
  hasDockerignore: boolean;
}

/** Reads `dir` of a host file system as a build context, applying its `.dockerignore`. */
export function readContext(fs: FileSystem, dir: string): BuildContext {
  const ignorePath = `${dir === '/' ? '' : dir}/.dockerignore`;
  const hasDockerignore = fs.stat(ignorePath)?.type === 'file';
  const dockerignore = hasDockerignore ? fs.readFile(ignorePath) : '';
  const matcher = new IgnoreMatcher(dockerignore);
  const entries: Record<string, ContextEntry> = {};
  const walk = (abs: string, rel: string) => {
    for (const name of fs.readdir(abs)) {
      const path = rel ? `${rel}/${name}` : name;
      const full = `${abs === '/' ? '' : abs}/${name}`;
      const st = fs.lstat(full);
      if (!st || matcher.ignores(path)) continue;
      if (st.type === 'dir') {
        entries[path] = { type: 'dir', content: '', mode: st.mode, size: 0 };
        walk(full, path);
      } else if (st.type === 'symlink') {
        entries[path] = { type: 'symlink', content: st.target ?? '', mode: st.mode, size: st.size };
      } else {
        entries[path] = { type: 'file', content: fs.readFile(full), mode: st.mode, size: st.size };
      }
    }
  };
  walk(dir, '');
  return { entries, dockerignore, hasDockerignore };
}

/**
 * Bytes BuildKit reports for sending these paths (`transferring context: 58B`): contents plus a
 * per-entry header, as fsutil's stream of stat records and data roughly is.
 */
export function transferSize(paths: Iterable<[string, ContextEntry]>): number {
  let n = 0;
  for (const [path, e] of paths) n += path.length + 36 + (e.type === 'file' ? e.size : 0);
  return n;
}

/** The checksum the cache keys a copied path by: its type, mode and content (like BuildKit's contenthash). */
export const entryChecksum = (path: string, e: ContextEntry): string =>
  sha256Hex(`${path}\0${e.type}\0${e.mode}\0${e.size}\0${e.content}`);
