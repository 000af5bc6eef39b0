// Glossary entries grouped A to Z for the /glossary/ page. Pure, so it is tested without Astro.

export interface GlossaryItem {
  id: string;
  term: string;
  definition: string;
  lesson: string;
  section: string;
}

export interface LetterGroup<T> {
  /** 'A'…'Z', or '#' for terms that start with a digit or a symbol (`.dockerignore`) */
  initial: string;
  /** the group's heading id */
  anchor: string;
  items: T[];
}

/** the letter a term is filed under: `.dockerignore` under D, as readers look for it */
const initialOf = (term: string) => {
  const first = term.replace(/^[^A-Za-z0-9]+/, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
};

/** entries sorted by term (ignoring case and leading punctuation), grouped by initial */
export function byInitial<T extends Pick<GlossaryItem, 'term'>>(items: readonly T[]): LetterGroup<T>[] {
  const key = (t: T) => t.term.replace(/^[^A-Za-z0-9]+/, '');
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base' }));
  const groups: LetterGroup<T>[] = [];
  for (const item of sorted) {
    const initial = initialOf(item.term);
    const last = groups[groups.length - 1];
    if (last?.initial === initial) last.items.push(item);
    else groups.push({ initial, anchor: initial === '#' ? 'letter-other' : `letter-${initial.toLowerCase()}`, items: [item] });
  }
  return groups;
}
