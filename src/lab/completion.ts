// Tab completion from the engine's own command specs (the same data the parser and --help use), plus
// the names of objects that exist right now. Quotes are not understood: completion works word by word,
// which is all a learner typing `docker st<Tab>` needs.
import type { CommandSpec } from '../engine/cli/command';
import { ALL_SPECS, specFor } from '../engine/cli/spec';
import type { LineState } from './line-editor';

/** names the engine knows now, by kind (the state panel's view model has them) */
export interface Names {
  containers: string[];
  images: string[];
  volumes: string[];
  networks: string[];
}

export interface Completion {
  /** where the word being completed starts in the line */
  start: number;
  /** every possible full word, sorted */
  candidates: string[];
}

/** words the shell itself understands besides `docker` */
export const SHELL_WORDS = ['clear', 'docker', 'help'];

/** first-level words after `docker`: top-level commands, aliases and management commands */
const topLevel = [...new Set(ALL_SPECS.flatMap((s) => [s.path, ...(s.aliases ?? [])]).filter((p) => p.length >= 1).map((p) => p[0]!))].sort();

function subcommandsOf(parent: string): string[] {
  const subs = ALL_SPECS.flatMap((s) => [s.path, ...(s.aliases ?? [])]).filter((p) => p.length === 2 && p[0] === parent);
  return [...new Set(subs.map((p) => p[1]!))].sort();
}

function flagsOf(spec: CommandSpec): string[] {
  return spec.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.name}`]).sort();
}

/** which objects a command's positional arguments name */
function argumentKind(spec: CommandSpec): keyof Names | undefined {
  const [family, verb] = spec.path;
  if (family === 'container') return verb === 'run' || verb === 'create' ? 'images' : 'containers';
  if (family === 'image') return 'images';
  if (family === 'volume') return 'volumes';
  if (family === 'network') return 'networks';
  if (family === 'inspect') return 'containers';
  return undefined;
}

/** flags of `spec` that take a value: after them the next word is that value, not an argument */
function takesValue(spec: CommandSpec, word: string): boolean {
  const long = word.startsWith('--') ? word.slice(2) : undefined;
  const short = !long && /^-[a-zA-Z]+$/.test(word) ? word.slice(-1) : undefined;
  const flag = spec.flags.find((f) => (long !== undefined ? f.name === long : f.short === short));
  return flag !== undefined && flag.type !== 'bool' && !word.includes('=');
}

export function complete(line: LineState, names: Names): Completion {
  const before = line.text.slice(0, line.cursor);
  const start = before.lastIndexOf(' ') + 1;
  const word = before.slice(start);
  const done = before.slice(0, start).split(' ').filter(Boolean);
  const pick = (all: readonly string[]) => ({ start, candidates: all.filter((c) => c.startsWith(word)).sort() });

  if (done.length === 0) return pick(SHELL_WORDS);
  if (done[0] !== 'docker') return { start, candidates: [] };

  if (done.length === 1) return word.startsWith('-') ? { start, candidates: [] } : pick(topLevel);
  // the command path: `docker container ls` (two words) or `docker ps` (one)
  const first = done[1]!;
  const subs = subcommandsOf(first);
  const two = done[2] !== undefined ? specFor([first, done[2]]) : undefined;
  if (subs.length > 0 && !two && done.length === 2 && !word.startsWith('-')) return pick(subs);
  const spec = two ?? specFor([first]);
  const i = two ? 3 : 2;
  if (!spec) return { start, candidates: [] };
  if (word.startsWith('-')) return pick(flagsOf(spec));

  const rest = done.slice(i);
  const previous = rest[rest.length - 1];
  if (previous !== undefined && previous.startsWith('-') && takesValue(spec, previous)) return { start, candidates: [] };
  // run/create take one image, then the command inside the container
  const kind = argumentKind(spec);
  if (kind === 'images' && (spec.path[1] === 'run' || spec.path[1] === 'create')) {
    const positional = rest.filter((w, k) => !w.startsWith('-') && !(k > 0 && rest[k - 1]!.startsWith('-') && takesValue(spec, rest[k - 1]!)));
    if (positional.length > 0) return { start, candidates: [] };
  }
  return kind ? pick(names[kind]) : { start, candidates: [] };
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * The line after pressing Tab: a single candidate is completed with a space after it; several are
 * extended to their common prefix. `listed` holds the candidates to print when nothing could be added.
 */
export function applyCompletion(line: LineState, c: Completion): { line: LineState; listed: string[] } {
  const typed = line.text.slice(c.start, line.cursor);
  if (c.candidates.length === 0) return { line, listed: [] };
  const only = c.candidates.length === 1;
  const insert = only ? c.candidates[0]! + ' ' : commonPrefix(c.candidates);
  if (!only && insert.length <= typed.length) return { line, listed: c.candidates };
  const text = line.text.slice(0, c.start) + insert + line.text.slice(line.cursor);
  return { line: { text, cursor: c.start + insert.length }, listed: [] };
}
