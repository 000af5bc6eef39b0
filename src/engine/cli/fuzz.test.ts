// Robustness: whatever a learner types, the engine answers like docker (never throws, never hangs,
// plausible exit codes, an error message whenever it fails) and no handler crashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../create-engine';
import type { Engine } from '../engine';
import { ALL_SPECS } from './spec';

// 64: docker's status for inspect template errors; 130: a stream cut short headless (Ctrl-C)
const EXITS = new Set([0, 1, 2, 64, 125, 126, 127, 130]);
const IMAGES = ['busybox', 'busybox:latest', 'alpine', 'nginx', 'nosuch/image', 'x:y:z', 'BUSYBOX'];
const NAMES = ['web', 'db', 'web2', 'data', 'net1', 'bridge', 'nosuch', '', '-', '--'];
const VALUES = [
  '8080:80',
  '80',
  'A=b',
  'data:/data',
  '1',
  '0',
  '-1',
  'abc',
  '1.5',
  '512m',
  'always',
  'on-failure:3',
  '{{.Names}}',
  '{{json .}}',
  'table {{.ID}}',
  '{{',
  'status=running',
  'name=web',
  'label=a=b',
];
const COMMANDS = ['sh', '-c', 'echo hi', 'sleep', '3600', 'ls', '-l', 'cat', '/etc/hostname', 'exit 3', 'true', 'false', 'nosuchcmd'];

/** a docker command line built from the specs: a real path, its real flags, plausible operands */
const specLine = fc
  .record({
    spec: fc.constantFrom(...ALL_SPECS),
    alias: fc.nat(),
    flags: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...VALUES), fc.boolean()), { maxLength: 4 }),
    args: fc.array(fc.constantFrom(...IMAGES, ...NAMES, ...COMMANDS), { maxLength: 5 }),
  })
  .map(({ spec, alias, flags, args }) => {
    const paths = [spec.path, ...(spec.aliases ?? [])];
    const words = ['docker', ...paths[alias % paths.length]!];
    for (const [k, v, short] of flags) {
      const f = spec.flags[k % Math.max(1, spec.flags.length)];
      if (!f) continue;
      const name = short && f.short ? `-${f.short}` : `--${f.name}`;
      words.push(...(f.type === 'bool' ? [name] : [name, v]));
    }
    return [...words, ...args].map((w) => (/[\s"'$`\\|&;<>()#{}]/.test(w) || w === '' ? `'${w}'` : w)).join(' ');
  });

/** the same lines, damaged: cut, characters dropped or inserted, quotes left open */
const mutated = fc.tuple(specLine, fc.nat(), fc.string({ unit: 'grapheme', maxLength: 5 })).map(([line, at, junk]) => {
  const i = at % (line.length + 1);
  return line.slice(0, i) + junk + line.slice(i + (at % 3));
});

const anyLine = fc.oneof(
  { weight: 5, arbitrary: specLine },
  { weight: 3, arbitrary: mutated },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((s) => 'docker ' + s) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);

function check(engine: Engine, line: string): void {
  const r = engine.exec(line);
  expect(EXITS.has(r.exit), `exit ${r.exit} for ${JSON.stringify(line)}`).toBe(true);
  expect(r.stderr, `handler crashed on ${JSON.stringify(line)}`).not.toMatch(/internal error in the simulated engine/);
  if (r.exit !== 0 && r.exit !== 130) expect(r.stderr.length, `silent failure for ${JSON.stringify(line)}`).toBeGreaterThan(0);
}

describe('fuzz: random and mutated command lines', () => {
  it('never throws and always answers like docker', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 12 }), (lines) => {
        const engine = createEngine({ images: ['busybox:latest'] });
        for (const line of lines) check(engine, line);
      }),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  });

  it('copes with 100 KB lines, unicode and control characters', () => {
    const engine = createEngine({ images: ['busybox:latest'] });
    const big = 'x'.repeat(100_000);
    for (const line of [
      `docker run ${big}`,
      `docker ps --format '${'{{.ID}}'.repeat(15_000)}'`,
      `docker ${big}`,
      `docker volume create ${'é'.repeat(50_000)}`,
      `docker run busybox echo "${'日本語\u0000\u0007\u001b[31m'.repeat(10_000)}`,
      `docker ps --format "${'{{('.repeat(20_000)}"`,
      `docker ps ${'-a '.repeat(30_000)}`,
      '\u0000\u0001\u0002 docker\tps\r',
    ]) {
      check(engine, line);
    }
  });
});
