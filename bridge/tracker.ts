// What the learner made through the bridge, from the engine's events: objects created while one of the
// bridge's commands ran (or just after: events trail the CLI's exit) are the session's, and "Clean up"
// removes exactly those that still exist. Objects made by anything else meanwhile are never touched.
import type { Tracked, TrackedKind } from '../src/lab/real/protocol';
import type { DockerApi, EngineEvent } from './docker-api';

/** how long after a command ends its events still count as its own */
const TRAILING_MS = 2_000;

/** event actions that bring an object into existence, and those that end it, per type */
const CREATES: Record<TrackedKind, string[]> = { container: ['create'], image: ['pull', 'import', 'load', 'tag'], volume: ['create'], network: ['create'] };
const ENDS: Record<TrackedKind, string[]> = { container: ['destroy'], image: ['delete', 'untag'], volume: ['destroy'], network: ['destroy'] };
/** removal order: containers free their images, volumes and networks */
const ORDER: TrackedKind[] = ['container', 'image', 'volume', 'network'];

const objectPath = (t: Tracked) => `/${t.kind}s/${encodeURIComponent(t.id)}`;
/** volumes and networks are inspected at their own path; containers and images under /json */
const inspectPath = (t: Tracked) => (t.kind === 'container' || t.kind === 'image' ? `${objectPath(t)}/json` : objectPath(t));

export class SessionTracker {
  private readonly items = new Map<string, Tracked>();
  private running = 0;
  private lastEnd = -Infinity;

  /** brackets a command: call the returned function when it has ended */
  commandStarted(): () => void {
    this.running++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      this.lastEnd = Date.now();
    };
  }

  private ours(e: EngineEvent): boolean {
    return this.running > 0 || e.timeNano / 1e6 <= this.lastEnd + TRAILING_MS;
  }

  observe(e: EngineEvent): void {
    const kind = e.Type as TrackedKind;
    if (!(kind in CREATES)) return;
    const attrs = e.Actor.Attributes ?? {};
    // an image is removed by the reference pulled or tagged (removing a tag leaves a shared image alone)
    const id = kind === 'image' && e.Action === 'tag' ? (attrs.name ?? e.Actor.ID) : e.Actor.ID;
    const key = `${kind}:${id}`;
    if (CREATES[kind].includes(e.Action) && this.ours(e)) this.items.set(key, { kind, id, name: kind === 'image' || kind === 'volume' ? id : (attrs.name ?? id) });
    else if (ENDS[kind].includes(e.Action)) this.items.delete(key);
  }

  /**
   * What the session made that still exists (image events name images by ID on removal, not by the
   * reference tracked, so existence is asked of the engine).
   */
  async list(api: DockerApi): Promise<Tracked[]> {
    const sorted = [...this.items.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
    const exists = await Promise.all(sorted.map(async (t) => (await api.get(inspectPath(t))).status !== 404));
    for (const [i, t] of sorted.entries()) if (!exists[i]) this.items.delete(`${t.kind}:${t.id}`);
    return sorted.filter((_, i) => exists[i]);
  }

  /** removes what the session made, containers first; what is already gone counts as removed */
  async cleanUp(api: DockerApi): Promise<{ removed: Tracked[]; failed: { item: Tracked; error: string }[] }> {
    const removed: Tracked[] = [];
    const failed: { item: Tracked; error: string }[] = [];
    for (const item of await this.list(api)) {
      const res = await api.request<{ message?: string }>('DELETE', objectPath(item), item.kind === 'container' ? { force: '1', v: '1' } : undefined);
      if (res.status < 300 || res.status === 404) {
        removed.push(item);
        this.items.delete(`${item.kind}:${item.id}`);
      } else failed.push({ item, error: res.body?.message ?? `HTTP ${res.status}` });
    }
    return { removed, failed };
  }
}
