// createEngine: the simulated daemon plus the docker CLI in front of it.
import { ManualClock } from './clock';
import { HANDLERS } from './cli/commands';
import type { FollowHandle, Output } from './cli/command';
import { dispatch, dispatchArgs, type DispatchContext } from './cli/dispatch';
import { Daemon, type DaemonSnapshot } from './daemon/daemon';
import { hostFs, HOST_CWD } from './daemon/host-folder';
import { HOST_NAME } from './daemon/system-info';
import type { Engine, EngineOptions, ExecOptions, ExecResult } from './engine';
import { HostShell, newHostShellState, type HostShellState } from './host/host-shell';
import { isPlainDockerLine } from './host/route';
import { hostSystem, learnerFs } from './host/system';
import { IdSource } from './ids';
import { hostNet } from './daemon/net/services';
import { streamText } from './output-chunks';

/** the default simulated "now" (a fixed date keeps transcripts reproducible) */
export const DEFAULT_START = Date.parse('2026-11-23T12:00:00Z');

/**
 * Simulated time one command line costs. Small enough that `ps` right after `run` shows "Less than a
 * second ago" as on a real, fast engine; a long session still sees time pass.
 */
export const COMMAND_COST_MS = 10;

/** The engine's snapshot: the daemon's, plus the host shell (cwd, variables, history). */
type EngineSnapshot = DaemonSnapshot & { host?: HostShellState };

export function createEngine(opts: EngineOptions = {}): Engine {
  const clock = opts.clock ?? new ManualClock(DEFAULT_START);
  const daemon = new Daemon({ clock, ids: new IdSource(opts.seed ?? 1) });
  if (opts.images?.length) daemon.presetImages(opts.images);
  const loginAt = clock.now();
  /** the docker CLI as the learner runs it, in `cwd` on the host */
  const cli = (tty: boolean, cwd: string, follow?: DispatchContext['follow']): DispatchContext => ({
    api: daemon.api,
    clock,
    handlers: HANDLERS,
    // the raw folder: `docker cp` imports and exports whole trees through it
    host: { fs: hostFs(daemon), cwd },
    tty,
    follow,
  });
  const host = new HostShell(
    {
      sys: () => hostSystem(daemon, loginAt),
      now: () => clock.now(),
      // inside a host line docker has no terminal and no stream to keep open
      docker: (args, cwd) => dispatchArgs(args, cli(false, cwd)),
    },
    newHostShellState(HOST_CWD, HOST_NAME),
  );

  /** today's docker path: one CLI invocation; `$(…)` and `$VAR` come from the host shell */
  const dockerLine = (line: string, execOpts: ExecOptions): ExecResult => {
    let stream: ((io: Output) => FollowHandle) | undefined;
    const result = dispatch(line, {
      ...cli(execOpts.tty ?? execOpts.follow === true, host.state.cwd, execOpts.follow ? (start) => (stream = start) : undefined),
      shell: { env: execOpts.env ?? host.state.vars, substitute: (inner) => host.capture(inner) },
    });
    return stream ? { ...result, follow: stream } : result;
  };

  const hostLine = (line: string): ExecResult => {
    const r = host.run(line);
    if (r.elapsedMs > 0) {
      clock.advance(r.elapsedMs);
      daemon.tick();
    }
    return { stdout: streamText(r.output, 'stdout'), stderr: streamText(r.output, 'stderr'), exit: r.exit, output: r.output, trace: r.trace, ...(r.clear ? { clear: r.clear } : {}) };
  };

  return {
    clock,
    exec(line: string, execOpts: ExecOptions = {}): ExecResult {
      clock.advance(COMMAND_COST_MS);
      daemon.tick();
      host.remember(line);
      try {
        return isPlainDockerLine(line) ? dockerLine(line, execOpts) : hostLine(line);
      } catch (e) {
        // a bug in the simulation must never take the UI down
        const text = `internal error in the simulated host shell: ${e instanceof Error ? e.message : String(e)}\n`;
        return { stdout: '', stderr: text, exit: 1, output: [{ stream: 'stderr', text }], trace: daemon.api.takeTrace() };
      }
    },
    snapshot: (): EngineSnapshot => ({ ...daemon.snapshot(), host: structuredClone(host.state) }),
    restore(s: unknown) {
      const snap = s as EngineSnapshot;
      daemon.restore(snap);
      host.state = structuredClone(snap.host ?? newHostShellState(HOST_CWD, HOST_NAME));
    },
    subscribe: (listener) => daemon.events.subscribe(listener),
    read<T>(path: string, query?: Record<string, string>) {
      const res = daemon.api.request<T>({ method: 'GET', path, query });
      daemon.api.takeTrace(); // between commands the trace holds only this call
      return res;
    },
    tick: () => daemon.tick(),
    hostNet: () => hostNet(daemon),
    host: {
      get fs() {
        return learnerFs(daemon);
      },
      cwd: () => host.state.cwd,
      prompt: () => host.prompt(),
      history: () => host.state.history,
    },
  };
}
