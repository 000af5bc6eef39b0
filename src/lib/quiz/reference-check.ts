// The build-time proof that command questions are answerable: each question's own answer must satisfy its
// expectation in the simulated engine, and its scenario must set up without errors.
import { gradeCommand } from './grade-command';
import type { Question } from './schema';

export function referenceProblems(q: Question): string[] {
  if (q.kind !== 'command') return [];
  try {
    const grade = gradeCommand(q, q.answer);
    return grade.correct ? [] : [`${q.id}: the answer \`${q.answer}\` does not pass: ${grade.hints.join(' ')}`];
  } catch (error) {
    return [(error as Error).message];
  }
}
