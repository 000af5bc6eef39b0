// Fidelity proof: replays every transcript recorded from a real Docker engine (test/golden/*.jsonl, see
// README.md) on a fresh simulated engine holding busybox:latest, and compares stdout, stderr and exit code
// of each command after the same normalisation on both sides (normalise.ts, compare.ts). One test per command.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { loadHelpTexts, loadTranscripts, replay, type Result } from './compare';

for (const { name, entries } of loadTranscripts(dirname(fileURLToPath(import.meta.url)))) {
  describe(name, () => {
    // Commands depend on the ones before them: one engine replays the whole transcript, once, in order.
    let results: Result[] | undefined;
    const result = (i: number): Result => (results ??= replay(createEngine({ images: ['busybox:latest'] }), entries))[i]!;

    entries.forEach((entry, i) => {
      const title = `${String(i + 1).padStart(3, '0')} ${entry.cmd}`;
      if (entry.skip) return it.skip(`${title} (${entry.skip})`);
      if (entry.pending) return it.skip(`${title} (pending: ${entry.pending})`);
      it(title, () => {
        const { expected, actual } = result(i);
        const { layout, ...got } = actual;
        const { layout: _, ...want } = expected;
        expect(got, entry.engine28 && `expected text is Engine 28's: ${entry.engine28}`).toEqual(want);
        expect(layout, 'table layout differs from docker tabwriter (cell width + 3, min 10; last cell unpadded)').toEqual([]);
      });
    });
  });
}

// help/<cmd>[-<sub>].txt: `docker <cmd> [<sub>] --help` recorded against an Engine-28 handshake (README)
describe('help texts', () => {
  const engine = createEngine({ images: ['busybox:latest'] });
  for (const { command, text } of loadHelpTexts(join(dirname(fileURLToPath(import.meta.url)), 'help'))) {
    it(`${command} --help`, () => {
      const { stdout, stderr, exit } = engine.exec(`${command} --help`);
      expect({ stdout, stderr, exit }).toEqual({ stdout: text, stderr: '', exit: 0 });
    });
  }
});
