// The course's real quiz files, checked as the build checks them, plus the schema's rules on bad data.
import { readdirSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { courseQuizProblems, type QuizEntry } from './course-quizzes';
import { referenceProblems } from './reference-check';
import { quiz, type Question } from './schema';

const root = new URL('../../../content/', import.meta.url);
const quizFiles = readdirSync(new URL('quizzes/', root)).filter((f) => f.endsWith('.yaml'));

/** heading anchors of a lesson, as Astro's rehypeHeadingIds makes them (github-slugger) */
function anchorsOf(mdx: string): string[] {
  const slugger = new GithubSlugger();
  const withoutCode = mdx.replace(/^```[\s\S]*?^```/gm, '');
  return [...withoutCode.matchAll(/^#{2,6}\s+(.+)$/gm)].map((m) => slugger.slug(m[1]!.replace(/`/g, '')));
}
const lessons = new Map(
  readdirSync(new URL('lessons/', root))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [f.replace(/\.mdx$/, ''), anchorsOf(readFileSync(new URL(`lessons/${f}`, root), 'utf8'))]),
);

describe('content/quizzes', () => {
  const entries: QuizEntry[] = quizFiles.map((file) => {
    const result = quiz.safeParse(parse(readFileSync(new URL(`quizzes/${file}`, root), 'utf8')));
    if (!result.success) throw new Error(`${file}: ${result.error.message}`);
    return { id: file.replace(/\.yaml$/, ''), data: result.data };
  });

  it('has a quiz of at least six questions, one of them a command question, for every lesson', () => {
    for (const lesson of lessons.keys()) {
      const entry = entries.find((e) => e.data.lesson === lesson);
      expect(entry?.data.questions.length, lesson).toBeGreaterThanOrEqual(6);
      expect(entry!.data.questions.filter((q) => q.kind === 'command').length, lesson).toBeGreaterThanOrEqual(1);
    }
  });

  it('uses unique ids and real lessons and sections', () => {
    expect(courseQuizProblems(entries, lessons)).toEqual([]);
  });

  it.each(entries.flatMap((e) => e.data.questions.filter((q) => q.kind === 'command').map((q) => [q.id, q] as const)))(
    'the answer to %s passes its own expectation in the engine',
    (_id, q) => {
      expect(referenceProblems(q)).toEqual([]);
    },
  );
});

describe('quiz schema', () => {
  const single = {
    id: 'x-1',
    kind: 'single',
    concept: 'c',
    section: 's',
    prompt: 'p',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B', feedback: 'no' },
    ],
    answer: 'a',
    explanation: 'e',
  };
  const issues = (questions: unknown[]) => {
    const r = quiz.safeParse({ lesson: 'l', questions });
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('accepts a well-formed question', () => {
    expect(issues([single])).toEqual([]);
  });
  it('requires exactly one answer for single choice', () => {
    expect(issues([{ ...single, answer: ['a', 'b'] }])).not.toEqual([]);
    expect(issues([{ ...single, answer: 'z' }])).toContain('x-1: answer "z" is not an option');
  });
  it('requires explanations and feedback on wrong options', () => {
    expect(issues([{ ...single, explanation: '' }])).not.toEqual([]);
    expect(issues([{ ...single, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }])).toEqual(['x-1: wrong option "b" needs feedback']);
  });
  it('rejects duplicate ids and unknown keys', () => {
    expect(issues([single, single])).toEqual(['duplicate question id "x-1"']);
    expect(issues([{ ...single, hint: 'x' }])).not.toEqual([]);
  });
  it('checks orderings list every item and are not already solved', () => {
    const ordering = { ...single, kind: 'ordering', options: [...single.options, { id: 'c', text: 'C' }], answer: ['a', 'b', 'c'] };
    expect(issues([ordering])).toEqual(['x-1: items are shown already in the right order']);
    expect(issues([{ ...ordering, answer: ['c', 'a'] }])).not.toEqual([]);
  });

  const { options: _choicesOnly, ...common } = single;
  const command = {
    ...common,
    kind: 'command',
    scenario: { description: 'empty', images: ['nginx:latest'] },
    answer: 'docker run -d --name web nginx',
    expect: { container: { name: 'web', state: 'running' } },
  };
  it('requires command expectations to be data it understands', () => {
    expect(issues([command])).toEqual([]);
    expect(issues([{ ...command, expect: {} }])).not.toEqual([]);
    expect(issues([{ ...command, expect: { container: { name: 'web', ports: ['80->8080'] } } }])).not.toEqual([]);
  });
  it('fails a command question whose answer does not do what it expects', () => {
    const parsed = quiz.parse({ lesson: 'l', questions: [{ ...command, answer: 'docker create --name web nginx' }] });
    expect(referenceProblems(parsed.questions[0] as Question)).toEqual([
      'x-1: the answer `docker create --name web nginx` does not pass: `web` is created, but it should be running.',
    ]);
  });
  it('fails a command question whose scenario cannot be set up', () => {
    const parsed = quiz.parse({ lesson: 'l', questions: [{ ...command, scenario: { description: 'd', setup: ['docker start nothing-here'] } }] });
    expect(referenceProblems(parsed.questions[0] as Question)[0]).toMatch(/setup command `docker start nothing-here` failed/);
  });
});
