// Lets the browser fetch a page's whole module graph at once. A module script's static imports are only
// found once that script has downloaded and parsed, and theirs after them; the lab's entry imports xterm
// and the engine (~600 kB before gzip), which then started a round trip late. After the build, every page
// gets a <link rel="modulepreload"> in its head for each module its module scripts import, directly or not.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** reads a built module by its URL path, e.g. '/_astro/x.js' */
export type ReadModule = (urlPath: string) => string;

// `import x from"./a.js"`, `import"./a.js"`, `export{…}from"./a.js"` in built (minified) modules
const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const moduleScript = /<script type="module" src="([^"]+)"/g;

/** the URL paths a module imports statically, directly or not, each once, in the order found */
function importsOf(entry: string, read: ReadModule, seen: Set<string>): string[] {
  const found: string[] = [];
  for (const m of read(entry).matchAll(staticImport)) {
    const path = new URL(m[1]!, `http://x${entry}`).pathname;
    if (seen.has(path)) continue;
    seen.add(path);
    found.push(path, ...importsOf(path, read, seen));
  }
  return found;
}

/** the page with a modulepreload link for each module its module scripts import; unchanged without any */
export function addModulePreloads(html: string, read: ReadModule): string {
  const entries = [...html.matchAll(moduleScript)].map((m) => m[1]!).filter((src) => src.startsWith('/'));
  const seen = new Set(entries);
  const links = entries.flatMap((entry) => importsOf(entry, read, seen)).map((path) => `<link rel="modulepreload" href="${path}">`);
  return links.length === 0 ? html : html.replace('</head>', `${links.join('')}</head>`);
}

export function modulePreload(): AstroIntegration {
  return {
    name: 'dockhand:module-preload',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const read = (urlPath: string) => readFileSync(join(root, urlPath), 'utf8');
        for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
          const html = readFileSync(join(root, file), 'utf8');
          const preloaded = addModulePreloads(html, read);
          if (preloaded !== html) writeFileSync(join(root, file), preloaded);
        }
      },
    },
  };
}
