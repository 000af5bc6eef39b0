// Grading of the questions that need no engine: choices compare as sets, orderings as sequences.
// Kept free of imports so the quiz island stays small.

export type ChoiceKind = 'single' | 'truefalse' | 'multiple' | 'ordering';

export function gradeChoice(kind: ChoiceKind, answer: readonly string[], given: readonly string[]): boolean {
  if (kind === 'ordering') return answer.length === given.length && answer.every((id, i) => given[i] === id);
  const chosen = new Set(given);
  return chosen.size === answer.length && answer.every((id) => chosen.has(id));
}

/** the answer key as a list, whatever the kind */
export const answerIds = (answer: string | readonly string[]): string[] => (typeof answer === 'string' ? [answer] : [...answer]);
