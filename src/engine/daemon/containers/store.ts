// Finding containers the way moby's daemon.GetContainer does: full ID, then exact name, then an
// unambiguous ID prefix; and the name registry's conflict rule.
import { badRequest, conflict, notFound } from '../errors';
import type { DaemonState } from '../state';
import type { ContainerRecord } from './model';

export const noSuchContainer = (ref: string) => notFound(`No such container: ${ref}`);

/**
 * Containers by name and their IDs in sorted order (for prefix lookups), derived from `state.containers`
 * and kept beside it, never snapshotted: a lookup must not scan a thousand containers. Keyed by the
 * record object, so a restored state (a new object) starts a fresh index; the three writers below keep
 * it current.
 */
interface ContainerIndex {
  byName: Map<string, ContainerRecord>;
  sortedIds: string[];
}

const indexes = new WeakMap<DaemonState['containers'], ContainerIndex>();

function indexOf(state: DaemonState): ContainerIndex {
  let index = indexes.get(state.containers);
  if (!index) {
    const all = Object.values(state.containers);
    index = { byName: new Map(all.map((c) => [c.name, c])), sortedIds: all.map((c) => c.id).sort() };
    indexes.set(state.containers, index);
  }
  return index;
}

/** The position of the first ID not less than `ref`. */
function lowerBound(ids: string[], ref: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < ref) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function addContainer(state: DaemonState, c: ContainerRecord): void {
  const index = indexOf(state);
  state.containers[c.id] = c;
  index.byName.set(c.name, c);
  index.sortedIds.splice(lowerBound(index.sortedIds, c.id), 0, c.id);
}

export function deleteContainer(state: DaemonState, c: ContainerRecord): void {
  const index = indexOf(state);
  delete state.containers[c.id];
  if (index.byName.get(c.name) === c) index.byName.delete(c.name);
  const at = lowerBound(index.sortedIds, c.id);
  if (index.sortedIds[at] === c.id) index.sortedIds.splice(at, 1);
}

/** `name` with its leading '/' */
export function renameContainer(state: DaemonState, c: ContainerRecord, name: string): void {
  const { byName } = indexOf(state);
  if (byName.get(c.name) === c) byName.delete(c.name);
  c.name = name;
  byName.set(name, c);
}

/** The container holding `name` ('/web'). */
export function containerByName(state: DaemonState, name: string): ContainerRecord | undefined {
  const c = indexOf(state).byName.get(name);
  return c && c.name === name && state.containers[c.id] === c ? c : undefined;
}

export function findContainer(state: DaemonState, ref: string): ContainerRecord | undefined {
  const byId = state.containers[ref];
  if (byId) return byId;
  const byName = containerByName(state, ref.startsWith('/') ? ref : '/' + ref);
  if (byName) return byName;
  if (ref === '' || !/^[a-f0-9]+$/.test(ref)) return undefined;
  const ids = indexOf(state).sortedIds;
  const first = lowerBound(ids, ref);
  if (!ids[first]?.startsWith(ref)) return undefined;
  if (ids[first + 1]?.startsWith(ref)) throw badRequest(`multiple IDs found with provided prefix: ${ref}`);
  return state.containers[ids[first]!];
}

export function getContainer(state: DaemonState, ref: string): ContainerRecord {
  const c = findContainer(state, ref);
  if (!c) throw noSuchContainer(ref);
  return c;
}

/** moby nameConflictError: the name is quoted with its slash, the holder by full ID. */
export function nameConflict(name: string, holder: ContainerRecord): Error {
  return conflict(
    `Conflict. The container name "${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
  );
}
