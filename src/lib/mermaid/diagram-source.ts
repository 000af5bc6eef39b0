// A Mermaid diagram as authors write it in a ```mermaid fence, and the facts the site needs from it.
import { createHash } from 'node:crypto';
import { mermaidThemes, type MermaidTheme } from './themes';

/**
 * Bump when the rendering pipeline changes in a way the source and theme do not show (for example a new
 * post-processing step in decorate-svg.ts), so every cached SVG is rendered again.
 */
const RENDER_VERSION = 1;

/** the same diagram written with other line endings or surrounding blank lines renders the same */
export const normaliseSource = (source: string): string => source.replace(/\r\n?/g, '\n').trim();

/** cache key: changes whenever the diagram, its theme's configuration or the pipeline changes */
export function diagramHash(source: string, theme: MermaidTheme): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDER_VERSION, mermaidThemes[theme], normaliseSource(source)]))
    .digest('hex')
    .slice(0, 16);
}

/** the `accTitle:` line, which names the diagram for screen readers and becomes its caption */
export function accessibleTitle(source: string): string | undefined {
  return /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
}
