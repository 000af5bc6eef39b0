// The volume service (moby volume/service): create (idempotent by name), look up, remove with the
// in-use check, and the anonymous volumes containers ask for. Errors carry moby's OpErr wording
// (`get x: no such volume`, `remove x: volume is in use - [ids]`).
import { badRequest, conflict, notFound } from '../errors';
import type { ObjectsContext } from '../objects-context';
import { ANONYMOUS_LABEL, type Volume } from './model';
import type { VolumeState } from './state';

export interface VolumeCreateOptions {
  name?: string;
  driver?: string;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** moby volume/local validateName: the daemon's 400 for names the local driver cannot use. */
function validateName(name: string): void {
  if (name.length < 2) {
    throw badRequest(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  }
  if (!VALID_NAME.test(name)) {
    throw badRequest(
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

export function getVolume(state: VolumeState, name: string): Volume {
  const v = state.volumes[name];
  if (!v) throw notFound(`get ${name}: no such volume`);
  return v;
}

/** Go's JSON encodes maps with sorted keys: store them in that order so every view shows it. */
const sortedKeys = (m: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));

/** Creates a volume, or returns the existing one of that name (as `docker volume create x` twice does). */
export function createVolume(state: VolumeState, ctx: ObjectsContext, opts: VolumeCreateOptions): Volume {
  const driver = opts.driver || 'local';
  const name = opts.name || ctx.ids.hex64();
  // moby's volume store wraps driver errors in OpErr{Op: "create", Name}
  if (driver !== 'local') throw notFound(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
  const existing = state.volumes[name];
  if (existing) return existing;
  validateName(name);
  const hasLabels = opts.labels && Object.keys(opts.labels).length > 0;
  const hasOptions = opts.options && Object.keys(opts.options).length > 0;
  const v: Volume = {
    name,
    driver: 'local',
    createdAt: ctx.now(),
    labels: hasLabels ? sortedKeys(opts.labels!) : null,
    options: hasOptions ? sortedKeys(opts.options!) : null,
    data: { type: 'dir', entries: {}, mtime: ctx.now() },
  };
  state.volumes[name] = v;
  ctx.emit('volume', 'create', name, { driver: 'local' });
  return v;
}

/** The volume a container gets for `-v /path` or an image VOLUME: a fresh 64-hex name, labelled anonymous. */
export const createAnonymousVolume = (state: VolumeState, ctx: ObjectsContext): Volume =>
  createVolume(state, ctx, { labels: { [ANONYMOUS_LABEL]: '' } });

/** Removes a volume; `usedBy` lists the IDs of containers that mount it (refusal when non-empty). */
export function removeVolume(state: VolumeState, ctx: ObjectsContext, name: string, usedBy: string[]): void {
  const v = getVolume(state, name);
  if (usedBy.length > 0) throw conflict(`remove ${name}: volume is in use - [${usedBy.join(', ')}]`);
  delete state.volumes[v.name];
  ctx.emit('volume', 'destroy', v.name, { driver: 'local' });
}

/** Events for a container mounting / unmounting a volume (the containers family calls these). */
export function volumeMounted(
  ctx: ObjectsContext,
  name: string,
  containerId: string,
  destination: string,
  rw: boolean,
): void {
  ctx.emit('volume', 'mount', name, {
    container: containerId,
    destination,
    driver: 'local',
    propagation: '',
    'read/write': String(rw),
  });
}

export function volumeUnmounted(ctx: ObjectsContext, name: string, containerId: string): void {
  ctx.emit('volume', 'unmount', name, { container: containerId, driver: 'local' });
}
