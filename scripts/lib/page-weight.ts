// What a built page makes the browser download, gzip-compressed: up front, its JavaScript (external
// modules with their static imports, and inline scripts) and CSS; on demand, the modules its scripts
// import dynamically (with their static imports), counted apart. The lab's engine is one: the terminal
// comes up without it and the first command waits for it, so a page's two numbers are "before the page
// is usable" and "before everything it may do is" (the engine, a quiz's grader, a build lab's editor).
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** reads a built asset by its URL path, e.g. '/_astro/x.js' */
export type ReadAsset = (urlPath: string) => string;

export interface PageWeight {
  /** JavaScript downloaded up front */
  js: number;
  /** JavaScript its scripts import dynamically (directly or through each other), not already up front */
  deferredJs: number;
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
// `import("./a.js")` (Rolldown writes `import(\`./a.js\`)`) with a literal path; a computed one cannot be
// followed, and is not counted
const dynamicImport = /\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g;

/** the paths a module imports (the pattern's last group), resolved against the module's own */
const importsIn = (code: string, pattern: RegExp, from: string) => [...code.matchAll(pattern)].map((m) => new URL(m[m.length - 1]!, `http://x${from}`).pathname);

/** a module and everything it statically imports, each once; the dynamic imports found on the way go to `later` */
function moduleGraph(entry: string, read: ReadAsset, seen: Set<string>, later: string[] = []): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = read(entry);
  later.push(...importsIn(code, dynamicImport, entry));
  return [code, ...importsIn(code, staticImport, entry).flatMap((path) => moduleGraph(path, read, seen, later))];
}

/** gzip bytes of what `dynamic` brings in (and what that imports, either way) beyond the modules in `seen` */
function deferredBytes(dynamic: string[], read: ReadAsset, seen: Set<string>): number {
  let bytes = 0;
  for (let i = 0; i < dynamic.length; i++) {
    bytes += moduleGraph(dynamic[i]!, read, seen, dynamic).reduce((sum, code) => sum + gzipBytes(code), 0);
  }
  return bytes;
}

export function pageWeight(html: string, read: ReadAsset): PageWeight {
  const weight: PageWeight = { js: 0, deferredJs: 0, css: 0, loaders: {}, componentJs: 0, islands: [] };
  const seenModules = new Set<string>();
  const dynamic: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    const { properties: p } = node;
    if (p.dataIsland !== undefined) weight.islands.push(String(p.dataIsland));
    if (node.tagName === 'script' && (p.type === undefined || p.type === 'module')) {
      const bytes =
        typeof p.src === 'string'
          ? moduleGraph(p.src, read, seenModules, dynamic).reduce((sum, code) => sum + gzipBytes(code), 0)
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
  // after the walk, so a module loaded both up front and on demand counts once, up front
  weight.deferredJs = deferredBytes(dynamic, read, seenModules);
  return weight;
}

export const LOADER_LIMIT = 1024;
export const PAGE_JS_LIMIT = 8 * 1024;
/**
 * Islands that may take a page past PAGE_JS_LIMIT, up front. The lab's terminal is xterm.js (88 kB gzip, a
 * prebuilt bundle that does not tree-shake) with the lab's own code and the CLI's command table (for Tab
 * completion); the engine is not in it: it loads on demand (ISLAND_DEFERRED_LIMITS).
 */
export const ISLAND_JS_LIMITS: Readonly<Record<string, number>> = { lab: 150 * 1024 };
/**
 * What an island may load on demand, page by page: the lab's engine (the daemon, command handlers, Go
 * templates, the container runtime with its shell and image contents, the builder: ~155 kB gzip in
 * November 2026) is fetched while the terminal comes up, and the first command waits for it; the ceiling
 * keeps that wait bounded on a slow link. A build lab adds its editor (CodeMirror, ~95 kB), loaded only
 * on pages with one.
 */
export const ISLAND_DEFERRED_LIMITS: Readonly<Record<string, number>> = { lab: 200 * 1024, 'build-lab': 300 * 1024 };

/** the JavaScript limit of a page: the largest its islands allow */
export const pageJsLimit = (islands: readonly string[]) => Math.max(PAGE_JS_LIMIT, ...islands.map((i) => ISLAND_JS_LIMITS[i] ?? 0));

/** the on-demand JavaScript limit of a page: the largest its islands allow; undefined when none sets one */
export function pageDeferredLimit(islands: readonly string[]): number | undefined {
  const limits = islands.flatMap((i) => ISLAND_DEFERRED_LIMITS[i] ?? []);
  return limits.length > 0 ? Math.max(...limits) : undefined;
}

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
  const deferredLimit = pageDeferredLimit(weight.islands);
  if (deferredLimit !== undefined && weight.deferredJs > deferredLimit) {
    problems.push(`loads ${weight.deferredJs} B of JavaScript on demand (limit ${deferredLimit} B)`);
  }
  return problems;
}
