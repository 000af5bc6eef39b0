// `npm run budget`: JavaScript and CSS each built page makes the browser download (gzip), up front and on
// demand, checked against the rules in scripts/lib/page-weight.ts. Fails when a page breaks them; CI runs
// it after the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetProblems, pageDeferredLimit, pageJsLimit, pageWeight } from './lib/page-weight';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const read = (urlPath: string) => readFileSync(join(dist, urlPath), 'utf8');
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
if (pages.length === 0) {
  console.error('No built pages in dist/: run `npm run build` first.');
  process.exit(1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(9);
const url = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
const failures: string[] = [];

console.log(`${'page'.padEnd(42)}${'JS gzip'.padStart(9)}${'on demand'.padStart(10)}${'CSS gzip'.padStart(10)}  interactive components`);
for (const file of pages) {
  const weight = pageWeight(read(file), read);
  const islands = [...new Set(weight.islands)].join(', ') || 'none (loaders only)';
  const deferredLimit = pageDeferredLimit(weight.islands);
  const limits = weight.islands.includes('lab') ? ` (lab limits: ${kb(pageJsLimit(weight.islands)).trim()} up front, ${kb(deferredLimit ?? 0).trim()} on demand)` : '';
  console.log(`${url(file).padEnd(42)}${kb(weight.js)} ${kb(weight.deferredJs)} ${kb(weight.css)}  ${islands}${limits}`);
  failures.push(...budgetProblems(weight).map((problem) => `${url(file)}: ${problem}`));
}

if (failures.length > 0) {
  console.error(`\nBudget exceeded:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nbudget ok: ${pages.length} pages`);
