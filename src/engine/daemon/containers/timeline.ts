// Simulated time, container side: everything that becomes due as the clock moves (a main process
// exits, a restart back-off expires, a detached exec ends) is done in time order, each at its own
// instant, so FinishedAt and event times read as if the daemon had been watching all along.
import type { Daemon } from '../daemon';
import type { ExecRecord } from './exec-model';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { logDueLines, nextLineAt, processExited, restartDue } from './runtime';

type Due =
  | { t: number; kind: 'exit' | 'restart'; c: ContainerRecord }
  | { t: number; kind: 'exec'; x: ExecRecord };

/**
 * The earliest piece of work due by `now`, in one pass without allocating per container. Containers
 * with nothing due get their output written up to `now` on the way.
 */
function nextDue(d: Daemon, now: number): Due | undefined {
  let best: Due | undefined;
  const better = (t: number) => t <= now && (!best || t < best.t);
  for (const id in d.state.containers) {
    const c = d.state.containers[id]!;
    const s = c.state;
    if (s.Restarting) {
      if (better(c.restartAt)) best = { t: c.restartAt, kind: 'restart', c };
    } else if (s.Running && !s.Paused && c.process) {
      const exit = c.process.plan.exit;
      const t = exit ? c.process.startedAt + exit.afterMs : Infinity;
      if (better(t)) best = { t, kind: 'exit', c };
      else if (t > now) logDueLines(c, now);
    }
    // an exec runs only while its container does (a container's exit ends them all), so finished
    // containers' exec records, however many, are not visited
    if (!s.Running) continue;
    for (const execId of c.execIds) {
      const x = d.state.execs[execId];
      if (x?.running && x.endsAt !== undefined && better(x.endsAt)) best = { t: x.endsAt, kind: 'exec', x };
    }
  }
  return best;
}

/** When the container next needs the timeline: exit, restart, next log line or a detached exec's end. */
function pendingAt(d: Daemon, c: ContainerRecord): number {
  const s = c.state;
  let t = Infinity;
  if (s.Restarting) t = c.restartAt;
  else if (s.Running && !s.Paused && c.process) {
    const exit = c.process.plan.exit;
    t = Math.min(exit ? c.process.startedAt + exit.afterMs : Infinity, nextLineAt(c.process));
  }
  for (const id of c.execIds) {
    const x = d.state.execs[id];
    if (x?.running && x.endsAt !== undefined) t = Math.min(t, x.endsAt);
  }
  return t;
}

function run(d: Daemon, due: Due): void {
  if (due.kind !== 'exec') {
    if (due.kind === 'restart') restartDue(d, due.c);
    else processExited(d, due.c, due.c.process!.plan.exit!.code, due.t);
    return;
  }
  const x = due.x;
  x.running = false;
  const c = d.state.containers[x.containerId];
  if (c) containerEvent(d, c, 'exec_die', { execID: x.id, exitCode: String(x.exitCode ?? 0) }, due.t);
}

/**
 * The containers with work pending, by when it falls due: derived from the state and kept beside it
 * (never snapshotted), so a tick with nothing due costs no pass over a thousand containers. Entries are
 * recomputed for the containers that emitted events since the last tick (every change that schedules
 * work emits one) and rebuilt after the full passes, or when the state object is replaced (restore).
 */
interface Schedule {
  state: Daemon['state'];
  pending: Map<string, number>;
}

const schedules = new WeakMap<Daemon, Schedule>();

/** Whether the schedule, updated for the containers that changed since the last tick, has nothing due by `now`. */
function nothingDue(d: Daemon, now: number): boolean {
  const changed = d.takeChangedContainers();
  const schedule = schedules.get(d);
  if (!schedule || schedule.state !== d.state) return false;
  for (const id of changed) {
    const c = d.state.containers[id];
    const t = c ? pendingAt(d, c) : Infinity;
    if (t === Infinity) schedule.pending.delete(id);
    else schedule.pending.set(id, t);
  }
  for (const t of schedule.pending.values()) if (t <= now) return false;
  return true;
}

export function runDueWork(d: Daemon, now: number): void {
  if (nothingDue(d, now)) return;
  for (let due = nextDue(d, now); due; due = nextDue(d, now)) run(d, due);
  d.takeChangedContainers(); // the schedule below is built from the state as it now is
  const pending = new Map<string, number>();
  for (const id in d.state.containers) {
    const t = pendingAt(d, d.state.containers[id]!);
    if (t !== Infinity) pending.set(id, t);
  }
  schedules.set(d, { state: d.state, pending });
}
