import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { LabSession, loadSaved, storageKey, type KeyValueStore } from './session';
import type { Scenario } from './scenario';

const scenario: Scenario = {
  id: 'test-lab',
  title: 'Test',
  goal: 'Pause web',
  images: ['busybox:latest'],
  setup: ['docker run -d --name web busybox sleep 3600'],
  suggested: [],
  files: { 'app/notes.txt': 'first\n' },
  success: [{ container: 'web', state: 'paused' }],
};
const make = (images: string[]) => createEngine({ images });
const memoryStore = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const state = (s: LabSession, name: string) => s.viewModel().containers.find((c) => c.name === name)?.state;

describe('LabSession', () => {
  it('starts from the scenario: images present, setup run, nothing in the history', () => {
    const s = new LabSession(scenario, make);
    expect(state(s, 'web')).toBe('running');
    expect(s.history.list()).toEqual([]);
    expect(s.commands).toEqual([]);
  });
  it('undoes one command at a time from snapshots', () => {
    const s = new LabSession(scenario, make);
    s.run('docker pause web');
    s.run('docker run -d --name db busybox sleep 1');
    expect(s.undo()).toBe(true);
    expect(state(s, 'db')).toBeUndefined();
    expect(state(s, 'web')).toBe('paused');
    expect(s.undo()).toBe(true);
    expect(state(s, 'web')).toBe('running');
    expect(s.undo()).toBe(false);
    expect(s.history.list()).toEqual(['docker pause web', 'docker run -d --name db busybox sleep 1']);
  });
  it('resets to the scenario but keeps the shell history', () => {
    const s = new LabSession(scenario, make);
    s.run('docker rm -f web');
    s.reset();
    expect(state(s, 'web')).toBe('running');
    expect(s.commands).toEqual([]);
    expect(s.canUndo).toBe(false);
    expect(s.history.list()).toEqual(['docker rm -f web']);
  });
  it('survives a reload through the store, replaying the same IDs', () => {
    const store = memoryStore();
    const a = new LabSession(scenario, make, store);
    const id = a.run('docker create --name c1 busybox').stdout.trim();
    a.run('docker stop web');
    const b = new LabSession(scenario, make, store);
    expect(b.commands).toEqual(['docker create --name c1 busybox', 'docker stop web']);
    expect(b.viewModel().containers.find((c) => c.name === 'c1')?.id).toBe(id);
    expect(state(b, 'web')).toBe('exited');
    expect(b.history.up('')).toBe('docker stop web');
  });
  it('keeps two labs of one scenario apart by their lab ids', () => {
    const store = memoryStore();
    const first = new LabSession(scenario, make, store);
    const second = new LabSession(scenario, make, store, `${scenario.id}-2`);
    first.run('docker pause web');
    second.run('docker stop web');
    expect(loadSaved(store, scenario.id)?.commands).toEqual(['docker pause web']);
    expect(loadSaved(store, `${scenario.id}-2`)?.history).toEqual(['docker stop web']);
    expect(state(new LabSession(scenario, make, store), 'web')).toBe('paused');
    expect(state(new LabSession(scenario, make, store, `${scenario.id}-2`), 'web')).toBe('exited');
  });
  it('puts the scenario\'s files in the host folder; edits survive a reload, reset brings the originals back', () => {
    const store = memoryStore();
    const a = new LabSession(scenario, make, store);
    expect(a.readFile('app/notes.txt')).toBe('first\n');
    expect(a.run('cat app/notes.txt').stdout).toBe('first\n');
    a.writeFile('app/notes.txt', 'edited\n');
    a.run('docker pause web');
    const b = new LabSession(scenario, make, store);
    expect(b.run('cat app/notes.txt').stdout).toBe('edited\n');
    expect(state(b, 'web')).toBe('paused');
    b.reset();
    expect(b.readFile('app/notes.txt')).toBe('first\n');
    expect(new LabSession(scenario, make, store).readFile('app/notes.txt')).toBe('first\n');
    expect(b.readFile('missing.txt')).toBeUndefined();
  });
  it('ignores a damaged store entry', () => {
    const store = memoryStore();
    store.setItem(storageKey(scenario.id), '{not json');
    expect(loadSaved(store, scenario.id)).toBeUndefined();
    expect(state(new LabSession(scenario, make, store), 'web')).toBe('running');
  });
  it('replays shared commands, counting failures', () => {
    const s = new LabSession(scenario, make);
    expect(s.replay(['docker pause web', 'docker stop nope'])).toBe(1);
    expect(state(s, 'web')).toBe('paused');
    expect(s.commands).toHaveLength(2);
  });
});
