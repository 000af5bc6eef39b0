// Replays a golden transcript on an engine and compares every entry (used by golden.test.ts and report.ts).
//
// IDs and pool IPs are compared by identity, not by value: the n-th new ID of the real transcript must be
// matched by a new ID of the simulator in the same place, and an ID seen before must come back as the
// same one. Pairs found in an entry are committed only when that entry matches, so one wrong or extra ID
// does not renumber (and fail) everything after it.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Engine } from '../../src/engine/engine';
import { type Canonical, canonical, identities, type Names, type Output } from './normalise';

export interface Entry extends Output {
  cmd: string;
  /** the 20.10 output was rewritten to Engine 28's (reason + reference section) */
  engine28?: string;
  /** cannot be matched by an Engine-28 simulator (reason) */
  skip?: string;
  /** needs a part of the simulator that a later issue builds (reason): replayed, reported as pending, not compared */
  pending?: string;
  /** seconds the recording waited before this command (`#sleep`); the replay advances the engine's clock */
  sleptBefore?: number;
}

export interface Transcript {
  name: string;
  entries: Entry[];
}

export interface Result {
  entry: Entry;
  expected: Canonical;
  actual: Canonical;
  /** the simulator's raw answer */
  raw: Output;
  pass: boolean;
}

export function loadTranscripts(dir: string): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const [, ...entries] = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Entry);
      return { name: basename(f, '.jsonl'), entries };
    });
}

/** help/image-ls.txt holds the stdout of `docker image ls --help`; help/docker.txt that of `docker --help`. */
export function loadHelpTexts(dir: string): { command: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = basename(f, '.txt');
      return { command: name === 'docker' ? 'docker' : `docker ${name.replace(/-/g, ' ')}`, text: readFileSync(join(dir, f), 'utf8') };
    });
}

/** One bijection between values seen on the expected side and on the actual side. */
class Pairing {
  private expected = new Map<string, number>();
  private actual = new Map<string, number>();
  private next = 1;

  /** Pairs the values of one entry by position; returns names for both sides and a commit function. */
  pair(exp: string[], act: string[]): { expected: (v: string) => number; actual: (v: string) => number; commit: () => void } {
    const e = new Map(this.expected);
    const a = new Map(this.actual);
    let next = this.next;
    for (let k = 0; k < Math.max(exp.length, act.length); k++) {
      const x = exp[k];
      const y = act[k];
      const newX = x !== undefined && !e.has(x);
      const newY = y !== undefined && !a.has(y);
      if (newX && newY) {
        e.set(x, next);
        a.set(y, next++);
      } else {
        if (newX) e.set(x, next++);
        if (newY) a.set(y, next++);
      }
    }
    // values past both lists (none) keep fresh numbers; lookups never miss
    const lookup = (m: Map<string, number>) => (v: string) => m.get(v) ?? 0;
    return {
      expected: lookup(e),
      actual: lookup(a),
      commit: () => {
        this.expected = e;
        this.actual = a;
        this.next = next;
      },
    };
  }
}

function safeExec(engine: Engine, cmd: string): Output {
  try {
    const { stdout, stderr, exit } = engine.exec(cmd);
    return { stdout, stderr, exit };
  } catch (err) {
    // Engine.exec must never throw; keep replaying so that one crash fails one entry, not all
    return { stdout: '', stderr: `engine threw: ${err instanceof Error ? err.stack : String(err)}`, exit: -1 };
  }
}

export function same(expected: Canonical, actual: Canonical): boolean {
  return (
    expected.stdout === actual.stdout &&
    expected.stderr === actual.stderr &&
    expected.exit === actual.exit &&
    actual.layout.length === 0
  );
}

/** Runs every entry in order on the engine (skipped ones too: later commands may depend on them). */
export function replay(engine: Engine, entries: Entry[]): Result[] {
  const ids = new Pairing();
  const ips = new Pairing();
  return entries.map((entry) => {
    if (entry.sleptBefore) engine.clock.advance(entry.sleptBefore * 1000);
    const raw = safeExec(engine, entry.cmd);
    const want = identities(entry.stdout + entry.stderr);
    const got = identities(raw.stdout + raw.stderr);
    const idPairs = ids.pair(want.ids, got.ids);
    const ipPairs = ips.pair(want.ips, got.ips);
    const names = (side: 'expected' | 'actual'): Names => ({ id: idPairs[side], ip: ipPairs[side] });
    const expected = canonical(entry.cmd, entry, names('expected'));
    const actual = canonical(entry.cmd, raw, names('actual'));
    const pass = same(expected, actual);
    // a skipped entry's output is machine-specific: learn nothing from it
    if (pass && !entry.skip && !entry.pending) {
      idPairs.commit();
      ipPairs.commit();
    }
    return { entry, expected, actual, raw, pass };
  });
}
