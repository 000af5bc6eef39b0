import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { fingerprint } from './build-fingerprint';

let root: string;
const inputs = ['src', 'config.mjs'];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'src/pages/a.astro'), 'a');
  writeFileSync(join(root, 'config.mjs'), 'export default {}');
});

it('is stable while nothing changes', () => {
  expect(fingerprint(root, inputs)).toBe(fingerprint(root, inputs));
});

it('changes when a file changes, appears or moves', () => {
  const before = fingerprint(root, inputs);
  writeFileSync(join(root, 'src/pages/a.astro'), 'b');
  const edited = fingerprint(root, inputs);
  writeFileSync(join(root, 'src/pages/new.astro'), '');
  const added = fingerprint(root, inputs);
  renameSync(join(root, 'src/pages/new.astro'), join(root, 'src/pages/moved.astro'));
  const moved = fingerprint(root, inputs);
  expect(new Set([before, edited, added, moved]).size).toBe(4);
});

it('ignores files outside the inputs and inputs that do not exist', () => {
  const before = fingerprint(root, [...inputs, 'missing']);
  writeFileSync(join(root, 'notes.md'), 'x');
  expect(fingerprint(root, inputs)).toBe(before);
});
