import { describe, expect, it } from 'vitest';
import { lifecycleDiagram, stateTransitions } from './lab-diagram';

describe('the lab’s lifecycle diagram', () => {
  it('reads transitions in source order', () => {
    expect(stateTransitions('stateDiagram-v2\n  accTitle: x\n  [*] --> created: create\n  created --> running: start\n  restarting --> running\n')).toEqual([
      ['[*]', 'created'],
      ['created', 'running'],
      ['restarting', 'running'],
    ]);
  });
  it('is the lesson’s cached diagram with its own IDs, states and labelled arrows', async () => {
    const { light, dark } = await lifecycleDiagram('lab-x');
    for (const svg of [light, dark]) {
      expect(svg).not.toMatch(/(?<!lab-x-)mermaid-[0-9a-f]{16}/);
      expect(svg).toMatch(/aria-labelledby="chart-title-lab-x-mermaid-[0-9a-f]{16}-0"/);
      for (const state of ['created', 'running', 'paused', 'exited', 'restarting', 'removing', 'dead']) expect(svg).toContain(`data-state="${state}"`);
      expect(svg).toMatch(/data-id="edge2" data-from="running" data-to="paused"/);
      expect(svg).toMatch(/data-id="edge1" data-from="created" data-to="running"/);
    }
  });
});
