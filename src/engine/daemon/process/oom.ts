// The memory cgroup's OOM killer. A process whose plan needs more resident memory than `--memory`
// allows is killed with SIGKILL shortly after it starts (as soon as it has touched that much): what it
// printed before stays in the log, nothing after; the container exits 137 with State.OOMKilled.
import type { ProcessPlan } from './plan';
import type { Run } from './program';

/** ms after the start when an oversized process is killed (busybox filling 20 MB under 6 MB: ~40 ms) */
export const OOM_AFTER_MS = 40;

/**
 * The plan as it runs under a memory limit of `limit` bytes (`--memory`, else the host's memory). A
 * program that grows without bound (`tail /dev/zero`) plans `memory: Infinity` and always meets it.
 */
export function underMemoryLimit(plan: ProcessPlan, limit: number): ProcessPlan {
  if (plan.memory <= limit) return plan;
  const killAt = Math.min(OOM_AFTER_MS, plan.exit?.afterMs ?? OOM_AFTER_MS);
  return {
    output: plan.output.filter((l) => l.at < killAt),
    exit: { afterMs: killAt, code: 137 },
    signals: {},
    memory: limit,
    oomKill: true,
  };
}

/** Whether the process ended by the OOM killer (its plan's kill fell due, not a signal before it). */
export const endedByOom = (plan: ProcessPlan, startedAt: number, at: number): boolean =>
  plan.oomKill === true && plan.exit !== undefined && at >= startedAt + plan.exit.afterMs;

/**
 * An exec'd program under the container's limit, with `room` bytes left by the processes already
 * running: the OOM killer picks it (the biggest) when it needs more, and the main process lives on.
 */
export function execUnderMemoryLimit(run: Run, room: number): { run: Run; oomKilled: boolean } {
  if ((run.memory ?? 0) <= room) return { run, oomKilled: false };
  const killAt = Math.min(OOM_AFTER_MS, run.duration);
  return { run: { output: run.output.filter((l) => l.at < killAt), duration: killAt, code: 137, memory: Math.max(room, 0) }, oomKilled: true };
}
