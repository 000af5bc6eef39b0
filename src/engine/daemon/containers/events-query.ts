// GET /events filters (moby daemon/events/filter.go): type, event, container, image, label, network,
// volume; `since`/`until` bound the replayed history (unix seconds).
import type { DockerEvent } from '../events';
import type { Filters } from './list';

export function matchesEventFilters(e: DockerEvent, f: Filters): boolean {
  const one = (key: string, test: (v: string) => boolean) => !f[key]?.length || f[key]!.some(test);
  const attrs = e.Actor.Attributes;
  const action = e.Action.split(':')[0]!;
  return (
    one('type', (v) => v === e.Type) &&
    one('event', (v) => v === e.Action || v === action) &&
    one('container', (v) => e.Type === 'container' && (e.Actor.ID.startsWith(v) || attrs['name'] === v)) &&
    one('image', (v) => attrs['image'] === v || (e.Type === 'image' && (e.Actor.ID === v || attrs['name'] === v))) &&
    one('label', (v) => {
      const eq = v.indexOf('=');
      return eq < 0 ? v in attrs : attrs[v.slice(0, eq)] === v.slice(eq + 1);
    }) &&
    one('network', (v) => e.Type === 'network' && (e.Actor.ID.startsWith(v) || attrs['name'] === v)) &&
    one('volume', (v) => e.Type === 'volume' && e.Actor.ID === v)
  );
}

export function eventsBetween(history: DockerEvent[], f: Filters, since: number | undefined, until: number): DockerEvent[] {
  if (since === undefined) return [];
  return history.filter((e) => e.timeNano / 1e9 >= since && e.timeNano / 1e9 <= until && matchesEventFilters(e, f));
}
