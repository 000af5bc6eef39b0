// The main-process model. A process is described up front as a plan: what it prints and when, when it
// exits on its own, and how it reacts to each signal. Plans are plain data, so a running container
// snapshots with its process; the daemon replays the plan against the clock. The runtime issue swaps
// the planners (process/programs) for real programs over a file system and keeps this contract.

import { stamp, type StampStyle } from './stamps';

export type Stream = 'stdout' | 'stderr';

export interface PlannedLine {
  /** ms after the process started */
  at: number;
  stream: Stream;
  /** with `stamp`, '{t}' in the text is replaced by the time the line is written, in that style */
  text: string;
  stamp?: StampStyle;
  /** written without a trailing newline (`echo -n`) */
  partial?: boolean;
}

export const renderLine = (l: PlannedLine, atMs: number): string =>
  l.stamp ? l.text.replaceAll('{t}', stamp(l.stamp, atMs)) : l.text;

/** What a signal does: ignored, or the process exits with `code` after printing `output`. */
export type SignalReaction = 'ignore' | { code: number; output: PlannedLine[] };

export interface ProcessPlan {
  output: PlannedLine[];
  /**
   * Output that repeats for ever (a `while true` loop with a sleep): `lines` again every `every` ms,
   * from `from` ms after the start. Only a process without `exit` repeats.
   */
  repeat?: { from: number; every: number; lines: PlannedLine[] };
  /** the process exits by itself `afterMs` after starting, with `code`; absent: runs until signalled */
  exit?: { afterMs: number; code: number };
  /** reactions by signal name without SIG ('TERM', 'QUIT', 'INT', 'HUP'); absent: see defaultReaction */
  signals: Record<string, SignalReaction>;
  /** resident memory in bytes, for `docker stats` */
  memory: number;
  /** the TCP ports the process serves, each answered by a named HTTP handler (net/http-handlers.ts) */
  listens?: Listener[];
  /** the kernel's OOM killer ends the process at `exit.afterMs` (a plan that outgrew --memory) */
  oomKill?: true;
  /** what ps shows as its command when the process renames itself ('nginx: master process …') */
  title?: string;
  /** processes it starts and keeps (nginx workers, postgres' background processes), by namespace PID */
  children?: ChildProcess[];
}

export interface ChildProcess {
  pid: number;
  command: string;
  /** '' or absent: the parent's user */
  user?: string;
  /** resident bytes */
  memory: number;
}

/**
 * A listening socket of a server process. Plain data so plans snapshot: `handler` names an entry of the
 * HTTP handler registry, `options` configure it (document root, log format, fixed reply text).
 */
export interface Listener {
  port: number;
  /** the bind address: '127.0.0.1' accepts only from inside the container (absent: every address) */
  address?: string;
  handler: string;
  options?: Record<string, string | number | boolean>;
}

/** Why a process could not start: moby's OCI error text and the exit code the CLI derives from it. */
export interface StartFailure {
  message: string;
  exitCode: number;
}

export const SIGNAL_NUMBERS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22,
  URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** 'SIGTERM', 'term', '15' → 'TERM'; undefined for an unknown signal. */
export function normaliseSignal(s: string): string | undefined {
  if (/^\d+$/.test(s)) return Object.keys(SIGNAL_NUMBERS).find((k) => SIGNAL_NUMBERS[k] === Number(s));
  const name = s.toUpperCase().replace(/^SIG/, '');
  return name in SIGNAL_NUMBERS ? name : undefined;
}

/**
 * A signal the plan does not mention. PID 1 in a PID namespace gets no default actions: signals it has
 * no handler for are ignored, except KILL which the kernel always delivers. Under `--init` (tini) the
 * process is not PID 1, so default actions apply: terminating signals kill it with 128+n.
 */
export function reactionTo(plan: ProcessPlan, signal: string, underInit: boolean): SignalReaction {
  if (signal === 'KILL') return { code: 137, output: [] };
  const own = plan.signals[signal];
  if (own) return own;
  if (!underInit || IGNORED_BY_DEFAULT.has(signal)) return 'ignore';
  return { code: 128 + SIGNAL_NUMBERS[signal]!, output: [] };
}

const IGNORED_BY_DEFAULT = new Set(['CHLD', 'CONT', 'URG', 'WINCH', 'STOP', 'TSTP', 'TTIN', 'TTOU']);
