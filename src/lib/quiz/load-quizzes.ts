// The course's quizzes as pages see them, with the checks across files (unique question ids, real
// lessons and sections) applied at build time: a broken reference fails the build, naming it.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { courseQuizProblems } from './course-quizzes';

export type QuizCollectionEntry = CollectionEntry<'quizzes'>;

let cached: Promise<QuizCollectionEntry[]> | undefined;

async function loadAndCheck(): Promise<QuizCollectionEntry[]> {
  const [quizzes, lessons] = await Promise.all([getCollection('quizzes'), getCollection('lessons')]);
  const anchors = new Map(
    await Promise.all(lessons.map(async (lesson) => [lesson.id, (await render(lesson)).headings.map((h) => h.slug)] as const)),
  );
  const problems = courseQuizProblems(quizzes, anchors);
  if (problems.length > 0) throw new Error(`Quiz content problems:\n- ${problems.join('\n- ')}`);
  return quizzes;
}

export function loadQuizzes(): Promise<QuizCollectionEntry[]> {
  cached ??= loadAndCheck();
  return cached;
}
