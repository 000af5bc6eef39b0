// A shell invocation as a planned process: `sh -c 'script'`, `sh script.sh`, or `sh` reading stdin.
// The script runs at once against the simulated clock; the result is a Run (output at offsets, a
// duration, an exit code) or, when something never ends, a process that repeats and reacts to signals.
import type { SignalReaction } from '../daemon/process/plan';
import type { Run } from '../daemon/process/program';
import { resolvePath } from '../fs/types';
import { BUILTINS } from './builtins';
import { commandRunner, type ProgramRunner } from './commands';
import { FLAVOURS, type ShellKind } from './flavours';
import { ExitSignal, Shell, type Builtin, type ShellConfig } from './interpreter';
import { ForeverSignal, type Forever } from './io';
import type { SystemServices } from './services';
import { cloneState } from './state';

export interface ShellOptions {
  kind: ShellKind;
  sys: SystemServices;
  env: Record<string, string>;
  cwd: string;
  /** ms since epoch at start */
  now: number;
  /** $$ (1 for a container's main process) */
  pid: number;
  /** standard input: text, or null for an open stdin that delivers nothing (`-i` without a client) */
  stdin: string | null;
  programs: ProgramRunner;
  /** the busybox-static import (see AppletContext.minimal) */
  minimal?: boolean;
  interactive?: boolean;
  /** builtins of a particular terminal on top of the shell's own (the host terminal's `help`) */
  extraBuiltins?: Record<string, Builtin>;
}

const SHELL_MEMORY = 500 * 1024;
/** a busybox applet or small coreutils program */
const APPLET_MEMORY = 320 * 1024;

export function createShell(opts: ShellOptions, argv0?: string, args: string[] = []): Shell {
  const interactive = opts.interactive ?? false;
  const config: ShellConfig = {
    flavour: FLAVOURS[opts.kind],
    sys: opts.sys,
    env: opts.env,
    cwd: opts.cwd || '/',
    now: opts.now,
    pid: opts.pid,
    args,
    interactive,
    builtins: { ...BUILTINS, ...opts.extraBuiltins },
    commands: commandRunner(opts.programs),
    minimal: opts.minimal ?? false,
    ...(argv0 !== undefined ? { argv0 } : {}),
  };
  const sh = new Shell(config);
  if (interactive) sh.modeFlags = opts.kind === 'bash' ? 'himBHs' : 'i';
  return sh;
}

/** `sh [-eux…] -c SCRIPT [NAME [ARG…]]`, `sh FILE [ARG…]`, `sh` (stdin). */
export function runShellCommand(argv: string[], opts: ShellOptions): Run {
  const name = FLAVOURS[opts.kind].name;
  let i = 1;
  let command = false;
  while (i < argv.length && /^[-+][a-zA-Z]+$/.test(argv[i]!)) {
    if (argv[i]!.includes('c')) command = true;
    i++;
  }
  if (command) {
    const script = argv[i];
    if (script === undefined) return failed(2, MISSING_SCRIPT[opts.kind]);
    return runScript(script, opts, argv[i + 1], argv.slice(i + 2), true);
  }
  const file = argv[i];
  if (file !== undefined) {
    const path = resolvePath(opts.cwd || '/', file);
    const st = opts.sys.fs.stat(path);
    if (!st || st.type !== 'file') {
      if (opts.kind === 'bash') return failed(127, `bash: ${file}: No such file or directory`);
      return failed(2, opts.kind === 'dash' ? `sh: 0: cannot open ${file}: No such file` : `sh: can't open '${file}': No such file or directory`);
    }
    return runScript(opts.sys.fs.readFile(path), opts, file, argv.slice(i + 1));
  }
  // no script: the shell reads its standard input
  if (opts.stdin === null) return { output: [], duration: Infinity, code: 0, memory: SHELL_MEMORY };
  return runScript(opts.stdin, { ...opts, stdin: '' }, name);
}

const MISSING_SCRIPT: Record<ShellKind, string> = {
  ash: 'sh: -c requires an argument',
  dash: 'sh: 0: -c requires an argument',
  bash: 'bash: -c: option requires an argument',
};

const failed = (code: number, text: string): Run => ({ output: [{ at: 0, stream: 'stderr', text }], duration: 0, code });

/** Runs a script to its end (or to the point where it runs for ever). */
export function runScript(script: string, opts: ShellOptions, argv0?: string, args: string[] = [], commandString = false): Run {
  const sh = createShell(opts, argv0, args);
  // busybox ash numbers the lines of a -c string from 0 (`sh: cd: line 0: can't cd to …`)
  if (commandString && opts.kind === 'ash') sh.lineBase = -1;
  if (commandString) sh.modeFlags = opts.kind === 'bash' ? 'hBc' : 'c';
  return toRun(sh, runToEnd(sh, () => sh.source(script, sh.topIo(opts.stdin))), SHELL_MEMORY);
}

/**
 * Runs one command as a process of its own (a container's main process, `docker exec`): argv as
 * given, found and run the way the shell runs a command. undefined when nothing of that name exists.
 */
export function runCommand(argv: string[], opts: ShellOptions): Run | undefined {
  const sh = createShell(opts);
  const io = sh.topIo(opts.stdin);
  let missing = false;
  const ended = runToEnd(sh, () => {
    const status = sh.config.commands.run(sh, argv, io, opts.env, true);
    missing = status === undefined;
    return status ?? 127;
  });
  return missing ? undefined : toRun(sh, ended, APPLET_MEMORY);
}

/**
 * How much of a streaming program's later output (ping's replies) a plan holds: plans are data in the
 * engine's snapshot, so a detached `ping` logs its first five minutes.
 */
const PLAN_HORIZON = 5 * 60 * 1000;

function toRun(sh: Shell, ended: ReturnType<typeof runToEnd>, baseMemory: number): Run {
  const memory = Math.max(baseMemory, sh.peakMemory) + sh.dataPeak;
  if ('forever' in ended) {
    const f = ended.forever;
    const streamed = f.stream && !f.repeat ? f.stream(0, PLAN_HORIZON).map((l) => ({ ...l, at: sh.t + l.at })) : [];
    return {
      output: [...sh.output, ...streamed],
      duration: Infinity,
      code: 0,
      signals: { ...f.signals, ...trapReactions(sh) },
      memory: f.memory ?? memory,
      ...(f.repeat ? { repeat: { from: sh.t, ...f.repeat } } : {}),
      ...(f.listens ? { listens: f.listens } : {}),
      ...(f.title ? { title: f.title } : {}),
      ...(f.children ? { children: f.children } : {}),
    };
  }
  return { output: sh.output, duration: sh.t, code: ended.code, memory };
}

/** Runs `fn` and the EXIT trap: the status the shell ends with, or the Forever that stopped it. */
export function runToEnd(sh: Shell, fn: () => number): { code: number; exited: boolean } | { forever: Forever } {
  let code: number;
  let exited = false;
  try {
    code = fn();
  } catch (e) {
    if (e instanceof ForeverSignal) return { forever: e.forever };
    if (!(e instanceof ExitSignal)) throw e;
    code = e.code;
    exited = true;
  }
  const onExit = sh.state.traps.get('EXIT');
  if (onExit) {
    sh.state.traps.delete('EXIT');
    sh.state.status = code;
    try {
      sh.source(onExit, sh.topIo(''));
    } catch (e) {
      if (e instanceof ExitSignal) code = e.code;
      else if (!(e instanceof ForeverSignal)) throw e;
    }
  }
  return { code, exited };
}

/** What each trapped signal does to the waiting shell: its handler's output, and an exit if it exits. */
function trapReactions(sh: Shell): Record<string, SignalReaction> {
  const reactions: Record<string, SignalReaction> = {};
  for (const [sig, handler] of sh.state.traps) {
    if (sig === 'EXIT') continue;
    const probe = new Shell({ ...sh.config, now: sh.now() });
    probe.state = cloneState(sh.state);
    probe.state.traps.delete(sig);
    const ended = runToEnd(probe, () => probe.source(handler, probe.topIo('')));
    // a handler that returns leaves the shell waiting where it was
    reactions[sig] = 'exited' in ended && ended.exited ? { code: ended.code, output: probe.output } : 'ignore';
  }
  return reactions;
}
