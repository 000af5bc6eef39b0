// The shell's own state: variables (with export and readonly flags), positional parameters, functions,
// traps, working directory and last status. Subshells work on a copy.
import type { Command } from './syntax';

export interface ShellState {
  vars: Map<string, string>;
  exported: Set<string>;
  readonly: Set<string>;
  positional: string[];
  functions: Map<string, Command>;
  aliases: Map<string, string>;
  /** signal name (without SIG, or EXIT) → handler source */
  traps: Map<string, string>;
  cwd: string;
  status: number;
  /** $! */
  lastBackground?: number;
}

export function newState(env: Record<string, string>, cwd: string, positional: string[]): ShellState {
  return {
    vars: new Map(Object.entries(env)),
    exported: new Set(Object.keys(env)),
    readonly: new Set(),
    positional,
    functions: new Map(),
    aliases: new Map(),
    traps: new Map(),
    cwd,
    status: 0,
  };
}

export function cloneState(s: ShellState): ShellState {
  return {
    ...s,
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    readonly: new Set(s.readonly),
    positional: [...s.positional],
    functions: new Map(s.functions),
    aliases: new Map(s.aliases),
    traps: new Map(s.traps),
  };
}

/** The environment a child process receives: exported variables, plus `extra` (VAR=x cmd). */
export function environment(s: ShellState, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of s.exported) {
    const v = s.vars.get(name);
    if (v !== undefined) env[name] = v;
  }
  return { ...env, ...extra };
}
