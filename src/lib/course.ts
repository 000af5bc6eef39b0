// The course's reading order, derived from the content collections: modules by `order`, lessons by
// `order` inside their module. Pure functions over plain data so they can be unit-tested without Astro.

export interface ModuleLike {
  id: string;
  data: { title: string; description: string; order: number };
}

export interface LessonLike {
  id: string;
  data: { module: { id: string }; order: number };
}

export interface CourseModule<M extends ModuleLike, L extends LessonLike> {
  module: M;
  lessons: L[];
}

export interface Course<M extends ModuleLike, L extends LessonLike> {
  /** modules that have at least one lesson, in order */
  modules: CourseModule<M, L>[];
  /** every lesson in reading order */
  lessons: L[];
}

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;

export function buildCourse<M extends ModuleLike, L extends LessonLike>(modules: M[], lessons: L[]): Course<M, L> {
  const known = new Set(modules.map((m) => m.id));
  for (const lesson of lessons) {
    if (!known.has(lesson.data.module.id)) {
      throw new Error(`Lesson "${lesson.id}" names module "${lesson.data.module.id}", which is not in content/modules.yaml`);
    }
  }
  const courseModules = [...modules].sort(byOrder).map((module) => {
    const own = lessons.filter((l) => l.data.module.id === module.id).sort(byOrder);
    for (let i = 1; i < own.length; i++) {
      const [a, b] = [own[i - 1]!, own[i]!];
      if (a.data.order === b.data.order) {
        throw new Error(`Lessons "${a.id}" and "${b.id}" both have order ${a.data.order} in module "${module.id}"`);
      }
    }
    return { module, lessons: own };
  });
  const nonEmpty = courseModules.filter((m) => m.lessons.length > 0);
  return { modules: nonEmpty, lessons: nonEmpty.flatMap((m) => m.lessons) };
}

export interface LessonPosition<L> {
  previous?: L;
  next?: L;
  /** 1-based place in the whole course */
  number: number;
  total: number;
}

export function positionOf<L extends LessonLike>(course: Course<ModuleLike, L>, id: string): LessonPosition<L> {
  const index = course.lessons.findIndex((l) => l.id === id);
  if (index < 0) throw new Error(`No lesson "${id}" in the course`);
  return {
    previous: course.lessons[index - 1],
    next: course.lessons[index + 1],
    number: index + 1,
    total: course.lessons.length,
  };
}

export const lessonUrl = (id: string): string => `/lessons/${id}/`;
