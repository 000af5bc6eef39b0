// Checks across quiz files, which a per-file schema cannot make: question ids unique in the whole course
// (practice and progress refer to them), every quiz tied to an existing lesson and every `section` an
// anchor of that lesson's headings.
import type { Quiz } from './schema';

export interface QuizEntry {
  id: string;
  data: Quiz;
}

/** lesson id → the anchors (slugs) of its headings */
export type LessonAnchors = ReadonlyMap<string, readonly string[]>;

export function courseQuizProblems(quizzes: readonly QuizEntry[], lessons: LessonAnchors): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const { id, data } of quizzes) {
    const anchors = lessons.get(data.lesson);
    if (!anchors) problems.push(`quiz "${id}" names lesson "${data.lesson}", which does not exist`);
    for (const q of data.questions) {
      const other = owner.get(q.id);
      if (other !== undefined) problems.push(`question id "${q.id}" is used in quiz "${other}" and quiz "${id}"`);
      owner.set(q.id, id);
      if (anchors && !anchors.includes(q.section)) {
        problems.push(`${q.id}: section "${q.section}" is not a heading of lesson "${data.lesson}" (${anchors.join(', ')})`);
      }
    }
  }
  return problems;
}
