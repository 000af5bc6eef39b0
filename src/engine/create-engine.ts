// createEngine: the simulated daemon plus the docker CLI in front of it.
import { ManualClock } from './clock';
import { HANDLERS } from './cli/commands';
import type { FollowHandle, Output } from './cli/command';
import { dispatch } from './cli/dispatch';
import { Daemon, type DaemonSnapshot } from './daemon/daemon';
import type { Engine, EngineOptions, ExecOptions, ExecResult } from './engine';
import { IdSource } from './ids';

/** the default simulated "now" (a fixed date keeps transcripts reproducible) */
export const DEFAULT_START = Date.parse('2026-11-23T12:00:00Z');

/**
 * Simulated time one command line costs. Small enough that `ps` right after `run` shows "Less than a
 * second ago" as on a real, fast engine; a long session still sees time pass.
 */
export const COMMAND_COST_MS = 10;

export function createEngine(opts: EngineOptions = {}): Engine {
  const clock = opts.clock ?? new ManualClock(DEFAULT_START);
  const daemon = new Daemon({ clock, ids: new IdSource(opts.seed ?? 1) });
  if (opts.images?.length) daemon.presetImages(opts.images);

  return {
    clock,
    exec(line: string, execOpts: ExecOptions = {}): ExecResult {
      clock.advance(COMMAND_COST_MS);
      daemon.tick();
      let stream: ((io: Output) => FollowHandle) | undefined;
      const result = dispatch(line, {
        api: daemon.api,
        clock,
        handlers: HANDLERS,
        shell: execOpts.env ? { env: execOpts.env } : undefined,
        follow: execOpts.follow ? (start) => (stream = start) : undefined,
      });
      return stream ? { ...result, follow: stream } : result;
    },
    snapshot: () => daemon.snapshot(),
    restore: (s: unknown) => daemon.restore(s as DaemonSnapshot),
    subscribe: (listener) => daemon.events.subscribe(listener),
    read<T>(path: string, query?: Record<string, string>) {
      const res = daemon.api.request<T>({ method: 'GET', path, query });
      daemon.api.takeTrace(); // between commands the trace holds only this call
      return res;
    },
    tick: () => daemon.tick(),
  };
}
