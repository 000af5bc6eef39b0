// One command line, end to end on the client side: shell words → `docker` global options → command
// lookup and flags → the handler, which talks to the daemon only through the Engine API client.
import type { ApiClient, ApiTraceEntry } from '../api/http';
import type { Clock } from '../clock';
import type { ExecResult, OutputChunk } from '../engine';
import type { CommandContext, FollowHandle, Handler, Invocation, Output } from './command';
import { parseCommandLine } from './parse';
import { displayPath } from './spec';
import { tokenize, type TokenizeOptions } from './tokenize';

export interface DispatchContext {
  api: ApiClient;
  clock: Clock;
  handlers: Readonly<Record<string, Handler>>;
  shell?: TokenizeOptions;
  /** set when the caller can keep a stream open (`logs -f`, attached `run`); headless callers leave it out */
  follow?: (start: (io: Output) => FollowHandle) => void;
}

/** the shell's status for a syntax error and for an unknown program */
const SHELL_SYNTAX_ERROR = 2;
const COMMAND_NOT_FOUND = 127;

/** Commands docker 28 has but this engine does not simulate (yet), with what to tell the learner. */
function notSimulated(inv: Invocation): string {
  const path = 'docker ' + displayPath(inv.spec, inv.typedPath).join(' ');
  if (inv.spec.path.join(' ') === 'image build') {
    return `${path}: building images from a Dockerfile is not available in this simulated engine yet; it arrives with the Dockerfile lessons.\n`;
  }
  return `${path}: this command is not available in the simulated Docker engine of this course.\n`;
}

export function dispatch(line: string, ctx: DispatchContext): ExecResult {
  // one ordered record of what was written; stdout and stderr are read off it
  const output: OutputChunk[] = [];
  const write = (stream: OutputChunk['stream'], text: string) => {
    if (!text) return;
    const last = output[output.length - 1];
    if (last?.stream === stream) last.text += text;
    else output.push({ stream, text });
  };
  const io: Output = { out: (t) => write('stdout', t), err: (t) => write('stderr', t) };
  const textOf = (stream: OutputChunk['stream']) =>
    output
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join('');
  const innerTrace: ApiTraceEntry[] = [];
  const done = (exit: number): ExecResult => ({
    stdout: textOf('stdout'),
    stderr: textOf('stderr'),
    exit,
    output,
    trace: [...innerTrace, ...ctx.api.takeTrace()],
  });

  // `$(docker ps -aq)`: a docker command inside a substitution runs first; its errors reach the terminal
  const substitute = (inner: string): string | undefined => {
    if (!/^\s*docker(\s|$)/.test(inner)) return ctx.shell?.substitute?.(inner);
    const r = dispatch(inner, { ...ctx, follow: undefined });
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
  const parsed = parseCommandLine(words.slice(1));
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
  const cmd: CommandContext = { inv, api: ctx.api, io, clock: ctx.clock, follow: ctx.follow };
  try {
    return done(handler(cmd));
  } catch (e) {
    // a bug in the simulation must never take the UI down: report it the way docker reports errors
    io.err(`docker: internal error in the simulated engine: ${e instanceof Error ? e.message : String(e)}\n`);
    return done(1);
  }
}
