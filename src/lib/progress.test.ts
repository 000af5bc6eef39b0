import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, parseProgress, progressStore, type ProgressStorage } from './progress';

function memoryStorage(initial?: string): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(PROGRESS_KEY, initial);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('progressStore', () => {
  it('starts empty', () => {
    expect(progressStore(memoryStorage()).read()).toEqual({ visited: [] });
  });

  it('records visits once each and remembers the last lesson', () => {
    const storage = memoryStorage();
    const store = progressStore(storage);
    store.recordVisit('a');
    store.recordVisit('b');
    store.recordVisit('a');
    expect(store.read()).toEqual({ visited: ['a', 'b'], last: 'a' });
    expect(progressStore(storage).read()).toEqual({ visited: ['a', 'b'], last: 'a' });
  });

  it('treats corrupted data as no progress and overwrites it on the next visit', () => {
    const storage = memoryStorage('{not json');
    const store = progressStore(storage);
    expect(store.read()).toEqual({ visited: [] });
    store.recordVisit('a');
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!)).toEqual({ visited: ['a'], last: 'a' });
  });

  it('works without storage at all', () => {
    const store = progressStore(undefined);
    expect(store.recordVisit('a')).toEqual({ visited: ['a'], last: 'a' });
    expect(store.read()).toEqual({ visited: [] });
  });

  it('survives storage that throws on every call', () => {
    const throwing: ProgressStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = progressStore(throwing);
    expect(store.read()).toEqual({ visited: [] });
    expect(store.recordVisit('a')).toEqual({ visited: ['a'], last: 'a' });
  });
});

describe('parseProgress', () => {
  it.each([['null'], ['42'], ['"text"'], ['[]'], ['{"visited":"a"}']])('reads %s as empty', (raw) => {
    expect(parseProgress(raw)).toEqual({ visited: [] });
  });

  it('keeps only string lesson ids, without duplicates', () => {
    expect(parseProgress('{"visited":["a",1,null,"b","a"],"last":7}')).toEqual({ visited: ['a', 'b'] });
  });
});
