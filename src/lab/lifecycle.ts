// Which way a container moved through the lifecycle diagram, found by comparing two view models. The
// names are the diagram's states (the lesson's Mermaid source), which match the Engine API's State.
import type { LabViewModel } from './view-model';

export interface Transition {
  container: string;
  /** 'start' when the container did not exist before */
  from: string;
  /** 'end' once it is gone */
  to: string;
}

/** the diagram's pseudo-state for "does not exist" ([*]) */
export const OUTSIDE = '[*]';

/** State changes between two moments, one per container whose state changed. */
export function transitions(before: LabViewModel, after: LabViewModel): Transition[] {
  const was = new Map(before.containers.map((c) => [c.id, c]));
  const now = new Map(after.containers.map((c) => [c.id, c]));
  const found: Transition[] = [];
  for (const c of after.containers) {
    const prev = was.get(c.id);
    // `run` goes through created without stopping there: the diagram's last step is created → running
    if (!prev) found.push({ container: c.name, from: c.state === 'created' ? OUTSIDE : 'created', to: c.state });
    else if (prev.state !== c.state) found.push({ container: c.name, from: prev.state, to: c.state });
  }
  for (const c of before.containers) {
    // removal passes through `removing`; a container that was running was force-removed from there
    if (!now.has(c.id)) found.push({ container: c.name, from: 'removing', to: OUTSIDE });
  }
  return found;
}
