// The curriculum's content check (issue 9): every lesson has the parts the course promises, every docker
// line a lesson shows parses in the engine's CLI, internal links resolve, and the seed-coverage map and
// glossary point at sections that exist. Reads content/ directly, so it runs without a build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEngine } from './engine';
import { HINT_LINKS } from './engine/builder/hints';
import { SECURITY_LESSON } from './lab/real/protocol';
import { cliProblem } from './lib/curriculum/cli-check';
import { componentProps, headings, links, mermaidBlocks, readLesson, section, type LessonFile } from './lib/curriculum/lesson-source';
import { dockerInvocations, shellCommands } from './lib/curriculum/shell-lines';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const yamlFile = <T,>(path: string) => parse(read(path)) as T;
const names = (dir: string, ext: string) =>
  readdirSync(new URL(`../${dir}`, import.meta.url))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length));

interface QuizFile {
  lesson: string;
  questions: { kind: string }[];
}
interface LabFile {
  images?: string[];
  files?: Record<string, string>;
  setup?: string[];
  suggested?: string[];
}
interface GlossaryEntry {
  id: string;
  lesson: string;
  section: string;
}
interface CoverageEntry {
  concept: string;
  seeds: string[];
  lesson: string;
  section: string;
}

const modules = yamlFile<Record<string, { order: number }>>('content/modules.yaml');
const lessons: LessonFile[] = names('content/lessons', '.mdx')
  .map((id) => readLesson(id, read(`content/lessons/${id}.mdx`)))
  .filter((l) => l.frontMatter.draft !== true)
  .sort((a, b) => {
    const key = (l: LessonFile) => modules[l.frontMatter.module as string]!.order * 100 + (l.frontMatter.order as number);
    return key(a) - key(b);
  });
const anchors = new Map(lessons.map((l) => [l.id, new Set(headings(l.body).map((h) => h.slug))]));
const glossary = yamlFile<GlossaryEntry[]>('content/glossary.yaml');
const coverage = yamlFile<CoverageEntry[]>('content/coverage.yaml');

/** the lessons' own parts, checked one lesson at a time */
describe.each(lessons.map((lesson, i) => ({ lesson, number: i + 1 })))('lesson $number: $lesson.id', ({ lesson, number }) => {
  const ids = (component: string, attribute: string) => componentProps(lesson.body, component, attribute);

  it('has learning objectives', () => {
    expect(lesson.frontMatter.objectives).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('has a Mermaid diagram, each with an accTitle', () => {
    const diagrams = mermaidBlocks(lesson.body);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const d of diagrams) expect(d).toMatch(/^\s*accTitle:/m);
  });

  it.runIf(number >= 3)('has a lab with a scenario and a goal', () => {
    const labs = ids('Lab', 'scenario');
    expect(labs.length).toBeGreaterThan(0);
    for (const id of labs) expect(yamlFile<{ goal?: string }>(`content/labs/${id}.yaml`).goal).toBeTruthy();
  });

  it('has its quiz: at least 6 questions, with a command question from lesson 3 on', () => {
    expect(ids('Quiz', 'id')).toEqual([lesson.id]);
    const quiz = yamlFile<QuizFile>(`content/quizzes/${lesson.id}.yaml`);
    expect(quiz.lesson).toBe(lesson.id);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6);
    if (number >= 3) expect(quiz.questions.some((q) => q.kind === 'command')).toBe(true);
  });

  it('ends with key takeaways, common pitfalls and links to the official documentation', () => {
    for (const heading of ['Key takeaways', 'Common pitfalls']) expect(section(lesson.body, heading)?.trim(), heading).toMatch(/^- /m);
    expect(section(lesson.body, 'Further reading')).toMatch(/\]\(https:\/\/docs\.docker\.com\//);
  });

  it('links each glossary term it uses with <Term> at most once, to an existing entry', () => {
    const terms = ids('Term', 'id');
    expect(terms.filter((t, i) => terms.indexOf(t) !== i), 'a term linked twice').toEqual([]);
    for (const t of terms) expect(glossary.map((g) => g.id)).toContain(t);
  });
});

/**
 * Docker CLI plugins the simulated engine does not model; lessons show them as a real machine runs them.
 * `docker compose` is taught (lesson 12) and its lab builds the same app with plain docker commands.
 */
const PLUGINS = /^docker\s+compose\b/;
describe('docker lines in lessons', () => {
  const lines = lessons.flatMap((lesson) =>
    shellCommands(lesson.body).flatMap(({ command, line }) => dockerInvocations(command).map((docker) => ({ where: `${lesson.id}.mdx:${line}`, docker }))),
  );

  it('finds the course commands', () => {
    expect(lines.length).toBeGreaterThan(100);
  });

  it('parse in the engine without an unknown command or flag or a usage error', () => {
    const problems = lines
      .filter(({ docker }) => !PLUGINS.test(docker))
      .flatMap(({ where, docker }) => {
        const problem = cliProblem(docker);
        return problem ? [`${where}: ${docker}\n    → ${problem}`] : [];
      });
    expect(problems).toEqual([]);
  });
});

describe('the check itself', () => {
  it('tells usage errors from daemon errors', () => {
    expect(cliProblem('docker run --no-such-flag nginx')).toMatch(/unknown flag: --no-such-flag/);
    expect(cliProblem('docker stop')).toMatch(/requires at least 1 argument/);
    expect(cliProblem('docker frobnicate')).toMatch(/unknown command/);
    expect(cliProblem('docker run -p 80:notaport nginx')).toBeTruthy();
    expect(cliProblem('docker stop web')).toBeUndefined(); // no such container: the daemon's answer
    expect(cliProblem('docker run -d --name web nginx:1.29')).toBeUndefined();
  });
});

describe('labs', () => {
  const used = new Set(lessons.flatMap((l) => componentProps(l.body, 'Lab', 'scenario')));

  it.each([...used])('%s sets up without errors and suggests commands the CLI accepts', (id) => {
    const lab = yamlFile<LabFile>(`content/labs/${id}.yaml`);
    const engine = createEngine({ images: lab.images ?? [] });
    // the host folder as the lab writes it (src/lab/session.ts), then the setup commands
    for (const [path, text] of Object.entries(lab.files ?? {})) {
      const full = `${engine.host.cwd()}/${path}`;
      engine.host.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true });
      engine.host.fs.writeFile(full, text);
    }
    for (const line of lab.setup ?? []) expect(engine.exec(line), line).toMatchObject({ exit: 0 });
    expect((lab.suggested ?? []).flatMap((line) => (cliProblem(line) ? [`${line}: ${cliProblem(line)}`] : []))).toEqual([]);
  });
});

describe('links and references', () => {
  const pages = new Set(['/', '/playground/', '/practice/', '/glossary/', '/cheat-sheet/']);
  const glossaryIds = new Set(glossary.map((g) => g.id));

  /** why an internal link does not resolve, or undefined when it does */
  function brokenLink(from: string, href: string): string | undefined {
    if (/^(https?:|mailto:)/.test(href)) return undefined;
    const [path, fragment] = href.split('#') as [string, string | undefined];
    const lesson = /^\/lessons\/([^/]+)\/$/.exec(path);
    if (path === '') return anchors.get(from)!.has(fragment ?? '') ? undefined : `no heading #${fragment} here`;
    if (lesson) {
      const target = anchors.get(lesson[1]!);
      if (!target) return `no lesson ${lesson[1]}`;
      return fragment === undefined || target.has(fragment) ? undefined : `no heading #${fragment} in ${lesson[1]}`;
    }
    if (!pages.has(path)) return `no page ${path}`;
    if (path === '/glossary/' && fragment !== undefined && !glossaryIds.has(fragment)) return `no glossary entry ${fragment}`;
    return undefined;
  }

  it('internal links in lessons resolve to a page and, with a fragment, to a heading', () => {
    const broken = lessons.flatMap((l) => links(l.body).flatMap((href) => {
      const why = brokenLink(l.id, href);
      return why ? [`${l.id}: ${href} (${why})`] : [];
    }));
    expect(broken).toEqual([]);
  });

  it("links the builder's best-practice hints and the bridge's refusals to sections that exist", () => {
    const targets = [...Object.values(HINT_LINKS), SECURITY_LESSON];
    expect(targets.flatMap((href) => (brokenLink('', href) ? [`${href} (${brokenLink('', href)})`] : []))).toEqual([]);
  });

  it('maps every seed concept to a lesson section that exists', () => {
    // the five tutorials of /work/shared/seeds/ (outside the repository), each mapped at least once
    expect(new Set(coverage.flatMap((c) => c.seeds))).toEqual(new Set('abcde'.split('').map((s) => `docker-fundamentals-${s}.txt`)));
    expect(coverage.length).toBeGreaterThan(100);
    const missing = coverage.filter((c) => !anchors.get(c.lesson)?.has(c.section)).map((c) => `${c.concept} → ${c.lesson}#${c.section}`);
    expect(missing).toEqual([]);
  });

  it('ties every glossary entry to a lesson section that exists, and every id once', () => {
    expect(new Set(glossary.map((g) => g.id)).size).toBe(glossary.length);
    const missing = glossary.filter((g) => !anchors.get(g.lesson)?.has(g.section)).map((g) => `${g.id} → ${g.lesson}#${g.section}`);
    expect(missing).toEqual([]);
  });

  it('has a lab file for every <Lab> and a lesson for every quiz', () => {
    const labs = lessons.flatMap((l) => componentProps(l.body, 'Lab', 'scenario'));
    expect(labs.filter((id) => !existsSync(new URL(`../content/labs/${id}.yaml`, import.meta.url)))).toEqual([]);
    const quizLessons = names('content/quizzes', '.yaml').map((q) => yamlFile<QuizFile>(`content/quizzes/${q}.yaml`).lesson);
    expect(quizLessons.filter((id) => !anchors.has(id))).toEqual([]);
  });
});
