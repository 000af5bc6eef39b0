// share links, success checks, lifecycle transitions and trace notes
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { OUTSIDE, transitions } from './lifecycle';
import { goalReached, type Scenario } from './scenario';
import { decodeShare, encodeShare, MAX_SHARED_COMMANDS } from './share';
import { traceNote } from './trace-notes';
import { readEngineData, toViewModel } from './view-model';

describe('share links', () => {
  it('round-trips commands with quotes, pipes and non-ASCII through the fragment', () => {
    const cmds = [`docker run -d --name 'a b' busybox sh -c "echo ü | cat"`, 'docker ps -a --format {{.Names}}'];
    const hash = encodeShare(cmds);
    expect(hash).toMatch(/^#run=/);
    expect(decodeShare(hash)).toEqual(cmds);
  });
  it('returns undefined without commands and caps long sessions', () => {
    expect(decodeShare('')).toBeUndefined();
    expect(decodeShare('#other=1')).toBeUndefined();
    const many = Array.from({ length: MAX_SHARED_COMMANDS + 10 }, (_, i) => `docker ps ${i}`);
    expect(decodeShare(encodeShare(many))).toEqual(many.slice(10));
  });
});

const vmOf = (lines: string[]) => {
  const e = createEngine({ images: ['busybox:latest'] });
  lines.forEach((l) => e.exec(l));
  return { e, vm: () => toViewModel(readEngineData((p, q) => e.read(p, q))) };
};

describe('goalReached', () => {
  const s: Scenario = { id: 'x', title: 'x', goal: 'x', images: [], setup: [], suggested: [], files: {},
    success: [{ container: 'web', state: 'paused' }, { image: 'busybox' }, { output: '^web$' }] };
  it('holds only when every condition does', () => {
    const { e, vm } = vmOf(['docker run -d --name web busybox sleep 100']);
    expect(goalReached(s, vm(), 'web\n')).toBe(false);
    e.exec('docker pause web');
    expect(goalReached(s, vm(), 'web\n')).toBe(true);
    expect(goalReached(s, vm(), 'nope\n')).toBe(false);
    expect(goalReached({ ...s, success: [{ absent: 'web' }] }, vm(), '')).toBe(false);
    expect(goalReached({ ...s, success: [] }, vm(), '')).toBe(false);
  });
});

describe('transitions', () => {
  it('names the diagram edge each command moved a container along', () => {
    const { e, vm } = vmOf([]);
    let before = vm();
    const step = (line: string) => {
      e.exec(line);
      const after = vm();
      const t = transitions(before, after);
      before = after;
      return t.map((x) => `${x.container}:${x.from}>${x.to}`);
    };
    expect(step('docker create --name web busybox sleep 100')).toEqual([`web:${OUTSIDE}>created`]);
    expect(step('docker start web')).toEqual(['web:created>running']);
    expect(step('docker pause web')).toEqual(['web:running>paused']);
    expect(step('docker ps')).toEqual([]);
    expect(step('docker run -d --name db busybox sleep 100')).toEqual(['db:created>running']);
    expect(step('docker rm -f web')).toEqual([`web:removing>${OUTSIDE}`]);
  });
});

describe('traceNote', () => {
  it('explains each call of a command', () => {
    const e = createEngine({ images: ['busybox:latest'] });
    const notes = e.exec('docker run -d --name web busybox sleep 9').trace.map(traceNote);
    expect(notes).toEqual(['create a container from an image (its writable layer and settings)', 'start the container’s main process']);
    expect(traceNote({ method: 'DELETE', url: '/containers/web?force=1' })).toMatch(/remove the container/);
    expect(traceNote({ method: 'PUT', url: '/nothing' })).toBe('an Engine API call');
  });
});
