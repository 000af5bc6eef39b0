// One process table per container, which `docker top` (host PIDs), `docker stats` (memory, PIDS),
// `ps` inside the container (namespace PIDs) and inspect's State.Pid all read: the main process (under
// --init, docker-init and its child), then every running exec'd process — interactive shells included.
// Namespace PIDs follow the host's: the main process is 1, a process started n host PIDs later is n+1.
import type { ProcessInfo } from '../../shell/services';
import type { Daemon } from '../daemon';
import type { ExecRecord } from './exec-model';
import type { ContainerRecord } from './model';
import type { ProcessPlan } from '../process/plan';

const KiB = 1024;
/** what a small exec'd program (a shell, sleep) holds when its plan names no figure */
export const EXEC_MEMORY = 400 * KiB;

export interface ProcessEntry extends ProcessInfo {
  hostPid: number;
  /** the user as the container config or exec names it ('' = the image's default, root) */
  userSpec: string;
  argv: string[];
  /** the exec instance behind the process; absent for the main process (and docker-init's child) */
  exec?: ExecRecord;
  /** docker-init (PID 1 under --init) or its child, the container's command */
  role: 'main' | 'init' | 'init-child' | 'child' | 'exec';
}

/** The main process being started (its program runs before the container counts as running). */
export interface LaunchingMain {
  pid: number;
  startedAt: number;
}

/** The process whose program is running right now: an exec being started, or the main process. */
export type Caller = ExecRecord | LaunchingMain;

const isExec = (self: Caller | undefined): self is ExecRecord => self !== undefined && 'containerId' in self;

/**
 * The container's processes in PID order; empty when it is not running. `self` is the process whose
 * program is being started right now (the `ps` that lists itself).
 */
export function processEntries(d: Daemon, c: ContainerRecord, self?: Caller): ProcessEntry[] {
  const launching = self && !isExec(self) ? self : undefined;
  const run: { pid: number; startedAt: number; plan: Pick<ProcessPlan, 'memory' | 'title' | 'children'> } | null =
    c.process ?? (launching ? { pid: launching.pid, startedAt: launching.startedAt, plan: { memory: EXEC_MEMORY } } : null);
  if (!run || (!launching && (!c.state.Running || c.state.Restarting))) return [];
  const namespacePid = (hostPid: number) => hostPid - run.pid + 1;
  const argv = [c.path, ...c.args];
  const tty = c.config.Tty ? 'pts/0' : '?';
  const stat = c.state.Paused ? 'T' : 'S';
  const entry = (hostPid: number, ppid: number, a: string[], userSpec: string, startedAt: number, rss: number, role: ProcessEntry['role'], exec?: ExecRecord): ProcessEntry => ({
    pid: namespacePid(hostPid),
    ppid,
    user: userSpec || 'root',
    command: a.join(' '),
    startedAt,
    rss,
    // a process maps its binary and libraries besides what it touches
    vsz: rss + 1800 * KiB,
    stat,
    tty: exec ? (exec.tty ? 'pts/1' : '?') : tty,
    hostPid,
    userSpec,
    argv: a,
    role,
    ...(exec ? { exec } : {}),
  });
  const user = c.config.User;
  const titled = run.plan.title ? [run.plan.title] : argv;
  const main = c.hostConfig.Init
    ? [
        entry(run.pid, 0, ['/sbin/docker-init', '--', ...argv], user, run.startedAt, 40 * KiB, 'init'),
        entry(run.pid + 1, 1, titled, user, run.startedAt, run.plan.memory, 'init-child'),
      ]
    : [entry(run.pid, 0, titled, user, run.startedAt, run.plan.memory, 'main')];
  const parent = main.at(-1)!.pid;
  const children = (run.plan.children ?? []).map((k) => entry(run.pid + k.pid - 1, parent, [k.command], k.user || user, run.startedAt, k.memory, 'child'));
  const execs = c.execIds
    .map((id) => d.state.execs[id]!)
    .filter((x) => (x.running || x === self) && x.pid > 0)
    .map((x) => entry(x.pid, 0, x.argv, x.user || user, x.startedAt ?? run.startedAt, x.memory ?? EXEC_MEMORY, 'exec', x));
  return [...main, ...children, ...execs];
}

/** What `docker stats` reports: the table's resident memory and its size. */
export function usage(d: Daemon, c: ContainerRecord): { memory: number; pids: number } {
  const entries = processEntries(d, c);
  return { memory: entries.reduce((sum, p) => sum + p.rss, 0), pids: entries.length };
}
