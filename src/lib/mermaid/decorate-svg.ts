// Post-processing of Mermaid's SVG before it is cached. State-diagram nodes get stable hooks so the lab
// can highlight a container's current state: Mermaid's own ids end in a counter that changes whenever
// the diagram changes, so they cannot be relied on.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const stateNodeId = /-state-(.+)-\d+$/;

export function decorateSvg(svg: string): string {
  const tree = fromHtml(svg, { fragment: true });
  visit(tree, 'element', (node) => {
    const classes = node.properties.className;
    if (node.tagName !== 'g' || !Array.isArray(classes) || !classes.includes('statediagram-state')) return;
    const state = stateNodeId.exec(String(node.properties.id ?? ''))?.[1];
    if (!state) return;
    node.properties.dataState = state;
    node.properties.className = [...classes, `state-${state}`];
  });
  return toHtml(tree);
}
