// The contract between the CLI's parser (specs → Invocation) and the command handlers.
// A command is described once, as data (CommandSpec); the parser, `--help`, Tab completion and the
// course's cheat sheet are all generated from these specs, so they cannot drift apart.
import type { ApiClient } from '../api/http';
import type { Clock } from '../clock';
import type { InteractiveStream } from '../engine';
import type { FileSystem } from '../fs/types';

export type FlagType =
  | 'bool'
  | 'string'
  | 'stringArray' // repeatable: -e A -e B
  | 'stringSlice' // repeatable and comma-splitting (pflag StringSlice)
  | 'int'
  | 'uint'
  | 'duration'
  | 'bytes' // --memory 512m
  | 'decimal' // --cpus 1.5
  | 'list'; // docker's opts.ListOpts (repeatable, validated per item)

export type FlagValue = boolean | string | string[] | number;

export interface FlagSpec {
  /** long name without dashes: 'publish' */
  name: string;
  /** one-letter short form without dash: 'p' */
  short?: string;
  type: FlagType;
  /** pflag's default shown in help ("" / false / 0 are not shown) */
  default?: FlagValue;
  /** help text exactly as docker prints it */
  usage: string;
  /** placeholder shown in help, e.g. 'list', 'string', 'int', 'bytes' (pflag's type name) */
  valueName?: string;
  hidden?: boolean;
  /** shown by docker in help as "(default …)"; set only when docker shows something unusual */
  defaultText?: string;
  /** a deprecated spelling: using it prints "Flag --time has been deprecated, <deprecated>" */
  deprecated?: string;
  /** the flag whose value this one sets (a deprecated alias such as stop's --time for --timeout) */
  target?: string;
}

/** How many positional arguments a command accepts, with docker's exact wording on failure. */
export type ArgRule =
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number } // cli.RequiresMaxArgs ("requires at most N argument")
  | { kind: 'range'; min: number; max: number }
  | { kind: 'any' };

export interface CommandSpec {
  /** canonical path below `docker`: ['container', 'stop'] */
  path: string[];
  /** other paths reaching the same command: [['stop']], [['ps'], ['container','ps'], ['container','list']] */
  aliases?: string[][];
  /** e.g. 'docker container stop [OPTIONS] CONTAINER [CONTAINER...]' without the leading 'docker ' */
  usage: string;
  /** one-line description ("Stop one or more running containers") */
  short: string;
  /** the description `--help` shows when it differs from `short` */
  long?: string;
  flags: FlagSpec[];
  args: ArgRule;
  /** run/create/exec: flags stop being parsed at the first positional (SetInterspersed(false)) */
  interspersed?: boolean;
  /** help groups etc. for the top-level `docker --help` listing */
  group?: 'common' | 'management' | 'swarm' | 'other';
}

export interface Invocation {
  spec: CommandSpec;
  /** the path as typed (['stop'] or ['container','stop']) — error texts quote it */
  typedPath: string[];
  /** every flag of the spec, with its default when not given; repeated flags accumulate */
  flags: Record<string, FlagValue>;
  /** names of flags the user set explicitly */
  changed: Set<string>;
  args: string[];
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** a follow stream ended by itself (the container stopped): the UI gives the prompt back */
  end?(): void;
}

/** A live stream (`logs -f`, `events`, `stats`): the engine pushes chunks until the UI closes it. */
export interface FollowHandle {
  close(): void;
}

/** The client machine's files, as the CLI reads them (`docker build .` sends the folder as its context). */
export interface HostFolder {
  fs: FileSystem;
  /** absolute working directory on the host */
  cwd: string;
}

export interface CommandContext {
  inv: Invocation;
  api: ApiClient;
  io: Output;
  clock: Clock;
  /** absent in a client without files (then `docker build` has no context to send) */
  host?: HostFolder;
  /** Register a follow-up stream; only for commands that keep running after they return. */
  follow?(start: (io: Output) => FollowHandle): void;
  /** the client's stdin is a terminal (docker checks this before `-it`) */
  tty?: boolean;
  /** hands the caller the interactive session the command opened (`run -it`, `exec -it`, `attach`) */
  session?(stream: InteractiveStream): void;
}

/** Returns the process exit code. Handlers never throw for user errors: they print and return. */
export type Handler = (ctx: CommandContext) => number;
