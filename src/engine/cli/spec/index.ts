// Every command docker 28 knows, by the paths a user can type.
import type { CommandSpec } from '../command';
import { BUILDER } from './builder';
import { CONTAINER } from './container';
import { CONTEXT } from './context';
import { IMAGE } from './image';
import { MANIFEST } from './manifest';
import { NETWORK } from './network';
import { PLUGIN } from './plugin';
import { SWARM } from './swarm';
import { SYSTEM } from './system';
import { TOP_LEVEL } from './top-level';
import { TRUST } from './trust';
import { VOLUME } from './volume';

export const ALL_SPECS: readonly CommandSpec[] = [
  ...CONTAINER,
  ...IMAGE,
  ...NETWORK,
  ...VOLUME,
  ...SYSTEM,
  ...TOP_LEVEL,
  ...BUILDER,
  ...CONTEXT,
  ...MANIFEST,
  ...PLUGIN,
  ...SWARM,
  ...TRUST,
];

const byPath = new Map<string, CommandSpec>();
for (const spec of ALL_SPECS) {
  for (const p of [spec.path, ...(spec.aliases ?? [])]) byPath.set(p.join(' '), spec);
}

/** The spec reached by a typed path ('ps', 'container list', 'image remove'), if any. */
export function specFor(path: readonly string[]): CommandSpec | undefined {
  return byPath.get(path.join(' '));
}

/** A management command (`docker container`, `docker volume` …): it only groups subcommands. */
export function isManagement(spec: CommandSpec): boolean {
  return spec.path.length === 1 && subcommands(spec).length > 0;
}

/** specs are static and isManagement asks on every command line: walk ALL_SPECS once per spec */
const subcommandCache = new WeakMap<CommandSpec, readonly (readonly [string, CommandSpec])[]>();

/**
 * The subcommands of a management command as [name, spec], sorted by name as cobra lists them. An
 * alias under another parent is a command of its own there ('builder build' is 'image build').
 */
export function subcommands(spec: CommandSpec): readonly (readonly [string, CommandSpec])[] {
  const cached = subcommandCache.get(spec);
  if (cached) return cached;
  const [parent] = spec.path;
  const found: [string, CommandSpec][] = [];
  for (const s of ALL_SPECS) {
    for (const p of [s.path, ...(s.aliases ?? [])]) {
      if (p.length === 2 && p[0] === parent && (p === s.path || s.path[0] !== parent)) found.push([p[1]!, s]);
    }
  }
  found.sort(([a], [b]) => (a < b ? -1 : 1));
  subcommandCache.set(spec, found);
  return found;
}

/**
 * The command path docker names in messages. An alias inside the same parent is the same cobra
 * command ('container list' → 'container ls'); a top-level shortcut ('ps', 'rmi') or another parent
 * ('builder build') is a command of its own and keeps the typed path.
 */
export function displayPath(spec: CommandSpec, typed: readonly string[]): string[] {
  const sameParent =
    typed.length === spec.path.length && typed.slice(0, -1).join(' ') === spec.path.slice(0, -1).join(' ');
  return sameParent ? [...spec.path] : [...typed];
}

/** The Usage line(s) for the typed entry point: "docker ps [OPTIONS]", "docker cp … \n\tdocker cp …" */
export function usageLine(spec: CommandSpec, typed: readonly string[]): string {
  const canonical = spec.path.join(' ');
  const shown = displayPath(spec, typed).join(' ');
  return ('docker ' + spec.usage).split(`docker ${canonical}`).join(`docker ${shown}`);
}
