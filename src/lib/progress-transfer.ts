// Moving progress between browsers: an exported file carries the record; importing merges it into what is
// stored (never overwrites), so importing the same file twice changes nothing. Loaded only when the
// learner exports or imports, to keep every page's JavaScript small.
import { emptyProgress, isObject, parseProgress, type CardRecord, type Progress, type ProgressStore, type QuizRecord } from './progress';

/** the union of two records, so importing the same file twice changes nothing */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  const quizzes: Record<string, QuizRecord> = { ...b.quizzes };
  for (const [id, mine] of Object.entries(a.quizzes)) {
    const theirs = quizzes[id];
    if (!theirs) quizzes[id] = mine;
    else {
      const newer = theirs.at > mine.at ? theirs : mine;
      const best = mine.best / mine.total >= theirs.best / theirs.total ? mine : theirs;
      quizzes[id] = { attempts: Math.max(mine.attempts, theirs.attempts), best: best.best, total: best.total, last: newer.last, at: newer.at };
    }
  }
  const labs: Record<string, string> = { ...b.labs };
  for (const [id, at] of Object.entries(a.labs)) labs[id] = labs[id] && labs[id] < at ? labs[id] : at;
  const cards: Record<string, CardRecord> = { ...b.cards };
  for (const [id, mine] of Object.entries(a.cards)) {
    const theirs = cards[id];
    // the card that was practised more carries more history; on a tie, the later schedule
    if (!theirs || mine.seen > theirs.seen || (mine.seen === theirs.seen && mine.due >= theirs.due)) cards[id] = mine;
  }
  const merged: Progress = { ...emptyProgress(), visited: union(a.visited, b.visited), completed: union(a.completed, b.completed), quizzes, labs, cards };
  const last = a.last ?? b.last;
  if (last) merged.last = last;
  return merged;
}

/** the file a learner downloads: the record plus what it is, so an import can tell it from anything else */
export function exportProgress(progress: Progress, now = new Date()): string {
  return JSON.stringify({ app: 'dockhand', exportedAt: now.toISOString(), progress }, null, 2);
}

export type ImportResult = { progress: Progress } & ({ saved: true; summary: string } | { saved: false; notice: string });

/** merges an exported file into what `store` holds */
export function importProgress(store: ProgressStore, text: string): ImportResult {
  const refuse = (notice: string): ImportResult => ({ progress: store.read(), saved: false, notice });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('That file is not a Dockhand progress export (it is not valid JSON).');
  }
  if (!isObject(data) || data.app !== 'dockhand' || !('progress' in data)) return refuse('That file is not a Dockhand progress export.');
  const parsed = parseProgress(JSON.stringify(data.progress));
  if (!parsed.ok) return refuse(`That file could not be imported: ${parsed.reason}.`);
  const incoming = parsed.progress;
  const result = store.update((p) => Object.assign(p, mergeProgress(p, incoming)));
  if (!result.saved) return result;
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const summary = `Imported ${n(incoming.visited.length, 'lesson')} read, ${n(Object.keys(incoming.quizzes).length, 'quiz result')} and ${n(Object.keys(incoming.cards).length, 'practice card')}, merged with what was here.`;
  return { progress: result.progress, saved: true, summary };
}
