// Build time only (Node): the lab's lifecycle diagram is the lesson's own Mermaid diagram, found by its
// accTitle in content/lessons/ and taken from the site's diagram cache, so there is one source and no
// second rendering. The copy is made safe to sit on the same page as the lesson's (its own IDs) and each
// transition arrow is labelled with its two states so the lab can mark the one a container just took.
import { cachedSvgs, type ThemedSvgs } from '../lib/mermaid/cache';
import { accessibleTitle } from '../lib/mermaid/diagram-source';
import { diagramsInLessons } from '../lib/mermaid/find-diagrams';

export const LIFECYCLE_TITLE = 'The container lifecycle';

/** `a --> b` and `a --> b: label` lines in source order: Mermaid numbers its edges the same way */
export function stateTransitions(source: string): [from: string, to: string][] {
  return [...source.matchAll(/^\s*(\S+)\s*-->\s*([^\s:]+)/gm)].map((m) => [m[1]!, m[2]!]);
}

export function decorateLifecycleSvg(svg: string, source: string, idPrefix: string): string {
  const edges = stateTransitions(source);
  return svg
    .replace(/\bmermaid-([0-9a-f]{16})/g, `${idPrefix}-mermaid-$1`)
    .replace(/data-id="edge(\d+)"/g, (whole, n: string) => {
      const edge = edges[Number(n)];
      return edge ? `${whole} data-from="${edge[0]}" data-to="${edge[1]}"` : whole;
    });
}

export async function lifecycleDiagram(idPrefix: string): Promise<ThemedSvgs> {
  const found = (await diagramsInLessons()).find((d) => accessibleTitle(d.source) === LIFECYCLE_TITLE);
  if (!found) throw new Error(`The lab needs the lesson diagram titled "${LIFECYCLE_TITLE}" (accTitle) in content/lessons/.`);
  const [svgs] = await cachedSvgs([found.source]);
  return { light: decorateLifecycleSvg(svgs!.light, found.source, idPrefix), dark: decorateLifecycleSvg(svgs!.dark, found.source, idPrefix) };
}
