// What the container commands share: reading parsed flags, printing daemon errors, the multi-target
// loop of stop/start/kill/…, and consuming streamed responses.
import type { ApiResponse } from '../../../api/http';
import { isError } from '../../../api/http';
import { isBodyStream, type BodyStream } from '../../../api/stream';
import type { LogLine } from '../../../daemon/containers/model';
import type { CommandContext, FlagValue, Output } from '../../command';

export const str = (flags: Record<string, FlagValue>, name: string): string => {
  const v = flags[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
};
export const list = (flags: Record<string, FlagValue>, name: string): string[] => {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
};
export const bool = (flags: Record<string, FlagValue>, name: string): boolean => flags[name] === true;
export const num = (flags: Record<string, FlagValue>, name: string): number => Number(flags[name] ?? 0);

export const errorMessage = (res: ApiResponse): string => (res.body as { message: string }).message;
export const daemonError = (res: ApiResponse): string => `Error response from daemon: ${errorMessage(res)}`;

/**
 * stop/kill/pause/rm …: each argument in order; a success prints the argument as typed, a failure its
 * error; exit 1 if any failed, except failures `tolerated` accepts (printed all the same).
 */
export function eachTarget(ctx: CommandContext, call: (ref: string) => ApiResponse, tolerated = (_res: ApiResponse) => false): { exit: number; failed: string[] } {
  const failed: string[] = [];
  for (const ref of ctx.inv.args) {
    const res = call(ref);
    if (isError(res)) {
      ctx.io.err(daemonError(res) + '\n');
      if (!tolerated(res)) failed.push(ref);
    } else {
      ctx.io.out(ref + '\n');
    }
  }
  return { exit: failed.length ? 1 : 0, failed };
}

/**
 * Drains a stream that may outlast the command. What is available now is written at once; if the
 * stream is still open and the UI can follow, it keeps writing there until it ends or the UI closes it.
 * Returns true when the stream ended within the command.
 */
export function drain<T>(ctx: CommandContext, stream: BodyStream<T>, write: (chunk: T, io: Output) => void, onEnd: (io: Output) => void = () => {}): boolean {
  let target: Output | null = ctx.io;
  let ended = false;
  const unsubscribe = stream.subscribe(
    (chunk) => {
      if (target) write(chunk, target);
    },
    () => {
      ended = true;
      if (!target) return;
      onEnd(target);
      // past the command, the stream's end is news for the UI following it
      if (target !== ctx.io) target.end?.();
    },
  );
  if (ended) return true;
  target = null;
  if (!ctx.follow) {
    unsubscribe();
    return false;
  }
  ctx.follow((io) => {
    target = io;
    return {
      close() {
        target = null;
        unsubscribe();
      },
    };
  });
  return false;
}

/** The first chunk a stream yields within this command (subscribing may let simulated time pass). */
export function settle<T>(stream: BodyStream<T>): T | undefined {
  let first: T | undefined;
  let got = false;
  const unsubscribe = stream.subscribe(
    (chunk) => {
      if (!got) [first, got] = [chunk, true];
    },
    () => {},
  );
  unsubscribe();
  return first;
}

/** A container's log line onto the CLI's stdout or stderr, as attach and logs replay them. */
export function writeLine(l: LogLine, io: Output, prefix = ''): void {
  const text = prefix + l.text + (l.partial ? '' : '\n');
  if (l.stream === 'stdout') io.out(text);
  else io.err(text);
}

export { isBodyStream };
