// The course as the pages see it: content collections put in reading order. Drafts show in `astro dev`
// only, so authors can preview them without publishing.
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCourse, type Course } from './course';

export type Lesson = CollectionEntry<'lessons'>;
export type Module = CollectionEntry<'modules'>;
export type SiteCourse = Course<Module, Lesson>;

export async function loadCourse(): Promise<SiteCourse> {
  const [modules, lessons] = await Promise.all([
    getCollection('modules'),
    getCollection('lessons', (lesson) => import.meta.env.DEV || !lesson.data.draft),
  ]);
  return buildCourse(modules, lessons);
}
