// rehype plugin: every ```mermaid fence becomes a <figure> with the diagram as inline SVG in each theme
// (CSS shows the one matching the colour scheme), so no Mermaid JavaScript reaches the browser.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { VFile } from 'vfile';
import { cachedSvgs, REFRESH_HINT, type ThemedSvgs } from './cache';
import { accessibleTitle } from './diagram-source';
import { findMermaidBlocks } from './find-diagrams';
import { themeNames } from './themes';

const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function diagramFigure(title: string, svgs: ThemedSvgs): Element {
  const variants = themeNames.map((theme) =>
    element(
      'div',
      // one copy in the search index is enough
      { className: ['diagram-variant', `diagram-${theme}`], dataPagefindIgnore: theme === 'light' ? undefined : '' },
      fromHtml(svgs[theme], { fragment: true }).children as ElementContent[],
    ),
  );
  // The SVG's own <title> names it for screen readers; the visible caption would only repeat it.
  const caption = element('figcaption', { ariaHidden: 'true' }, [{ type: 'text', value: title }]);
  return element('figure', { className: ['diagram'] }, [...variants, caption]);
}

export interface Options {
  /** where cached SVGs live; tests point this elsewhere */
  cacheDir?: string;
}

export default function rehypeMermaidCached({ cacheDir }: Options = {}) {
  return async (tree: Root, file: VFile) => {
    const blocks = findMermaidBlocks(tree);
    if (blocks.length === 0) return;
    const titles = blocks.map((block) => {
      const title = accessibleTitle(block.source);
      if (!title) {
        file.fail('This Mermaid diagram has no `accTitle:` line. Add one: it names the diagram for screen readers and is shown as its caption.', block.pre);
      }
      return title;
    });
    let svgs: ThemedSvgs[] = [];
    try {
      svgs = await cachedSvgs(blocks.map((b) => b.source), cacheDir);
    } catch (error) {
      file.fail(`${error instanceof Error ? error.message : String(error)}\n${REFRESH_HINT}`);
    }
    blocks.forEach(({ pre, parent }, i) => {
      parent.children[parent.children.indexOf(pre)] = diagramFigure(titles[i]!, svgs[i]!);
    });
  };
}
