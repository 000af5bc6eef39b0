// What a built page makes the browser download up front: its JavaScript (external modules with their
// static imports, and inline scripts) and CSS, gzip-compressed. Dynamic imports are not counted: they
// load on demand (Pagefind's UI, for one).
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** reads a built asset by its URL path, e.g. '/_astro/x.js' */
export type ReadAsset = (urlPath: string) => string;

export interface PageWeight {
  js: number;
  css: number;
  /** gzip bytes of each inline loader script (data-loader="name") */
  loaders: Record<string, number>;
  /** gzip bytes of JavaScript that is not a loader */
  componentJs: number;
  /** names from data-island attributes: elements that JavaScript brings to life */
  islands: string[];
}

const gzipBytes = (text: string) => gzipSync(text).length;

// `import x from "./a.js"`, `import"./a.js"`, `export{…}from"./a.js"` in built (minified) modules
const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** a module and everything it statically imports, each once */
function moduleGraph(entry: string, read: ReadAsset, seen: Set<string>): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = read(entry);
  const imports = [...code.matchAll(staticImport)].map((m) => new URL(m[1]!, `http://x${entry}`).pathname);
  return [code, ...imports.flatMap((path) => moduleGraph(path, read, seen))];
}

export function pageWeight(html: string, read: ReadAsset): PageWeight {
  const weight: PageWeight = { js: 0, css: 0, loaders: {}, componentJs: 0, islands: [] };
  const seenModules = new Set<string>();
  visit(fromHtml(html), 'element', (node: Element) => {
    const { properties: p } = node;
    if (p.dataIsland !== undefined) weight.islands.push(String(p.dataIsland));
    if (node.tagName === 'script' && (p.type === undefined || p.type === 'module')) {
      const bytes =
        typeof p.src === 'string'
          ? moduleGraph(p.src, read, seenModules).reduce((sum, code) => sum + gzipBytes(code), 0)
          : gzipBytes(toString(node));
      weight.js += bytes;
      if (typeof p.dataLoader === 'string' && p.src === undefined) weight.loaders[p.dataLoader] = bytes;
      else weight.componentJs += bytes;
    }
    if (node.tagName === 'link' && Array.isArray(p.rel) && p.rel.includes('stylesheet') && typeof p.href === 'string') {
      weight.css += gzipBytes(read(p.href));
    }
    if (node.tagName === 'style') weight.css += gzipBytes(toString(node));
  });
  return weight;
}

export const LOADER_LIMIT = 1024;
export const PAGE_JS_LIMIT = 8 * 1024;
/**
 * Islands that may take a page past PAGE_JS_LIMIT. The lab bundles xterm.js (88 kB gzip, a prebuilt bundle
 * that does not tree-shake) and the simulated engine (90 kB gzip, shared with quizzes): 180 kB against a
 * 150 kB target, so this ceiling only stops further growth until the engine's bundle shrinks. Help and
 * usage texts are only ~7 kB of the engine's gzip; the rest is code (CLI spec and flag tables ~54 kB
 * minified, command handlers ~48 kB, container daemon ~36 kB, Go template engine and formatters ~32 kB,
 * registry catalog ~16 kB).
 */
export const ISLAND_JS_LIMITS: Readonly<Record<string, number>> = { lab: 190 * 1024 };

/** the JavaScript limit of a page: the largest its islands allow */
export const pageJsLimit = (islands: readonly string[]) => Math.max(PAGE_JS_LIMIT, ...islands.map((i) => ISLAND_JS_LIMITS[i] ?? 0));

/** the budget's rules; an empty list means the page passes */
export function budgetProblems(weight: PageWeight): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(weight.loaders)) {
    if (bytes > LOADER_LIMIT) problems.push(`the ${name} loader is ${bytes} B gzip (limit ${LOADER_LIMIT} B)`);
  }
  if (weight.islands.length === 0 && weight.componentJs > 0) {
    problems.push(`ships ${weight.componentJs} B of JavaScript but has no interactive component (data-island)`);
  }
  const limit = pageJsLimit(weight.islands);
  if (weight.js > limit) problems.push(`ships ${weight.js} B of JavaScript (limit ${limit} B)`);
  return problems;
}
