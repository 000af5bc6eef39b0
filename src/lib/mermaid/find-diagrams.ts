// Finding ```mermaid fences. The build (rehype plugin) and the cache tooling (freshness test, refresh
// script) share findMermaidBlocks, so both always agree on what a diagram's source is.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@mdx-js/mdx';
import type { Element, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface MermaidBlock {
  source: string;
  /** the <pre> that holds the fence, to be replaced by the rendered figure */
  pre: Element;
  parent: Parents;
}

const isMermaidCode = (node: Element) =>
  node.tagName === 'code' && Array.isArray(node.properties.className) && node.properties.className.includes('language-mermaid');

export function findMermaidBlocks(tree: Root): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  visit(tree, 'element', (pre, _index, parent) => {
    const [code, ...rest] = pre.children;
    if (pre.tagName !== 'pre' || code?.type !== 'element' || rest.length > 0 || !isMermaidCode(code) || !parent) return;
    blocks.push({ source: toString(code), pre, parent });
  });
  return blocks;
}

/** diagrams in one MDX document, found by compiling it the way the site does */
export async function diagramsInMdx(mdx: string): Promise<string[]> {
  let sources: string[] = [];
  await compile(mdx, {
    rehypePlugins: [() => (tree: Root) => void (sources = findMermaidBlocks(tree).map((b) => b.source))],
  });
  return sources;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** where the lessons collection loads from (src/content.config.ts) */
export const lessonsDir = join(repositoryRoot, 'content/lessons');

export interface ContentDiagram {
  /** path relative to the repository, for messages */
  file: string;
  source: string;
}

export async function diagramsInLessons(dir = lessonsDir): Promise<ContentDiagram[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.mdx')).sort();
  const found = await Promise.all(
    files.map(async (f) => {
      const path = join(dir, f);
      const sources = await diagramsInMdx(await readFile(path, 'utf8'));
      return sources.map((source) => ({ file: relative(repositoryRoot, path), source }));
    }),
  );
  return found.flat();
}
