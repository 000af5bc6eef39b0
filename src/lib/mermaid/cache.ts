// The committed cache of rendered diagrams: src/generated/mermaid/<hash>.<theme>.svg. A build reads it,
// so learners never need a browser; a diagram missing from it is rendered once and written back, and the
// freshness test makes sure authors commit the result (`npm run diagrams`).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagramHash } from './diagram-source';
import { renderDiagrams } from './render';
import { themeNames, type MermaidTheme } from './themes';

export const defaultCacheDir = fileURLToPath(new URL('../../generated/mermaid/', import.meta.url));

export const REFRESH_HINT =
  'Run `npm run diagrams` (needs Chromium: apt-get install chromium) and commit src/generated/mermaid/.';

export type ThemedSvgs = Record<MermaidTheme, string>;

const cacheFileName = (hash: string, theme: MermaidTheme) => `${hash}.${theme}.svg`;

function entriesFor(sources: string[], dir: string) {
  return sources.flatMap((source) =>
    themeNames.map((theme) => {
      const hash = diagramHash(source, theme);
      return { source, theme, hash, name: cacheFileName(hash, theme), file: join(dir, cacheFileName(hash, theme)) };
    }),
  );
}

const readSvgs = async (source: string, dir: string): Promise<ThemedSvgs> =>
  Object.fromEntries(
    await Promise.all(entriesFor([source], dir).map(async (e) => [e.theme, await readFile(e.file, 'utf8')] as const)),
  ) as ThemedSvgs;

/** light and dark SVG for each source, in order; renders and caches whatever is missing */
export async function cachedSvgs(sources: string[], dir = defaultCacheDir): Promise<ThemedSvgs[]> {
  const missing = entriesFor(sources, dir).filter((e) => !existsSync(e.file));
  if (missing.length > 0) {
    const svgs = await renderDiagrams(missing.map((e) => ({ source: e.source, theme: e.theme, idPrefix: `mermaid-${e.hash}` })));
    await mkdir(dir, { recursive: true });
    await Promise.all(missing.map((e, i) => writeFile(e.file, svgs[i]!)));
  }
  return Promise.all(sources.map((source) => readSvgs(source, dir)));
}

export interface CacheReport {
  /** diagrams (by the caller's label) that lack an SVG for some theme */
  missing: { label: string; theme: MermaidTheme }[];
  /** cached files no diagram uses any more */
  unused: string[];
}

export async function checkCache(diagrams: { label: string; source: string }[], dir = defaultCacheDir): Promise<CacheReport> {
  const present = new Set(existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.svg')) : []);
  const wanted = new Set<string>();
  const missing: CacheReport['missing'] = [];
  for (const { label, source } of diagrams) {
    for (const { theme, name } of entriesFor([source], dir)) {
      wanted.add(name);
      if (!present.has(name)) missing.push({ label, theme });
    }
  }
  return { missing, unused: [...present].filter((f) => !wanted.has(f)).sort() };
}
