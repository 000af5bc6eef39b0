import { expect, it } from 'vitest';
import { readingMinutes } from './reading-time';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

it('rounds words at 200 per minute', () => {
  expect(readingMinutes(words(600))).toBe(3);
  expect(readingMinutes(words(700))).toBe(4);
});

it('never says zero minutes', () => {
  expect(readingMinutes('')).toBe(1);
});

it('ignores MDX imports, component tags and Mermaid diagrams', () => {
  const diagram = ['```mermaid', words(400), '```'].join('\n');
  const mdx = [`import Lab from '../Lab.astro';`, '<Lab client:visible />', words(400), diagram].join('\n');
  expect(readingMinutes(mdx)).toBe(2);
});
