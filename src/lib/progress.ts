// What the learner has done, kept only in their browser (localStorage): lessons visited and completed,
// quiz attempts and best scores, finished labs and the practice schedule. One record under one key,
// carrying its schema version; older versions are migrated forward when read. Storage may be missing
// (private mode, blocked cookies), full, or hold anything at all: damaged entries are dropped one by one
// (the rest is kept), unreadable or foreign data is set aside under a backup key, and the learner is told.
// Nothing here ever throws at the page.

export const PROGRESS_KEY = 'dockhand:progress';
/** where version 1 lived (it carried its version in the key) */
export const LEGACY_V1_KEY = 'dockhand:progress:v1';
/** unreadable or foreign data found under PROGRESS_KEY is moved here rather than thrown away */
export const BACKUP_KEY = 'dockhand:progress:backup';
/** what recovery found, kept until the learner dismisses it: the page that recovers may not show notices */
export const NOTICE_KEY = 'dockhand:progress:notice';
export const PROGRESS_VERSION = 2;
/** share of a quiz's questions answered right that completes its lesson */
export const PASS_RATIO = 0.7;

export interface QuizRecord {
  attempts: number;
  best: number;
  last: number;
  total: number;
  /** ISO time of the last attempt */
  at: string;
}

/** a practice question's place in the Leitner schedule (see practice/leitner.ts) */
export interface CardRecord {
  box: number;
  /** epoch ms when it is next due */
  due: number;
  seen: number;
  missed: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** ids of lessons the learner has opened, first visit first */
  visited: string[];
  /** ids of lessons whose quiz was passed (or that a lab finished) */
  completed: string[];
  /** the lesson opened most recently: "continue where you left off" */
  last?: string;
  quizzes: Record<string, QuizRecord>;
  /** lab id → ISO time it was first completed */
  labs: Record<string, string>;
  /** question id → schedule */
  cards: Record<string, CardRecord>;
}

/** the part of the Web Storage API the store needs; tests pass a fake */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, visited: [], completed: [], quizzes: {}, labs: {}, cards: {} });

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * migrations[n] turns a version-n record into version n+1. Version 1 was `{ visited, last }` without a
 * version field.
 */
const migrations: Record<number, (old: Json) => Json> = {
  1: (old) => ({ version: 2, visited: old.visited, last: old.last, completed: [], quizzes: {}, labs: {}, cards: {} }),
};

/** what reading found: the progress, and a sentence for the learner while something set aside is unacknowledged */
export interface Loaded {
  progress: Progress;
  notice?: string;
}

const validQuiz = (v: unknown): v is QuizRecord =>
  isObject(v) && isCount(v.attempts) && isCount(v.best) && isCount(v.last) && isCount(v.total) && v.best <= v.total && typeof v.at === 'string';
const validCard = (v: unknown): v is CardRecord =>
  isObject(v) && isCount(v.box) && v.box >= 1 && typeof v.due === 'number' && Number.isFinite(v.due) && isCount(v.seen) && isCount(v.missed);

/** keeps every well-formed entry of a current-version record; names what it dropped */
function sanitize(data: Json): { progress: Progress; dropped: string[] } {
  const dropped: string[] = [];
  const ids = (field: 'visited' | 'completed') => {
    const value = data[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return dropped.push(field), [];
    const good = value.filter((v): v is string => typeof v === 'string');
    if (good.length !== value.length) dropped.push(`${value.length - good.length} of ${field}`);
    return [...new Set(good)];
  };
  const entries = <T>(field: string, valid: (v: unknown) => v is T): Record<string, T> => {
    const value = data[field];
    if (value === undefined) return {};
    if (!isObject(value)) return dropped.push(field), {};
    const out: Record<string, T> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (valid(entry)) out[key] = entry;
      else dropped.push(`${field}.${key}`);
    }
    return out;
  };
  const progress: Progress = {
    ...emptyProgress(),
    visited: ids('visited'),
    completed: ids('completed'),
    quizzes: entries('quizzes', validQuiz),
    labs: entries('labs', (v): v is string => typeof v === 'string'),
    cards: entries('cards', validCard),
  };
  if (typeof data.last === 'string') progress.last = data.last;
  else if (data.last !== undefined) dropped.push('last');
  return { progress, dropped };
}

type Parsed = { ok: true; progress: Progress; dropped: string[] } | { ok: false; reason: string };

/** parses a stored or imported record of any known version */
export function parseProgress(raw: string, assumedVersion = PROGRESS_VERSION): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (!isObject(data)) return { ok: false, reason: 'it is not a Dockhand progress record' };
  let version = data.version ?? assumedVersion;
  if (!isCount(version) || version < 1) return { ok: false, reason: 'it is not a Dockhand progress record' };
  if (version > PROGRESS_VERSION) return { ok: false, reason: 'it was saved by a newer version of Dockhand' };
  let record: Json = data;
  for (; version < PROGRESS_VERSION; version++) record = migrations[version]!(record);
  return { ok: true, ...sanitize(record) };
}

export type SaveResult = { saved: true } | { saved: false; notice: string };

export interface ProgressStore {
  load(): Loaded;
  /** the learner has read the notice */
  dismissNotice(): void;
  /** the progress alone (a damaged record reads as what could be kept) */
  read(): Progress;
  /** applies a change and saves it; the new progress is returned even when saving failed */
  update(change: (p: Progress) => void): { progress: Progress } & SaveResult;
  recordVisit(lessonId: string): Progress;
  recordQuiz(quizId: string, lessonId: string, score: number, total: number, now?: Date): { progress: Progress } & SaveResult;
  /** for labs: marks the lab (and, if given, its lesson) complete */
  recordLab(labId: string, lessonId?: string, now?: Date): { progress: Progress } & SaveResult;
}

const notSaved = (error: unknown): string =>
  error instanceof DOMException && ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'].includes(error.name)
    ? "Your browser's storage is full, so this was not saved. Free some space (or export your progress) and try again."
    : 'Your browser does not let this site store data, so progress is not saved between visits.';

export function progressStore(storage: ProgressStorage | undefined): ProgressStore {
  const get = (key: string): string | null => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const save = (progress: Progress): SaveResult => {
    if (!storage) return { saved: false, notice: notSaved(undefined) };
    try {
      storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
      return { saved: true };
    } catch (error) {
      return { saved: false, notice: notSaved(error) };
    }
  };
  const setAside = (raw: string): boolean => {
    try {
      storage?.setItem(BACKUP_KEY, raw);
      return true;
    } catch {
      return false;
    }
  };

  const remember = (notice: string) => {
    try {
      storage?.setItem(NOTICE_KEY, notice);
    } catch {
      // the notice then shows only on this page view
    }
    return notice;
  };
  const withNotice = (progress: Progress, fresh?: string): Loaded => {
    const notice = fresh ?? get(NOTICE_KEY) ?? undefined;
    return notice ? { progress, notice } : { progress };
  };

  const load = (): Loaded => {
    const current = get(PROGRESS_KEY);
    if (current === null) {
      const legacy = get(LEGACY_V1_KEY);
      if (legacy === null) return withNotice(emptyProgress());
      const parsed = parseProgress(legacy, 1);
      if (!parsed.ok) return withNotice(emptyProgress()); // a broken v1 record held only visit marks
      if (save(parsed.progress).saved) {
        try {
          storage?.removeItem(LEGACY_V1_KEY);
        } catch {
          // keeping the old key does no harm: the new one is read first
        }
      }
      return withNotice(parsed.progress);
    }
    const parsed = parseProgress(current);
    if (!parsed.ok) {
      const kept = setAside(current) ? ` A copy was kept in this browser under "${BACKUP_KEY}".` : '';
      save(emptyProgress());
      return withNotice(emptyProgress(), remember(`Your saved progress could not be read (${parsed.reason}), so it starts afresh.${kept}`));
    }
    if (parsed.dropped.length > 0) {
      save(parsed.progress);
      return withNotice(
        parsed.progress,
        remember(`Some saved progress was damaged and has been left out (${parsed.dropped.join(', ')}); everything else is kept.`),
      );
    }
    return withNotice(parsed.progress);
  };

  const update = (change: (p: Progress) => void) => {
    const progress = load().progress;
    change(progress);
    return { progress, ...save(progress) };
  };

  return {
    load,
    dismissNotice() {
      try {
        storage?.removeItem(NOTICE_KEY);
      } catch {
        // nothing stored, nothing to forget
      }
    },
    read: () => load().progress,
    update,
    recordVisit(lessonId) {
      return update((p) => {
        if (!p.visited.includes(lessonId)) p.visited.push(lessonId);
        p.last = lessonId;
      }).progress;
    },
    recordQuiz(quizId, lessonId, score, total, now = new Date()) {
      return update((p) => {
        const before = p.quizzes[quizId];
        const best = before && before.total === total ? Math.max(before.best, score) : score;
        p.quizzes[quizId] = { attempts: (before?.attempts ?? 0) + 1, best, last: score, total, at: now.toISOString() };
        if (score >= total * PASS_RATIO && !p.completed.includes(lessonId)) p.completed.push(lessonId);
      });
    },
    recordLab(labId, lessonId, now = new Date()) {
      return update((p) => {
        p.labs[labId] ??= now.toISOString();
        if (lessonId && !p.completed.includes(lessonId)) p.completed.push(lessonId);
      });
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
