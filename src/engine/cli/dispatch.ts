// One command line, end to end on the client side: shell words → `docker` global options → command
// lookup and flags → the handler, which talks to the daemon only through the Engine API client.
import type { ApiClient, ApiTraceEntry } from '../api/http';
import type { Clock } from '../clock';
import type { ExecResult, InteractiveStream, OutputChunk } from '../engine';
import type { CommandContext, FollowHandle, Handler, HostFolder, Invocation, Output } from './command';
import { parseCommandLine } from './parse';
import { displayPath } from './spec';
import { tokenize, type TokenizeOptions } from './tokenize';
import { appendChunk, streamText } from '../output-chunks';

export interface DispatchContext {
  api: ApiClient;
  clock: Clock;
  handlers: Readonly<Record<string, Handler>>;
  shell?: TokenizeOptions;
  /** the host folder commands read files from (`docker build`) */
  host?: HostFolder;
  /** set when the caller can keep a stream open (`logs -f`, attached `run`); headless callers leave it out */
  follow?: (start: (io: Output) => FollowHandle) => void;
  /** the caller's input is a terminal: `-it` commands open an interactive session instead of refusing */
  tty?: boolean;
}

/** the shell's status for a syntax error and for an unknown program */
const SHELL_SYNTAX_ERROR = 2;
const COMMAND_NOT_FOUND = 127;

/** Commands docker 28 has but this engine does not simulate (yet), with what to tell the learner. */
function notSimulated(inv: Invocation): string {
  const path = 'docker ' + displayPath(inv.spec, inv.typedPath).join(' ');
  return `${path}: this command is not available in the simulated Docker engine of this course.\n`;
}

/** One ordered record of what a command wrote; stdout and stderr are read off it. */
function recorder(ctx: DispatchContext) {
  const output: OutputChunk[] = [];
  const io: Output = { out: (t) => appendChunk(output, 'stdout', t), err: (t) => appendChunk(output, 'stderr', t) };
  const innerTrace: ApiTraceEntry[] = [];
  const done = (exit: number): ExecResult => ({
    stdout: streamText(output, 'stdout'),
    stderr: streamText(output, 'stderr'),
    exit,
    output,
    trace: [...innerTrace, ...ctx.api.takeTrace()],
  });
  return { io, innerTrace, done };
}

type Recorder = ReturnType<typeof recorder>;

export function dispatch(line: string, ctx: DispatchContext): ExecResult {
  const rec = recorder(ctx);
  const { io, innerTrace, done } = rec;
  // `$(docker ps -aq)`: a docker command inside a substitution runs first; its errors reach the terminal
  const substitute = (inner: string): string | undefined => {
    if (!/^\s*docker(\s|$)/.test(inner)) return ctx.shell?.substitute?.(inner);
    const r = dispatch(inner, { ...ctx, follow: undefined, tty: false });
    io.err(r.stderr);
    innerTrace.push(...r.trace);
    return r.stdout;
  };
  const { words, error } = tokenize(line, { ...ctx.shell, substitute });
  if (error !== undefined) {
    io.err(`bash: ${error}\n`);
    return done(SHELL_SYNTAX_ERROR);
  }
  if (words.length === 0) return done(0);
  if (words[0] !== 'docker') {
    io.err(`bash: ${words[0]}: command not found\n`);
    return done(COMMAND_NOT_FOUND);
  }
  return runDocker(words.slice(1), ctx, rec);
}

/** `docker ARGS…` already split into words (a program run by the host shell: pipes, `$(…)`, `;`). */
export function dispatchArgs(args: string[], ctx: DispatchContext): ExecResult {
  return runDocker(args, ctx, recorder(ctx));
}

function runDocker(args: string[], ctx: DispatchContext, { io, done }: Recorder): ExecResult {
  const parsed = parseCommandLine(args);
  if (parsed.kind === 'answer') {
    io.out(parsed.answer.stdout);
    io.err(parsed.answer.stderr);
    return done(parsed.answer.exit);
  }
  const { inv } = parsed;
  io.out(parsed.notices);
  const handler = ctx.handlers[inv.spec.path.join(' ')];
  if (!handler) {
    io.err(notSimulated(inv));
    return done(1);
  }
  let opened: InteractiveStream | undefined;
  const cmd: CommandContext = { inv, api: ctx.api, io, clock: ctx.clock, follow: ctx.follow, host: ctx.host, tty: ctx.tty ?? false, session: (s) => (opened = s) };
  try {
    const exit = handler(cmd);
    return opened ? { ...done(exit), session: opened } : done(exit);
  } catch (e) {
    // a bug in the simulation must never take the UI down: report it the way docker reports errors
    io.err(`docker: internal error in the simulated engine: ${e instanceof Error ? e.message : String(e)}\n`);
    return done(1);
  }
}
