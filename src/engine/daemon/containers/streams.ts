// The daemon's long-lived responses: an attach or `logs -f` (log lines as they are written) and a
// `wait` (the exit code once the container stops). Subscribing to a wait is what "blocking" means in
// simulated time: if the container will stop by itself, the clock moves on to that moment.
import type { BodyStream } from '../../api/stream';
import type { Daemon } from '../daemon';
import type { ContainerRecord, LogLine } from './model';

export function logStream(d: Daemon, c: ContainerRecord, from: number, keep: (l: LogLine) => boolean): BodyStream<LogLine> {
  return {
    subscribe(onChunk, onEnd) {
      let cursor = from;
      const pump = () => {
        for (; cursor < c.logs.length; cursor++) if (keep(c.logs[cursor]!)) onChunk(c.logs[cursor]!);
        if (!c.state.Running || !(c.id in d.state.containers)) {
          stop();
          onEnd();
        }
      };
      const stop = d.watch(pump);
      pump();
      return stop;
    },
  };
}

/** When the container's current run ends by itself (undefined: never, or not running). */
function ownEnd(c: ContainerRecord): number | undefined {
  const p = c.hostConfig.RestartPolicy;
  if (c.state.Restarting) {
    const forever = p.Name === 'always' || p.Name === 'unless-stopped' || (p.Name === 'on-failure' && p.MaximumRetryCount === 0);
    return forever ? undefined : c.restartAt;
  }
  if (!c.state.Running || c.state.Paused || !c.process?.plan.exit) return undefined;
  return c.process.startedAt + c.process.plan.exit.afterMs;
}

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

/**
 * The exit code once the container stops: at once for a stopped container under `not-running`, else
 * after its next exit (moby's wait conditions). Subscribing lets time run to that exit when it is due.
 */
export function exitStream(d: Daemon, c: ContainerRecord, condition: WaitCondition): BodyStream<{ StatusCode: number }> {
  const finishedAtRequest = c.state.FinishedAt;
  const done = () => !c.state.Running && (condition === 'not-running' || c.state.FinishedAt !== finishedAtRequest);
  return {
    subscribe(onChunk, onEnd) {
      let ended = false;
      const check = () => {
        if (ended || !done()) return;
        ended = true;
        stop();
        onChunk({ StatusCode: c.state.ExitCode });
        onEnd();
      };
      const stop = d.watch(check);
      check();
      for (let end = ownEnd(c); !ended && end !== undefined; end = ownEnd(c)) d.advanceTo(end);
      return stop;
    },
  };
}
