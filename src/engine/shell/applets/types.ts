// What an applet (ls, cat, grep, ping …) receives: its arguments, streams, environment and the
// system services, plus the shell's clock. Applets return their exit status; one that keeps running
// throws ForeverSignal. Where busybox and GNU coreutils differ, `userland` says which one to imitate.
import { FS_ERROR_TEXT, FsError, resolvePath, type FileSystem } from '../../fs/types';
import { ForeverSignal, type Io } from '../io';
import type { SystemServices } from '../services';

export type Userland = 'busybox' | 'coreutils';

export interface AppletContext {
  argv: string[];
  io: Io;
  env: Record<string, string>;
  cwd: string;
  sys: SystemServices;
  userland: Userland;
  /** output goes to a terminal (an interactive session) */
  tty: boolean;
  /** the busybox-static import without /etc/passwd (Debian build: fewer applet features) */
  minimal: boolean;
  /** current simulated time, ms since epoch */
  now(): number;
  /** lets simulated time pass (sleep, ping intervals) */
  sleep(ms: number): void;
  /** runs another command with these streams (xargs, env CMD); returns its status */
  exec(argv: string[], io: Io, env?: Record<string, string>): number;
  /** `PATH` lookup as the shell does it */
  which(name: string): string | undefined;
}

export type Applet = (c: AppletContext) => number;

export const out = (c: AppletContext, text: string) => c.io.stdout.write(text);
export const err = (c: AppletContext, text: string) => c.io.stderr.write(text.endsWith('\n') ? text : text + '\n');

/** `name: message` on stderr, the usual applet error line */
export const fail = (c: AppletContext, message: string, status = 1): number => {
  err(c, `${c.argv[0]!.replace(/^.*\//, '')}: ${message}`);
  return status;
};

export const abs = (c: AppletContext, path: string) => resolvePath(c.cwd, path);

export const errnoText = (e: unknown): string => {
  if (e instanceof FsError) return FS_ERROR_TEXT[e.code];
  throw e;
};

/**
 * Splits options from operands: single-letter flags (combinable, `--` ends them), with `valued` letters
 * taking the next argument. Unknown flags are reported through the returned `bad`.
 */
export function options(args: string[], flags: string, valued = ''): { set: Set<string>; values: Record<string, string>; operands: string[]; bad?: string } {
  const set = new Set<string>();
  const values: Record<string, string> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    // `-` (stdin) and negative numbers are operands
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) {
      operands.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const f = a[k]!;
      if (valued.includes(f)) {
        values[f] = a.slice(k + 1) || args[++i] || '';
        break;
      }
      if (!flags.includes(f)) return { set, values, operands, bad: f };
      set.add(f);
    }
  }
  return { set, values, operands };
}

/** The text of the named files (or stdin for none or `-`), calling `onError` for unreadable ones. */
export function readInputs(c: AppletContext, files: string[], onError: (file: string, e: unknown) => void, limit?: number): { name: string; text: string }[] {
  if (files.length === 0) return [{ name: '-', text: c.io.stdin ?? '' }];
  const result: { name: string; text: string }[] = [];
  for (const f of files) {
    if (f === '-') {
      result.push({ name: f, text: c.io.stdin ?? '' });
      continue;
    }
    try {
      result.push({ name: f, text: readFile(c.sys.fs, abs(c, f), limit) });
    } catch (e) {
      onError(f, e);
    }
  }
  return result;
}

/**
 * readFile that refuses directories with EISDIR and knows the character devices: /dev/null is empty,
 * /dev/zero gives `limit` NUL bytes; read to its end it never ends, and what reads it keeps growing.
 */
export function readFile(fs: FileSystem, path: string, limit?: number): string {
  if (path === '/dev/null') return '';
  if (path === '/dev/zero') {
    if (limit === undefined) throw new ForeverSignal({ memory: Infinity });
    return '\0'.repeat(limit);
  }
  const st = fs.stat(path);
  if (!st) throw new FsError('ENOENT', path);
  if (st.type === 'dir') throw new FsError('EISDIR', path);
  return fs.readFile(path);
}

/** Lines of a text without the final newline's empty tail. */
export const linesOf = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};
