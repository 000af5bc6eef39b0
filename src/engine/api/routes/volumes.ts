// Engine API volume endpoints (moby api/server/router/volume): list with filters, create, inspect,
// remove (in-use refusal, `force` ignores a missing volume) and prune (anonymous only unless `all`).
import type { Daemon } from '../../daemon/daemon';
import { badRequest, DaemonError } from '../../daemon/errors';
import { isAnonymous, mountpoint, volumeSize, type Volume } from '../../daemon/volumes/model';
import { createVolume, getVolume, removeVolume } from '../../daemon/volumes/store';
import { boolFilter, decodeFilters, filterMatch, labelsMatch, type FilterArgs } from '../filters';
import type { Router } from '../router';

/** Go's time.RFC3339 (seconds, UTC here): how a volume's CreatedAt is shown */
const rfc3339Seconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function volumeView(v: Volume): Record<string, unknown> {
  return {
    CreatedAt: rfc3339Seconds(v.createdAt),
    Driver: v.driver,
    Labels: v.labels,
    Mountpoint: mountpoint(v.name),
    Name: v.name,
    Options: v.options,
    Scope: 'local',
  };
}

const LIST_FILTERS = ['dangling', 'name', 'label', 'driver'];
const PRUNE_FILTERS = ['label', 'all'];

function checkFilters(f: FilterArgs, allowed: string[]): void {
  for (const k of Object.keys(f)) if (!allowed.includes(k)) throw badRequest(`invalid filter '${k}'`);
}

export function registerVolumesRoutes(router: Router, d: Daemon): void {
  const vols = () => d.state.volumes;
  const inUse = (name: string) => d.containersUsing('volume', name).length > 0;

  router.add('GET', '/volumes', ({ query }) => {
    const f = decodeFilters(query.filters);
    checkFilters(f, LIST_FILTERS);
    const dangling = boolFilter(f, 'dangling');
    const list = Object.values(vols().volumes).filter(
      (v) =>
        (dangling === undefined || dangling !== inUse(v.name)) &&
        (f.name === undefined || f.name.some((n) => filterMatch(n, v.name))) &&
        (f.driver ?? []).every((dr) => v.driver === dr) &&
        labelsMatch(v.labels, f.label),
    );
    return { status: 200, body: { Volumes: list.map(volumeView), Warnings: null } };
  });

  router.add('POST', '/volumes/create', ({ body }) => {
    const b = (body ?? {}) as {
      Name?: string;
      Driver?: string;
      DriverOpts?: Record<string, string>;
      Labels?: Record<string, string>;
    };
    const v = createVolume(vols(), d, { name: b.Name, driver: b.Driver, labels: b.Labels, options: b.DriverOpts });
    return { status: 201, body: volumeView(v) };
  });

  router.add('GET', '/volumes/{name}', ({ params }) => ({
    status: 200,
    body: volumeView(getVolume(vols(), params.name!)),
  }));

  router.add('DELETE', '/volumes/{name}', ({ params, query }) => {
    const name = params.name!;
    try {
      removeVolume(
        vols(),
        d,
        name,
        d.containersUsing('volume', name).map((c) => c.id),
      );
    } catch (e) {
      const missing = e instanceof DaemonError && e.status === 404;
      if (!(missing && (query.force === '1' || query.force === 'true'))) throw e;
    }
    return { status: 204, body: null };
  });

  router.add('POST', '/volumes/prune', ({ query }) => {
    const f = decodeFilters(query.filters);
    checkFilters(f, PRUNE_FILTERS);
    const all = boolFilter(f, 'all') ?? false;
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const v of Object.values(vols().volumes)) {
      if ((!all && !isAnonymous(v)) || inUse(v.name) || !labelsMatch(v.labels, f.label)) continue;
      removeVolume(vols(), d, v.name, []);
      deleted.push(v.name);
      reclaimed += volumeSize(v);
    }
    return { status: 200, body: { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed } };
  });
}
