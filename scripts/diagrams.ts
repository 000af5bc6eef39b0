// `npm run diagrams`: brings the committed Mermaid cache (src/generated/mermaid/) in line with content/lessons/:
// renders every diagram that has no cached SVG yet (needs Chromium) and deletes SVGs no diagram uses.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cachedSvgs, checkCache, defaultCacheDir } from '../src/lib/mermaid/cache';
import { diagramsInLessons } from '../src/lib/mermaid/find-diagrams';

const diagrams = await diagramsInLessons();
const before = await checkCache(diagrams.map((d) => ({ label: d.file, source: d.source })));
await cachedSvgs(diagrams.map((d) => d.source));
await Promise.all(before.unused.map((file) => rm(join(defaultCacheDir, file))));

console.log(
  `${diagrams.length} diagrams: rendered ${before.missing.length} SVGs, removed ${before.unused.length} unused, cache in src/generated/mermaid/`,
);
