// The simulated dockerd: one object holding the daemon's state, its clock, seeded IDs and event bus,
// and the Engine API router every family registers its routes on. Time-driven work (processes that
// end, restart back-off) happens in tick(), which the engine calls before each command.
import { Router } from '../api/router';
import { registerAuthRoutes } from '../api/routes/auth';
import { registerBuildRoutes } from '../api/routes/build';
import { daemonBuildPorts } from '../builder/ports';
import { registerContainerRoutes } from '../api/routes/containers';
import { registerImagesRoutes } from '../api/routes/images';
import { registerNetworksRoutes } from '../api/routes/networks';
import { registerSystemRoutes } from '../api/routes/system';
import { registerVolumesRoutes } from '../api/routes/volumes';
import type { Clock } from '../clock';
import { IdSource } from '../ids';
import type { ContainerRecord } from './containers/model';
import { runDueWork } from './containers/timeline';
import { presetImages } from './images/preset';
import { EventBus, type DockerEvent, type EventType } from './events';
import type { ObjectsContext } from './objects-context';
import { newDaemonState, type DaemonState } from './state';

/** The whole daemon as JSON: state, the ID generator's position, the clock and the event history. */
export interface DaemonSnapshot {
  state: DaemonState;
  seed: number;
  now: number;
  events: DockerEvent[];
}

export type ObjectKind = 'image' | 'volume' | 'network';

export class Daemon implements ObjectsContext {
  readonly clock: Clock;
  ids: IdSource;
  readonly events: EventBus;
  readonly api: Router;
  state: DaemonState;
  /** containers named by events since the timeline last asked (see takeChangedContainers) */
  private changedContainers = new Set<string>();
  /** called after every tick and event: the daemon's streams (logs -f, attach, wait) look for news here */
  private readonly watchers = new Set<() => void>();

  constructor(opts: { clock: Clock; ids: IdSource; events?: EventBus }) {
    this.clock = opts.clock;
    this.ids = opts.ids;
    this.events = opts.events ?? new EventBus();
    this.state = newDaemonState(this.ids, this.clock.now());
    this.api = new Router();
    for (const register of [registerContainerRoutes, registerImagesRoutes, registerVolumesRoutes, registerNetworksRoutes, registerSystemRoutes, registerAuthRoutes]) {
      register(this.api, this);
    }
    registerBuildRoutes(this.api, this, daemonBuildPorts);
  }

  now(): number {
    return this.clock.now();
  }

  emit(type: EventType, action: string, id: string, attrs: Record<string, string>, at = this.clock.now()): void {
    if (type === 'container') this.changedContainers.add(id);
    this.events.emit(type, action, id, attrs, at);
    // streams look again whenever something happened, not only when time moved
    this.notifyWatchers();
  }

  /**
   * The containers that emitted an event since the last call. Every change that schedules a container's
   * work (start, exit, pause, unpause, restart, exec) emits one, so the timeline rechecks only these.
   */
  takeChangedContainers(): Set<string> {
    const changed = this.changedContainers;
    this.changedContainers = new Set();
    return changed;
  }

  /** Processes everything that has become due (process output and exits, restarts) up to now. */
  tick(): void {
    runDueWork(this, this.clock.now());
    this.notifyWatchers();
  }

  private notifyWatchers(): void {
    for (const w of [...this.watchers]) w();
  }

  watch(onTick: () => void): () => void {
    this.watchers.add(onTick);
    return () => this.watchers.delete(onTick);
  }

  /** Lets simulated time pass inside a request (stop timeouts, attached runs), doing due work on the way. */
  advanceTo(t: number): void {
    const now = this.clock.now();
    if (t > now) this.clock.advance(t - now);
    this.tick();
  }

  /** Images present from the start (`--images busybox:latest`), without pull output or events. */
  presetImages(refs: string[]): void {
    presetImages(this.state.images, this, refs);
  }

  /** Containers that reference an object, for the in-use checks of `rmi`, `volume rm`, `network rm`. */
  containersUsing(kind: ObjectKind, id: string): ContainerRecord[] {
    return Object.values(this.state.containers).filter((c) => {
      if (kind === 'image') return c.imageId === id;
      if (kind === 'volume') return c.mounts.some((m) => m.Type === 'volume' && m.Name === id);
      const net = this.state.networks.networks[id];
      return net !== undefined && (c.id in net.endpoints || c.hostConfig.NetworkMode === net.name || net.name in c.endpointConfig);
    });
  }

  snapshot(): DaemonSnapshot {
    return structuredClone({ state: this.state, seed: this.ids.seed, now: this.clock.now(), events: this.events.history });
  }

  restore(s: DaemonSnapshot): void {
    const copy = structuredClone(s);
    this.state = copy.state;
    this.ids = new IdSource(copy.seed);
    this.clock.advance(copy.now - this.clock.now());
    this.events.history.splice(0, this.events.history.length, ...copy.events);
  }
}
