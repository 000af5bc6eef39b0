import { describe, expect, it } from 'vitest';
import { buildCourse, lessonUrl, positionOf } from './course';

const mod = (id: string, order: number) => ({ id, data: { title: id, description: `${id} module`, order } });
const lesson = (id: string, module: string, order: number) => ({ id, data: { module: { id: module }, order } });

describe('buildCourse', () => {
  it('orders modules, then lessons inside each module', () => {
    const course = buildCourse(
      [mod('later', 2), mod('first', 1)],
      [lesson('c', 'later', 1), lesson('b', 'first', 2), lesson('a', 'first', 1)],
    );
    expect(course.modules.map((m) => m.module.id)).toEqual(['first', 'later']);
    expect(course.lessons.map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out modules without lessons', () => {
    const course = buildCourse([mod('empty', 1), mod('full', 2)], [lesson('a', 'full', 1)]);
    expect(course.modules.map((m) => m.module.id)).toEqual(['full']);
  });

  it('names both lessons when two share an order in one module', () => {
    expect(() => buildCourse([mod('m', 1)], [lesson('x', 'm', 1), lesson('y', 'm', 1)])).toThrow(
      'Lessons "x" and "y" both have order 1 in module "m"',
    );
  });

  it('names the lesson that points at an unknown module', () => {
    expect(() => buildCourse([mod('m', 1)], [lesson('x', 'nope', 1)])).toThrow('Lesson "x" names module "nope"');
  });
});

describe('positionOf', () => {
  const course = buildCourse([mod('m', 1), mod('n', 2)], [lesson('a', 'm', 1), lesson('b', 'm', 2), lesson('c', 'n', 1)]);

  it('links across module boundaries', () => {
    const middle = positionOf(course, 'b');
    expect(middle.previous?.id).toBe('a');
    expect(middle.next?.id).toBe('c');
    expect([middle.number, middle.total]).toEqual([2, 3]);
  });

  it('has no previous for the first lesson and no next for the last', () => {
    expect(positionOf(course, 'a').previous).toBeUndefined();
    expect(positionOf(course, 'c').next).toBeUndefined();
  });

  it('rejects an unknown lesson', () => {
    expect(() => positionOf(course, 'zzz')).toThrow('No lesson "zzz"');
  });
});

it('lessonUrl puts lessons under /lessons/', () => {
  expect(lessonUrl('why-containers')).toBe('/lessons/why-containers/');
});
