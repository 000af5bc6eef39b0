// Docker-style events (`docker events`, and the lab's live panels). Shape follows the Engine API's
// /events messages so real-daemon mode can map both into the same view model.
export type EventType = 'container' | 'image' | 'volume' | 'network' | 'daemon';

export interface DockerEvent {
  Type: EventType;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  time: number; // seconds
  timeNano: number;
}

export type EventListener = (e: DockerEvent) => void;

export class EventBus {
  private listeners = new Set<EventListener>();
  /** a bounded history, so `docker events --since` and late subscribers can catch up */
  readonly history: DockerEvent[] = [];
  private static readonly KEEP = 1000;

  emit(type: EventType, action: string, id: string, attributes: Record<string, string>, nowMs: number): DockerEvent {
    const e: DockerEvent = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Math.floor(nowMs / 1000),
      timeNano: nowMs * 1_000_000,
    };
    this.history.push(e);
    if (this.history.length > EventBus.KEEP) this.history.shift();
    for (const l of this.listeners) l(e);
    return e;
  }

  subscribe(l: EventListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
