import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandHelp, rootHelp } from './help';
import { specFor } from './spec';

// test/golden/help: `docker … --help` recorded from Docker CLI 28.2.2 (80-column, non-TTY)
const dir = new URL('../../../test/golden/help/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('--help matches Docker CLI 28.2.2 byte for byte', () => {
  it('covers every golden file', () => expect(files.length).toBeGreaterThan(80));
  it.each(files)('%s', (file) => {
    const golden = readFileSync(new URL(file, dir), 'utf8');
    if (file === 'docker.txt') {
      expect(rootHelp()).toBe(golden);
      return;
    }
    const typed = file.replace(/\.txt$/, '').split('-');
    // "system-df" is ['system','df']; a top-level name never contains '-', subcommand names may ('join-token')
    const path = typed.length > 2 ? [typed[0]!, typed.slice(1).join('-')] : typed;
    const spec = specFor(path);
    expect(spec, `spec for ${path.join(' ')}`).toBeDefined();
    expect(commandHelp(spec!, path)).toBe(golden);
  });
});
