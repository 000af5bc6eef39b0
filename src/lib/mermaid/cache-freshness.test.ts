// The committed Mermaid cache must match content/lessons/: a learner's build never renders (no browser needed),
// so a diagram without cached SVGs would fail their build. Authors refresh it with `npm run diagrams`.
import { expect, it } from 'vitest';
import { checkCache, REFRESH_HINT } from './cache';
import { accessibleTitle } from './diagram-source';
import { diagramsInLessons } from './find-diagrams';

const diagrams = await diagramsInLessons();

it('finds the course diagrams', () => {
  expect(diagrams.length).toBeGreaterThan(0);
});

it('has a cached light and dark SVG for every diagram in content/lessons/, and nothing else', async () => {
  const { missing, unused } = await checkCache(diagrams.map((d, i) => ({ label: `${d.file} (diagram ${i + 1})`, source: d.source })));
  const problems = [
    ...missing.map((m) => `no ${m.theme} SVG for ${m.label}`),
    ...unused.map((file) => `unused cached SVG src/generated/mermaid/${file}`),
  ];
  expect(problems, `The Mermaid cache is stale. ${REFRESH_HINT}`).toEqual([]);
});

it('gives every diagram an accTitle for screen readers', () => {
  const untitled = diagrams.filter((d) => !accessibleTitle(d.source)).map((d) => d.file);
  expect(untitled, 'Add an `accTitle: …` line to these diagrams').toEqual([]);
});
