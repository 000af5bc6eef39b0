// The practice schedule: a Leitner system with five boxes. A right answer moves a question one box up
// and puts it off for longer; a wrong one sends it back to box 1, due at once. Sessions take what is due,
// lowest box (most often missed) first, then questions never seen, then whatever comes due soonest.
import type { CardRecord } from '../progress';

const DAY = 24 * 60 * 60 * 1000;
/** days until a question in box n (index n − 1) is due again */
export const BOX_INTERVAL_DAYS = [0, 1, 3, 7, 16] as const;
export const BOXES = BOX_INTERVAL_DAYS.length;

export function review(card: CardRecord | undefined, correct: boolean, now: number): CardRecord {
  const seen = (card?.seen ?? 0) + 1;
  const missed = (card?.missed ?? 0) + (correct ? 0 : 1);
  const box = correct ? Math.min(BOXES, (card?.box ?? 1) + 1) : 1;
  return { box, due: now + BOX_INTERVAL_DAYS[box - 1]! * DAY, seen, missed };
}

export const isDue = (card: CardRecord, now: number) => card.due <= now;

/** up to `size` question ids, in the order to ask them */
export function pickSession(ids: readonly string[], cards: Readonly<Record<string, CardRecord>>, now: number, size: number): string[] {
  const known = ids.filter((id) => cards[id]);
  const due = known
    .filter((id) => isDue(cards[id]!, now))
    .sort((a, b) => cards[a]!.box - cards[b]!.box || cards[b]!.missed - cards[a]!.missed || cards[a]!.due - cards[b]!.due);
  const fresh = ids.filter((id) => !cards[id]);
  const later = known.filter((id) => !isDue(cards[id]!, now)).sort((a, b) => cards[a]!.due - cards[b]!.due);
  return [...due, ...fresh, ...later].slice(0, size);
}

/** how many of `ids` are due now (new questions count as due) */
export const dueCount = (ids: readonly string[], cards: Readonly<Record<string, CardRecord>>, now: number) =>
  ids.filter((id) => !cards[id] || isDue(cards[id]!, now)).length;
