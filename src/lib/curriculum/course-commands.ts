// What the course teaches of the docker CLI, computed from the lessons' shell code blocks and the
// engine's own command specs: for every command, the flags lessons use, the lessons that use it and a
// first example. The cheat sheet page is generated from this, so it cannot drift from either side.
import type { CommandSpec, FlagSpec } from '../../engine';
import { parseCommandLine } from '../../engine/cli/parse';
import { tokenize } from '../../engine/cli/tokenize';
import { dockerInvocations, shellCommands } from './shell-lines';

export interface LessonSource {
  id: string;
  /** the raw MDX */
  body: string;
}

export interface CommandUse {
  spec: CommandSpec;
  /** how lessons type it, most used first: ['run'] or ['ps', 'container ls'] */
  typed: string[];
  /** the spec's flags that appear in lessons, in the spec's order */
  flags: FlagSpec[];
  /** ids of the lessons whose shell blocks use it, in the order given */
  lessons: string[];
  /** the first command line that uses it, for the playground */
  example: string;
}

/** a docker invocation parsed by the engine's CLI, or undefined when it does not parse */
export function parseInvocation(line: string) {
  // `$(…)` stands for output the lesson's reader has; for parsing, one placeholder word will do
  const { words, error } = tokenize(line, { substitute: () => 'x' });
  if (error !== undefined || words[0] !== 'docker') return undefined;
  const parsed = parseCommandLine(words.slice(1));
  return parsed.kind === 'invoke' ? parsed.inv : undefined;
}

export function courseCommands(lessons: readonly LessonSource[]): CommandUse[] {
  const uses = new Map<CommandSpec, { typed: Map<string, number>; flags: Set<string>; lessons: string[]; example: string }>();
  for (const lesson of lessons) {
    for (const { command } of shellCommands(lesson.body)) {
      for (const line of dockerInvocations(command)) {
        const inv = parseInvocation(line);
        if (!inv) continue;
        let use = uses.get(inv.spec);
        if (!use) uses.set(inv.spec, (use = { typed: new Map(), flags: new Set(), lessons: [], example: line }));
        const typed = inv.typedPath.join(' ');
        use.typed.set(typed, (use.typed.get(typed) ?? 0) + 1);
        for (const flag of inv.changed) use.flags.add(flag);
        if (!use.lessons.includes(lesson.id)) use.lessons.push(lesson.id);
      }
    }
  }
  return [...uses].map(([spec, use]) => ({
    spec,
    typed: [...use.typed].sort((a, b) => b[1] - a[1]).map(([t]) => t),
    flags: spec.flags.filter((f) => use.flags.has(f.name)),
    lessons: use.lessons,
    example: use.example,
  }));
}

/** `--publish, -p` as a flag is written in help */
export const flagLabel = (f: FlagSpec): string => (f.short ? `-${f.short}, --${f.name}` : `--${f.name}`);
