// The course's content model, in one place. A lesson whose front matter breaks this schema fails the
// build with the file and the field named (Astro reports both), so authors find mistakes at once.
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

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

export const collections = { modules, lessons };
