// Simulated time, container side: everything that becomes due as the clock moves (a main process
// exits, a restart back-off expires, a detached exec ends) is done in time order, each at its own
// instant, so FinishedAt and event times read as if the daemon had been watching all along.
import type { Daemon } from '../daemon';
import type { ExecRecord } from './exec-model';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { logDueLines, processExited, restartDue } from './runtime';

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
  }
  for (const id in d.state.execs) {
    const x = d.state.execs[id]!;
    if (x.running && x.endsAt !== undefined && better(x.endsAt)) best = { t: x.endsAt, kind: 'exec', x };
  }
  return best;
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

export function runDueWork(d: Daemon, now: number): void {
  for (let due = nextDue(d, now); due; due = nextDue(d, now)) run(d, due);
}
