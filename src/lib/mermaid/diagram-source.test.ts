import { expect, it } from 'vitest';
import { accessibleTitle, diagramHash } from './diagram-source';

const diagram = 'flowchart LR\n  accTitle: Client and daemon\n  a --> b';

it('gives the same hash to the same diagram, whatever its line endings and surrounding blank lines', () => {
  expect(diagramHash(`\n${diagram.replaceAll('\n', '\r\n')}\n\n`, 'light')).toBe(diagramHash(diagram, 'light'));
});

it('gives different hashes to different diagrams and to different themes', () => {
  const hashes = [diagramHash(diagram, 'light'), diagramHash(diagram, 'dark'), diagramHash(`${diagram}\n  b --> c`, 'light')];
  expect(new Set(hashes).size).toBe(3);
  expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
});

it('reads the accTitle line', () => {
  expect(accessibleTitle(diagram)).toBe('Client and daemon');
  expect(accessibleTitle('flowchart LR\n  a --> b')).toBeUndefined();
});
