import { describe, expect, it } from 'vitest';
import { addModulePreloads } from './module-preload';

const modules: Record<string, string> = {
  '/_astro/lab.js': 'import{a as e}from"./engine.js";import{t}from"./xterm.js";e(t)',
  '/_astro/engine.js': 'import"./shared.js";export{x as a}',
  '/_astro/xterm.js': 'import{s}from"./shared.js";export{s as t}',
  '/_astro/shared.js': 'export const s=1',
};
const read = (path: string) => {
  const code = modules[path];
  if (code === undefined) throw new Error(`no ${path}`);
  return code;
};

describe('addModulePreloads', () => {
  it('preloads the whole static graph of a module script, each module once', () => {
    const html = '<html><head><title>x</title></head><body><script type="module" src="/_astro/lab.js"></script></body></html>';
    expect(addModulePreloads(html, read)).toBe(
      '<html><head><title>x</title><link rel="modulepreload" href="/_astro/engine.js"><link rel="modulepreload" href="/_astro/shared.js"><link rel="modulepreload" href="/_astro/xterm.js"></head><body><script type="module" src="/_astro/lab.js"></script></body></html>',
    );
  });

  it('leaves pages without imported modules alone', () => {
    const html = '<html><head></head><body><script type="module" src="/_astro/shared.js"></script><script>inline()</script></body></html>';
    expect(addModulePreloads(html, read)).toBe(html);
  });
});
