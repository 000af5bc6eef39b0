// The data model of quizzes: one YAML file per quiz in content/quizzes/ (the file name is the quiz id
// an MDX lesson names in `<Quiz id="…"/>`). The zod schema checks the structure an author can get wrong
// (answers that name no option, a single-choice question with two answers, a missing explanation);
// command questions are also run through the engine (see reference-check.ts).
import { z } from 'astro/zod';

const text = z.string().trim().min(1);
/** a heading anchor in the lesson, without '#' */
const anchor = z.string().regex(/^[a-z0-9-]+$/, 'a heading anchor such as "restart-policies"');

const option = z
  .object({
    id: z.string().min(1),
    text,
    /** why this option is wrong; required on wrong options of choice questions */
    feedback: text.optional(),
  })
  .strict();

const base = {
  /** unique across the course: practice mode and progress refer to questions by it */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  /** short tag; "concepts to review" groups by it */
  concept: text,
  /** the lesson section that teaches the concept */
  section: anchor,
  /** Markdown-ish: backticks mark code */
  prompt: text,
  explanation: text,
};

const single = z.object({ ...base, kind: z.literal('single'), options: z.array(option).min(2), answer: z.string() }).strict();
const trueFalse = z
  .object({ ...base, kind: z.literal('truefalse'), options: z.array(option).length(2), answer: z.enum(['true', 'false']) })
  .strict();
const multiple = z
  .object({ ...base, kind: z.literal('multiple'), options: z.array(option).min(2), answer: z.array(z.string()).min(1) })
  .strict();
/** options are listed in the order the learner first sees them; answer is the right order */
const ordering = z
  .object({ ...base, kind: z.literal('ordering'), options: z.array(option).min(3), answer: z.array(z.string()).min(3) })
  .strict();

/** `8080:80`, `127.0.0.1:8080:80`, `8080:80/udp` (host side first, as `-p` takes it) */
const portMapping = z.string().regex(/^(?:[\d.]+:)?\d+:\d+(?:\/(?:tcp|udp|sctp))?$/, 'a port mapping such as "8080:80"');

/** what must hold for one container after the learner's command */
export const containerExpectation = z
  .object({
    name: z.string().min(2),
    /** image reference as the task names it; `nginx` and `docker.io/library/nginx:latest` compare equal */
    image: z.string().min(1).optional(),
    state: z.enum(['created', 'running', 'paused', 'restarting', 'exited']).optional(),
    /** exactly these published ports */
    ports: z.array(portMapping).optional(),
    /** `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N` */
    restart: z.string().regex(/^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/).optional(),
    /** the container's command (Config.Cmd) */
    command: z.array(z.string()).optional(),
    /** started in the background (`-d`): its output is not attached to the terminal */
    detached: z.boolean().optional(),
    /** attached to exactly these networks (`bridge` for the default one) */
    networks: z.array(z.string().min(1)).optional(),
    /**
     * any other `docker inspect` data, by dotted path: `HostConfig.Memory: 268435456`, `Config.User: redis`.
     * Objects and arrays match as subsets (`Mounts: [{Name: pgdata}]` = some mount has that name).
     */
    fields: z.record(z.string().regex(/^[A-Z][A-Za-z]*(?:\.[A-Za-z0-9_-]+)*$/, 'a dotted inspect path such as "HostConfig.Memory"'), z.unknown()).optional(),
  })
  .strict();

/** a network that must exist afterwards */
const networkExpectation = z.object({ name: z.string().min(1), internal: z.boolean().optional() }).strict();

export const commandExpectation = z
  .object({
    /** the command's exit status (default 0) */
    exit: z.number().int().min(0).default(0),
    container: containerExpectation.optional(),
    /** containers that must no longer exist */
    absent: z.array(z.string().min(2)).optional(),
    /** text the command's output must contain */
    stdoutIncludes: z.string().min(1).optional(),
    /** image references that must exist locally afterwards */
    images: z.array(z.string().min(1)).optional(),
    networks: z.array(networkExpectation).optional(),
    /** volume names that must exist afterwards */
    volumes: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine(
    (e) => e.container || e.absent || e.stdoutIncludes || e.images || e.networks || e.volumes,
    'expect at least one of container, absent, stdoutIncludes, images, networks, volumes',
  );

const command = z
  .object({
    ...base,
    kind: z.literal('command'),
    scenario: z
      .object({
        /** the starting state in prose, shown to the learner */
        description: text,
        /** images present before the first command (pulled silently) */
        images: z.array(z.string().min(1)).default([]),
        /** docker commands that build the starting state; each must succeed */
        setup: z.array(z.string().regex(/^docker /, 'a docker command')).default([]),
      })
      .strict(),
    /** one command that solves the task; shown after answering */
    answer: z.string().regex(/^docker /, 'a docker command'),
    expect: commandExpectation,
  })
  .strict();

export const question = z.discriminatedUnion('kind', [single, trueFalse, multiple, ordering, command]);

/** structural rules zod's shapes cannot express; each problem names the question and what is wrong */
export function questionProblems(q: z.infer<typeof question>): string[] {
  if (q.kind === 'command') return [];
  const problems: string[] = [];
  const ids = q.options.map((o) => o.id);
  const answers = typeof q.answer === 'string' ? [q.answer] : q.answer;
  if (new Set(ids).size !== ids.length) problems.push('option ids repeat');
  if (new Set(answers).size !== answers.length) problems.push('answer names an option twice');
  for (const a of answers) if (!ids.includes(a)) problems.push(`answer "${a}" is not an option`);
  if (q.kind === 'truefalse' && [...ids].sort().join() !== 'false,true') problems.push('options must be "true" and "false"');
  if (q.kind === 'ordering') {
    if (answers.length !== ids.length) problems.push('the order must list every item once');
    if (ids.every((id, i) => id === answers[i])) problems.push('items are shown already in the right order');
  } else {
    for (const o of q.options) {
      if (!answers.includes(o.id) && !o.feedback) problems.push(`wrong option "${o.id}" needs feedback`);
    }
  }
  return problems;
}

export const quiz = z
  .object({
    /** the lesson the quiz belongs to (and whose sections `section` names) */
    lesson: z.string().min(1),
    questions: z.array(question).min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
      for (const message of questionProblems(q)) ctx.addIssue({ code: 'custom', path: ['questions', i], message: `${q.id}: ${message}` });
    });
  });

export type Question = z.infer<typeof question>;
export type CommandQuestion = Extract<Question, { kind: 'command' }>;
export type ChoiceQuestion = Exclude<Question, CommandQuestion>;
export type CommandExpectation = z.infer<typeof commandExpectation>;
export type ContainerExpectation = z.infer<typeof containerExpectation>;
export type Quiz = z.infer<typeof quiz>;
