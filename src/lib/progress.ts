// What the learner has read, kept only in their browser (localStorage). The key carries a version so a
// later shape (quiz scores, finished labs) can move to a new key and migrate from this one. Storage may be
// missing (private mode, blocked cookies), full, or hold anything at all: every failure reads as "no
// progress yet" and never breaks the page.

export const PROGRESS_KEY = 'dockhand:progress:v1';

export interface Progress {
  /** ids of lessons the learner has opened, first visit first */
  visited: string[];
  /** the lesson opened most recently: "continue where you left off" */
  last?: string;
}

/** the part of the Web Storage API the store needs; tests pass a fake */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function parseProgress(raw: string | null): Progress {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? 'null');
  } catch {
    return { visited: [] };
  }
  if (typeof data !== 'object' || data === null) return { visited: [] };
  const { visited, last } = data as Record<string, unknown>;
  const progress: Progress = {
    visited: Array.isArray(visited) ? [...new Set(visited.filter((v): v is string => typeof v === 'string'))] : [],
  };
  if (typeof last === 'string') progress.last = last;
  return progress;
}

export interface ProgressStore {
  read(): Progress;
  recordVisit(lessonId: string): Progress;
}

export function progressStore(storage: ProgressStorage | undefined): ProgressStore {
  const read = (): Progress => {
    try {
      return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
    } catch {
      return { visited: [] };
    }
  };
  return {
    read,
    recordVisit(lessonId) {
      const before = read();
      const visited = before.visited.includes(lessonId) ? before.visited : [...before.visited, lessonId];
      const after: Progress = { visited, last: lessonId };
      try {
        storage?.setItem(PROGRESS_KEY, JSON.stringify(after));
      } catch {
        // full or blocked storage: the page still works, it just will not remember this visit
      }
      return after;
    },
  };
}

/** `window.localStorage` throws (not just returns null) when the browser blocks storage */
export function browserStorage(): ProgressStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
