// Container events carry the container's labels, image and name (moby's LogContainerEventWithAttributes).
import type { Daemon } from '../daemon';
import { bareName, type ContainerRecord } from './model';

export function containerEvent(d: Daemon, c: ContainerRecord, action: string, extra: Record<string, string> = {}, at?: number): void {
  d.emit('container', action, c.id, { ...c.config.Labels, ...extra, image: c.config.Image, name: bareName(c) }, at);
}
