import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { budgetProblems, ISLAND_DEFERRED_LIMITS, ISLAND_JS_LIMITS, LOADER_LIMIT, PAGE_JS_LIMIT, pageWeight, type ReadAsset } from './page-weight';

const gz = (text: string) => gzipSync(text).length;

function assets(files: Record<string, string>): ReadAsset {
  return (path) => {
    const file = files[path];
    if (file === undefined) throw new Error(`no asset ${path}`);
    return file;
  };
}

describe('pageWeight', () => {
  it('counts inline loaders apart from component scripts', () => {
    const html = `<html><head><script data-loader="theme">let a = 1;</script></head>
      <body><div data-island="copy-code"></div><script type="module">console.log("copy")</script></body></html>`;
    const weight = pageWeight(html, assets({}));
    expect(weight.loaders).toEqual({ theme: gz('let a = 1;') });
    expect(weight.componentJs).toBe(gz('console.log("copy")'));
    expect(weight.islands).toEqual(['copy-code']);
  });

  it('follows static imports of module scripts once, and counts stylesheets', () => {
    const files = {
      '/_astro/a.js': 'import{x}from"./shared.js";x()',
      '/_astro/b.js': 'import"./shared.js";',
      '/_astro/shared.js': 'export const x=()=>1',
      '/_astro/site.css': 'body{color:red}',
    };
    const html = `<link rel="stylesheet" href="/_astro/site.css"><style>p{margin:0}</style>
      <script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>`;
    const weight = pageWeight(html, assets(files));
    expect(weight.js).toBe(gz(files['/_astro/a.js']) + gz(files['/_astro/shared.js']) + gz(files['/_astro/b.js']));
    expect(weight.css).toBe(gz('body{color:red}') + gz('p{margin:0}'));
  });

  it('counts dynamic imports apart, once, and not when the module is already loaded up front', () => {
    const files = {
      '/_astro/entry.js': 'import"./ui.js";const e=()=>import(`./engine.js`);const again=()=>import("./ui.js");const n=x=>import(`./${x}.js`)',
      '/_astro/ui.js': 'export const ui=1',
      '/_astro/engine.js': 'import"./daemon.js";import"./ui.js";export const go=()=>import("./builder.js")',
      '/_astro/daemon.js': 'export const d=2',
      '/_astro/builder.js': 'export const b=3;const e=()=>import("./engine.js")',
    };
    const weight = pageWeight('<div data-island="lab"></div><script type="module" src="/_astro/entry.js"></script>', assets(files));
    expect(weight.js).toBe(gz(files['/_astro/entry.js']) + gz(files['/_astro/ui.js']));
    expect(weight.deferredJs).toBe(gz(files['/_astro/engine.js']) + gz(files['/_astro/daemon.js']) + gz(files['/_astro/builder.js']));
  });

  it('ignores JSON data scripts', () => {
    expect(pageWeight('<script type="application/json">{"a":1}</script>', assets({})).js).toBe(0);
  });
});

describe('budgetProblems', () => {
  const base = { js: 0, deferredJs: 0, css: 0, loaders: {}, componentJs: 0, islands: [] };

  it('accepts a page with only small loaders', () => {
    expect(budgetProblems({ ...base, js: 500, loaders: { theme: 300, search: 200 } })).toEqual([]);
  });

  it('rejects component JavaScript on a page with no interactive component', () => {
    expect(budgetProblems({ ...base, js: 100, componentJs: 100 })).toEqual([
      'ships 100 B of JavaScript but has no interactive component (data-island)',
    ]);
  });

  it('allows component JavaScript where an island needs it', () => {
    expect(budgetProblems({ ...base, js: 100, componentJs: 100, islands: ['copy-code'] })).toEqual([]);
  });

  it('gives the lab island its own, larger JavaScript limit', () => {
    const lab = ISLAND_JS_LIMITS.lab!;
    expect(budgetProblems({ ...base, js: lab, componentJs: lab, islands: ['lab', 'copy-code'] })).toEqual([]);
    expect(budgetProblems({ ...base, js: lab + 1, componentJs: lab + 1, islands: ['lab'] })).toEqual([`ships ${lab + 1} B of JavaScript (limit ${lab} B)`]);
    expect(budgetProblems({ ...base, js: PAGE_JS_LIMIT + 1, componentJs: PAGE_JS_LIMIT + 1, islands: ['copy-code'] })).toEqual([
      `ships ${PAGE_JS_LIMIT + 1} B of JavaScript (limit ${PAGE_JS_LIMIT} B)`,
    ]);
  });

  it('holds what the lab loads on demand to its own limit', () => {
    const limit = ISLAND_DEFERRED_LIMITS.lab!;
    expect(budgetProblems({ ...base, js: 100, componentJs: 100, deferredJs: limit, islands: ['lab'] })).toEqual([]);
    expect(budgetProblems({ ...base, js: 100, componentJs: 100, deferredJs: limit + 1, islands: ['lab'] })).toEqual([
      `loads ${limit + 1} B of JavaScript on demand (limit ${limit} B)`,
    ]);
    // islands without a limit of their own load on demand freely (a quiz's grader, the search UI)
    expect(budgetProblems({ ...base, js: 100, componentJs: 100, deferredJs: 10 * limit, islands: ['quiz'] })).toEqual([]);
  });

  it('rejects a loader that grew too big', () => {
    const bytes = LOADER_LIMIT + 1;
    expect(budgetProblems({ ...base, js: bytes, loaders: { search: bytes } })).toEqual([
      `the search loader is ${bytes} B gzip (limit ${LOADER_LIMIT} B)`,
    ]);
  });
});
