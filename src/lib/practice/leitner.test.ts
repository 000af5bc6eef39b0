import { describe, expect, it } from 'vitest';
import { BOXES, dueCount, pickSession, review } from './leitner';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T12:00:00Z');

describe('review', () => {
  it('moves a right answer one box up and puts it off by the box interval', () => {
    const first = review(undefined, true, now);
    expect(first).toEqual({ box: 2, due: now + DAY, seen: 1, missed: 0 });
    const second = review(first, true, now);
    expect(second).toEqual({ box: 3, due: now + 3 * DAY, seen: 2, missed: 0 });
  });

  it('never goes past the last box', () => {
    let card = review(undefined, true, now);
    for (let i = 0; i < 10; i++) card = review(card, true, now);
    expect(card.box).toBe(BOXES);
    expect(card.due).toBe(now + 16 * DAY);
  });

  it('sends a wrong answer back to box 1, due at once, and counts the miss', () => {
    const card = review({ box: 4, due: now, seen: 3, missed: 0 }, false, now);
    expect(card).toEqual({ box: 1, due: now, seen: 4, missed: 1 });
  });
});

describe('pickSession', () => {
  const cards = {
    known: { box: 3, due: now - DAY, seen: 2, missed: 0 },
    missed: { box: 1, due: now, seen: 3, missed: 2 },
    missedOnce: { box: 1, due: now - 1, seen: 1, missed: 1 },
    notDue: { box: 2, due: now + DAY, seen: 1, missed: 0 },
    notDueSooner: { box: 2, due: now + 1000, seen: 1, missed: 0 },
  };
  const ids = ['new1', 'known', 'notDue', 'missed', 'new2', 'notDueSooner', 'missedOnce'];

  it('asks missed questions first, then other due ones, then new ones, then the soonest due', () => {
    expect(pickSession(ids, cards, now, 10)).toEqual(['missed', 'missedOnce', 'known', 'new1', 'new2', 'notDueSooner', 'notDue']);
  });

  it('stops at the session size and ignores cards of questions not on offer', () => {
    expect(pickSession(['new1', 'notDue'], cards, now, 1)).toEqual(['new1']);
    expect(pickSession(['notDue', 'notDueSooner'], cards, now, 5)).toEqual(['notDueSooner', 'notDue']);
  });

  it('counts due and new questions', () => {
    expect(dueCount(ids, cards, now)).toBe(5);
  });
});
