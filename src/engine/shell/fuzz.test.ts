// Whatever a learner types, the shell answers like a shell: it never throws, and a run always ends
// (or settles into running for ever) with a status.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runShellCommand } from './run';
import { options } from './test/kit';

const PIECES = ['echo', 'ls', 'cat', 'x', '$X', '"', "'", '`', '$(', ')', '(', '{', '}', ';', '&&', '||', '|', '&', '>', '<', '2>&1', '<<E', '\n', ' ', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'while', 'case', 'esac', '$((', '1+', '${', ':-', '#', '*', '?', '[', ']', '\\', 'exit', 'f()', 'sleep 1', '$?', '!', '=', 'E'];

describe('shell robustness', () => {
  it('never throws, whatever the script', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join(''))), (script) => {
        const r = runShellCommand(['sh', '-c', script], options());
        expect(Number.isInteger(r.code)).toBe(true);
        expect(r.duration >= 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
