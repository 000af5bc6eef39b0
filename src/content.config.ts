// The course's content model, in one place. A lesson whose front matter breaks this schema fails the
// build with the file and the field named (Astro reports both), so authors find mistakes at once.
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { referenceProblems } from './lib/quiz/reference-check';
import { quiz } from './lib/quiz/schema';

const modules = defineCollection({
  loader: file('content/modules.yaml'),
  schema: z
    .object({
      title: z.string().min(1),
      description: z.string().min(1),
      order: z.number().int().positive(),
    })
    .strict(),
});

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z
    .object({
      title: z.string().min(1),
      /** one sentence: shown on lesson cards, in search results and as the meta description */
      description: z.string().min(1).max(200),
      module: reference('modules'),
      /** position inside its module; unique per module */
      order: z.number().int().positive(),
      /** the author's estimate of the whole lesson, exercises included */
      minutes: z.number().int().positive(),
      objectives: z.array(z.string().min(1)).min(1),
      prerequisites: z.array(reference('lessons')).default([]),
      draft: z.boolean().default(false),
    })
    .strict(),
});

/** content/quizzes/<id>.yaml; a lesson shows one with `<Quiz id="<id>"/>` */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  // every command question's own answer must pass in the simulated engine, or the build fails
  schema: quiz.superRefine((data, ctx) => {
    data.questions.forEach((q, i) => {
      for (const message of referenceProblems(q)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message });
    });
  }),
});

/** A lab's starting state and task (content/labs/<id>.yaml); src/lab/scenario.ts describes each field. */
const labCommand = z.string().regex(/^docker\s/, 'a lab command starts with `docker `');
const labs = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/labs' }),
  schema: z
    .object({
      title: z.string().min(1),
      goal: z.string().min(1),
      images: z.array(z.string().min(1)).default([]),
      setup: z.array(labCommand).default([]),
      suggested: z.array(labCommand).default([]),
      /** files in the host folder (the build context), path relative to it → content; a build lab edits them */
      files: z.record(z.string().regex(/^[^/]/, 'a path relative to the host folder'), z.string()).default({}),
      success: z
        .array(
          z.union([
            z.object({ container: z.string().min(1), state: z.enum(['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead']) }).strict(),
            z.object({ absent: z.string().min(1) }).strict(),
            z.object({ image: z.string().min(1) }).strict(),
            z.object({ volume: z.string().min(1) }).strict(),
            z.object({ output: z.string().min(1) }).strict(),
          ]),
        )
        .default([]),
    })
    .strict(),
});

/** content/glossary.yaml: the /glossary/ page; `<Term id>` links a lesson's word to its entry */
const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: z
    .object({
      /** the entry's anchor on /glossary/ (the file loader also takes it as the entry id) */
      id: z.string().regex(/^[a-z0-9-]+$/),
      term: z.string().min(1),
      /** one or two sentences, plain text */
      definition: z.string().min(1),
      /** the lesson and section (heading anchor) that teaches the term */
      lesson: reference('lessons'),
      section: z.string().regex(/^[a-z0-9-]+$/),
    })
    .strict(),
});

export const collections = { modules, lessons, quizzes, labs, glossary };
