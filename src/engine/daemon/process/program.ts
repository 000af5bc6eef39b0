// One program invocation inside a container, as the process model sees it: what it prints (relative
// to its start), how long it runs and its exit code. Programs compose: a shell line is a sequence of
// Runs, a container's main process is a Run turned into a ProcessPlan.
import type { SystemServices } from '../../shell/services';
import type { ChildProcess, Listener, PlannedLine, ProcessPlan, SignalReaction } from './plan';

/** The application an image is built around ('' for a plain distribution image). */
export type AppFamily = '' | 'nginx' | 'httpd' | 'redis' | 'postgres' | 'mysql' | 'node' | 'python' | 'golang' | 'registry' | 'hello-world';
/** The userland underneath: busybox applets, Alpine (busybox + apk), Debian/Ubuntu (coreutils, dash, bash), none. */
export type BaseSystem = 'busybox' | 'alpine' | 'debian' | 'none';

export interface ProgramContext {
  app: AppFamily;
  base: BaseSystem;
  /** the image has an /etc/passwd naming root (a bare `docker import` of busybox-static has none) */
  passwd: boolean;
  /** the container's environment, NAME → value */
  env: Record<string, string>;
  hostname: string;
  workingDir: string;
  /** stdin stays open (`-i` without an attached client that closes it): shells and REPLs keep waiting */
  stdinOpen: boolean;
  /** ms since epoch when the program starts (servers print timestamps) */
  now: number;
  /** the container's IPv4 address on its first network ('' when none) */
  ip: string;
  /** the file system, network, process table and kill(2) as this process sees them */
  sys: SystemServices;
}

export interface Run {
  output: PlannedLine[];
  /** ms; Infinity for a program that runs until signalled */
  duration: number;
  code: number;
  /** signal reactions of a long-running program (servers with handlers, shells with traps) */
  signals?: Record<string, SignalReaction>;
  /** see ProcessPlan.repeat (only with an infinite duration) */
  repeat?: ProcessPlan['repeat'];
  memory?: number;
  /** ports a long-running program serves (see ProcessPlan.listens) */
  listens?: Listener[];
  /** see ProcessPlan.title and ProcessPlan.children (long-running programs) */
  title?: string;
  children?: ChildProcess[];
}

export type Program = (ctx: ProgramContext, argv: string[]) => Run;

/** A program that prints `lines` (stdout unless given) and exits with `code` straight away. */
export function exited(code: number, ...lines: (string | { stream: 'stderr'; text: string })[]): Run {
  return {
    output: lines.map((l) => (typeof l === 'string' ? { at: 0, stream: 'stdout', text: l } : { at: 0, ...l })),
    duration: 0,
    code,
  };
}

export const stderrLine = (text: string) => ({ stream: 'stderr' as const, text });

/** Raw program output split into log lines; text after the last newline is a partial line. */
export function printed(text: string): Run {
  const parts = text.split('\n');
  const tail = parts.pop()!;
  const output: PlannedLine[] = parts.map((t) => ({ at: 0, stream: 'stdout', text: t }));
  if (tail !== '') output.push({ at: 0, stream: 'stdout', text: tail, partial: true });
  return { output, duration: 0, code: 0 };
}

/**
 * A real program of the image that this model cannot run yet (it needs the file system or the network
 * of the runtime issue): say so plainly rather than invent output.
 */
export const notSimulated = (name: string): Run =>
  exited(1, stderrLine(`${name}: not available in the Dockhand simulator yet (it arrives with the container runtime)`));

/** A program that waits (for stdin, or forever) without printing. */
export const waiting = (memory: number): Run => ({ output: [], duration: Infinity, code: 0, memory });

/** What only a process that keeps running carries into its plan: ports, its ps title, its children. */
function serverParts(run: Run): Partial<ProcessPlan> {
  return {
    ...(run.listens?.length ? { listens: run.listens } : {}),
    ...(run.title ? { title: run.title } : {}),
    ...(run.children?.length ? { children: run.children } : {}),
  };
}

export function toPlan(run: Run): ProcessPlan {
  return {
    output: run.output,
    ...(run.duration === Infinity ? (run.repeat ? { repeat: run.repeat } : {}) : { exit: { afterMs: run.duration, code: run.code } }),
    signals: run.signals ?? {},
    memory: run.memory ?? 400 * 1024,
    ...(run.duration === Infinity ? serverParts(run) : {}),
  };
}
