// Finding containers the way moby's daemon.GetContainer does: full ID, then exact name, then an
// unambiguous ID prefix; and the name registry's conflict rule.
import { badRequest, conflict, notFound } from '../errors';
import type { DaemonState } from '../state';
import type { ContainerRecord } from './model';

export const noSuchContainer = (ref: string) => notFound(`No such container: ${ref}`);

/**
 * Containers by name, derived from `state.containers` and kept beside it (never snapshotted): a lookup
 * by name must not scan a thousand containers. Keyed by the record object, so a restored state (a new
 * object) starts a fresh index; the three writers below keep it current.
 */
const nameIndexes = new WeakMap<DaemonState['containers'], Map<string, ContainerRecord>>();

function nameIndex(state: DaemonState): Map<string, ContainerRecord> {
  let index = nameIndexes.get(state.containers);
  if (!index) {
    index = new Map(Object.values(state.containers).map((c) => [c.name, c]));
    nameIndexes.set(state.containers, index);
  }
  return index;
}

export function addContainer(state: DaemonState, c: ContainerRecord): void {
  state.containers[c.id] = c;
  nameIndex(state).set(c.name, c);
}

export function deleteContainer(state: DaemonState, c: ContainerRecord): void {
  delete state.containers[c.id];
  const index = nameIndex(state);
  if (index.get(c.name) === c) index.delete(c.name);
}

/** `name` with its leading '/' */
export function renameContainer(state: DaemonState, c: ContainerRecord, name: string): void {
  const index = nameIndex(state);
  if (index.get(c.name) === c) index.delete(c.name);
  c.name = name;
  index.set(name, c);
}

/** The container holding `name` ('/web'). */
export function containerByName(state: DaemonState, name: string): ContainerRecord | undefined {
  const c = nameIndex(state).get(name);
  return c && c.name === name && state.containers[c.id] === c ? c : undefined;
}

export function findContainer(state: DaemonState, ref: string): ContainerRecord | undefined {
  const byId = state.containers[ref];
  if (byId) return byId;
  const byName = containerByName(state, ref.startsWith('/') ? ref : '/' + ref);
  if (byName) return byName;
  if (ref === '' || !/^[a-f0-9]+$/.test(ref)) return undefined;
  const hits = Object.values(state.containers).filter((c) => c.id.startsWith(ref));
  if (hits.length > 1) throw badRequest(`multiple IDs found with provided prefix: ${ref}`);
  return hits[0];
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
