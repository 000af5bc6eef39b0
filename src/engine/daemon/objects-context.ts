// What the image, volume and network stores need from the daemon around them: the clock, the seeded ID
// source and the event bus. The Daemon satisfies it; tests pass a small literal.
import type { IdSource } from '../ids';
import type { EventType } from './events';

export interface ObjectsContext {
  now(): number;
  ids: IdSource;
  emit(type: EventType, action: string, id: string, attrs: Record<string, string>): void;
}
