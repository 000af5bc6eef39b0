import { describe, expect, it } from 'vitest';
import { BACKUP_KEY, LEGACY_V1_KEY, PROGRESS_KEY, emptyProgress, progressStore, type Progress, type ProgressStorage } from './progress';
import { exportProgress, importProgress, mergeProgress } from './progress-transfer';

function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
const stored = (s: { data: Map<string, string> }) => JSON.parse(s.data.get(PROGRESS_KEY)!) as Progress;
const at = new Date('2026-11-23T12:00:00Z');

describe('progressStore', () => {
  it('starts empty', () => {
    expect(progressStore(memoryStorage()).load()).toEqual({ progress: emptyProgress() });
  });

  it('records visits once each and remembers the last lesson', () => {
    const storage = memoryStorage();
    const store = progressStore(storage);
    store.recordVisit('a');
    store.recordVisit('b');
    store.recordVisit('a');
    expect(progressStore(storage).read()).toMatchObject({ visited: ['a', 'b'], last: 'a' });
  });

  it('records quiz attempts, keeps the best score and completes the lesson on a pass', () => {
    const storage = memoryStorage();
    const store = progressStore(storage);
    store.recordQuiz('q', 'lesson', 3, 6, at);
    expect(store.read()).toMatchObject({ quizzes: { q: { attempts: 1, best: 3, last: 3, total: 6 } }, completed: [] });
    store.recordQuiz('q', 'lesson', 5, 6, at);
    store.recordQuiz('q', 'lesson', 2, 6, at);
    expect(stored(storage)).toMatchObject({ quizzes: { q: { attempts: 3, best: 5, last: 2, total: 6 } }, completed: ['lesson'] });
  });

  it('records labs for the lab component', () => {
    const store = progressStore(memoryStorage());
    store.recordLab('first-container', 'why-containers', at);
    store.recordLab('first-container', 'why-containers', new Date('2027-01-01'));
    expect(store.read()).toMatchObject({ labs: { 'first-container': at.toISOString() }, completed: ['why-containers'] });
  });
});

describe('migrations', () => {
  it('moves a version 1 record to the current version and drops the old key', () => {
    const storage = memoryStorage({ [LEGACY_V1_KEY]: '{"visited":["a","b"],"last":"b"}' });
    expect(progressStore(storage).load()).toEqual({ progress: { ...emptyProgress(), visited: ['a', 'b'], last: 'b' } });
    expect(storage.data.has(LEGACY_V1_KEY)).toBe(false);
    expect(stored(storage)).toMatchObject({ version: 2, visited: ['a', 'b'], last: 'b' });
  });

  it('migrates an imported version 1 record too', () => {
    const store = progressStore(memoryStorage());
    const file = JSON.stringify({ app: 'dockhand', progress: { version: 1, visited: ['x'], last: 'x' } });
    expect(importProgress(store, file)).toMatchObject({ saved: true, progress: { visited: ['x'], last: 'x' } });
  });
});

describe('damaged and foreign data', () => {
  it.each([
    ['{not json', 'it is not valid JSON'],
    ['[1,2,3]', 'it is not a Dockhand progress record'],
    ['{"version":"two"}', 'it is not a Dockhand progress record'],
    ['{"version":9,"visited":[]}', 'it was saved by a newer version of Dockhand'],
  ])('sets %s aside with a notice and starts afresh', (raw, reason) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const { progress, notice } = progressStore(storage).load();
    expect(progress).toEqual(emptyProgress());
    expect(notice).toContain(reason);
    expect(notice).toContain(BACKUP_KEY);
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    // the notice stays until dismissed (the page that recovered may not show it); the data is not set aside twice
    const again = progressStore(storage);
    expect(again.load()).toEqual({ progress: emptyProgress(), notice });
    again.dismissNotice();
    expect(again.load()).toEqual({ progress: emptyProgress() });
  });

  it('drops only the damaged entries and says which', () => {
    const raw = JSON.stringify({
      version: 2,
      visited: ['a', 7, 'b'],
      completed: ['a'],
      last: 'b',
      quizzes: { good: { attempts: 1, best: 2, last: 2, total: 3, at: 'x' }, bad: { attempts: -1 } },
      labs: 'nope',
      cards: { c1: { box: 2, due: 5, seen: 1, missed: 0 }, c2: { box: 0, due: 5, seen: 1, missed: 0 } },
    });
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const { progress, notice } = progressStore(storage).load();
    expect(progress).toEqual({
      ...emptyProgress(),
      visited: ['a', 'b'],
      completed: ['a'],
      last: 'b',
      quizzes: { good: { attempts: 1, best: 2, last: 2, total: 3, at: 'x' } },
      cards: { c1: { box: 2, due: 5, seen: 1, missed: 0 } },
    });
    expect(notice).toBe('Some saved progress was damaged and has been left out (1 of visited, quizzes.bad, labs, cards.c2); everything else is kept.');
    expect(stored(storage)).toEqual(progress);
  });

  it('reports a full storage instead of failing', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const result = progressStore(full).recordQuiz('q', 'l', 1, 1, at);
    expect(result).toMatchObject({ saved: false, progress: { quizzes: { q: { best: 1 } } } });
    expect(result.saved === false && result.notice).toMatch(/storage is full/);
  });

  it('survives storage that throws on every call, and no storage at all', () => {
    const throwing: ProgressStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(progressStore(throwing).recordVisit('a')).toMatchObject({ visited: ['a'], last: 'a' });
    expect(progressStore(undefined).recordQuiz('q', 'l', 1, 2)).toMatchObject({ saved: false, notice: expect.stringMatching(/does not let/) });
  });
});

describe('export and import', () => {
  const mine: Progress = {
    ...emptyProgress(),
    visited: ['a', 'b'],
    completed: ['a'],
    last: 'b',
    quizzes: { qa: { attempts: 2, best: 4, last: 4, total: 6, at: '2026-11-20T00:00:00.000Z' } },
    labs: { lab1: '2026-11-20T00:00:00.000Z' },
    cards: { c1: { box: 3, due: 100, seen: 2, missed: 0 } },
  };
  const theirs: Progress = {
    ...emptyProgress(),
    visited: ['c', 'a'],
    completed: ['c'],
    last: 'c',
    quizzes: {
      qa: { attempts: 3, best: 5, last: 1, total: 6, at: '2026-11-22T00:00:00.000Z' },
      qc: { attempts: 1, best: 6, last: 6, total: 6, at: '2026-11-22T00:00:00.000Z' },
    },
    labs: { lab1: '2026-11-19T00:00:00.000Z', lab2: '2026-11-22T00:00:00.000Z' },
    cards: { c1: { box: 1, due: 50, seen: 5, missed: 3 }, c2: { box: 2, due: 70, seen: 1, missed: 0 } },
  };

  it('merges instead of overwriting', () => {
    expect(mergeProgress(mine, theirs)).toEqual({
      ...emptyProgress(),
      visited: ['a', 'b', 'c'],
      completed: ['a', 'c'],
      last: 'b',
      quizzes: {
        qa: { attempts: 3, best: 5, last: 1, total: 6, at: '2026-11-22T00:00:00.000Z' },
        qc: { attempts: 1, best: 6, last: 6, total: 6, at: '2026-11-22T00:00:00.000Z' },
      },
      labs: { lab1: '2026-11-19T00:00:00.000Z', lab2: '2026-11-22T00:00:00.000Z' },
      cards: { c1: { box: 1, due: 50, seen: 5, missed: 3 }, c2: { box: 2, due: 70, seen: 1, missed: 0 } },
    });
  });

  it('is idempotent: importing the same file twice changes nothing more', () => {
    const once = mergeProgress(mine, theirs);
    expect(mergeProgress(once, theirs)).toEqual(once);
    expect(mergeProgress(mine, mine)).toEqual(mine);
  });

  it('round-trips through an exported file into another browser', () => {
    const source = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(theirs) });
    const file = exportProgress(progressStore(source).read(), at);
    expect(JSON.parse(file)).toMatchObject({ app: 'dockhand', exportedAt: at.toISOString() });
    const target = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(mine) });
    const result = importProgress(progressStore(target), file);
    expect(result).toMatchObject({ saved: true, summary: 'Imported 2 lessons read, 2 quiz results and 2 practice cards, merged with what was here.' });
    expect(stored(target)).toEqual(mergeProgress(mine, theirs));
  });

  it('refuses files that are not exports, and keeps what is stored', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(mine) });
    const store = progressStore(storage);
    expect(importProgress(store, 'hello')).toMatchObject({ saved: false, notice: expect.stringMatching(/not valid JSON/) });
    expect(importProgress(store, '{"visited":["x"]}')).toMatchObject({ saved: false, notice: 'That file is not a Dockhand progress export.' });
    expect(importProgress(store, '{"app":"dockhand","progress":{"version":7}}')).toMatchObject({ saved: false, notice: expect.stringMatching(/newer version/) });
    expect(stored(storage)).toEqual(mine);
  });
});
