import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { Router } from '../api/router';
import { ManualClock } from '../clock';

// [line, stdout, stderr, exit] recorded from the real Docker CLI 28.2.2 without a daemon: every answer
// the CLI gives on its own (flag, argument and command errors, versions) before it would call the API.
const cases = JSON.parse(readFileSync(new URL('./cli-errors.golden.json', import.meta.url), 'utf8')) as [string, string, string, number][];

describe('client-side answers match Docker CLI 28.2.2', () => {
  it.each(cases)('%s', (line, stdout, stderr, exit) => {
    // no handlers: a case that reached one would fail the comparison
    const r = dispatch(line, { api: new Router(), clock: new ManualClock(0), handlers: {} });
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr, exit });
  });
});
