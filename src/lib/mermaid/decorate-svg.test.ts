import { expect, it } from 'vitest';
import { decorateSvg } from './decorate-svg';

const svg = [
  '<svg id="mermaid-ab12-0" xmlns="http://www.w3.org/2000/svg">',
  '<g class="node default" id="mermaid-ab12-0-state-root_start-0"></g>',
  '<g class="node  statediagram-state" id="mermaid-ab12-0-state-running-7"><rect></rect></g>',
  '<g class="node  statediagram-state" id="mermaid-ab12-0-state-exited-12"></g>',
  '<g class="node" id="flowchart-a-1"></g>',
  '</svg>',
].join('');

it('gives each state node a stable data-state and class', () => {
  const out = decorateSvg(svg);
  expect(out).toContain('class="node statediagram-state state-running" id="mermaid-ab12-0-state-running-7" data-state="running"');
  expect(out).toContain('data-state="exited"');
});

it('leaves start/end markers and other diagrams alone', () => {
  const out = decorateSvg(svg);
  expect(out.match(/data-state=/g)).toHaveLength(2);
  expect(out).toContain('<g class="node" id="flowchart-a-1"></g>');
});
