// POST /containers/prune: every stopped container (created, exited, dead) matching the `until` and
// `label` filters goes; the writable layers the simulator keeps are empty, so nothing is reclaimed.
import type { Daemon } from '../daemon';
import { badRequest } from '../errors';
import type { Filters } from './list';
import type { ContainerRecord } from './model';
import { removeContainer } from './removal';

function untilCutoff(value: string, now: number): number {
  const dur = /^(\d+)(s|m|h)$/.exec(value);
  if (dur) return now - Number(dur[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[dur[2] as 's' | 'm' | 'h'];
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw badRequest(`failed to parse value as time or duration: "${value}"`);
  return t;
}

function labelTest(c: ContainerRecord, f: string): boolean {
  const eq = f.indexOf('=');
  return eq < 0 ? f in c.config.Labels : c.config.Labels[f.slice(0, eq)] === f.slice(eq + 1);
}

export function pruneContainers(d: Daemon, filters: Filters) {
  for (const k of Object.keys(filters)) if (!['until', 'label', 'label!'].includes(k)) throw badRequest(`invalid filter '${k}'`);
  const cutoffs = (filters['until'] ?? []).map((v) => untilCutoff(v, d.now()));
  // moby walks its container list newest first
  const doomed = Object.values(d.state.containers).reverse().sort((a, b) => b.created - a.created).filter(
    (c) =>
      !c.state.Running &&
      cutoffs.every((t) => c.created < t) &&
      (filters['label'] ?? []).every((f) => labelTest(c, f)) &&
      (filters['label!'] ?? []).every((f) => !labelTest(c, f)),
  );
  for (const c of doomed) removeContainer(d, c, { removeVolumes: false });
  d.emit('container', 'prune', '', { reclaimed: '0' });
  return { ContainersDeleted: doomed.length ? doomed.map((c) => c.id) : null, SpaceReclaimed: 0 };
}
