// `docker logs`: the container's stdout and stderr replayed onto the CLI's own streams, with
// --timestamps, --tail, --since/--until and --follow (a stream the UI can end).
import { isError } from '../../../api/http';
import type { BodyStream } from '../../../api/stream';
import type { LogLine } from '../../../daemon/containers/model';
import type { CommandContext, Output } from '../../command';
import { rfc3339NanoFixed } from '../../format/time';
import { bool, daemonError, drain, isBodyStream, str, writeLine } from './shared';

/** timetypes.GetTimestamp: a duration before now ("10m", "1h30m"), a date/time, or unix seconds. */
export function apiTimestamp(value: string, nowMs: number): string | { error: string } {
  if (value === '') return '';
  const dur = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
  if (dur && value !== '') {
    const ms = (Number(dur[1] ?? 0) * 3600 + Number(dur[2] ?? 0) * 60 + Number(dur[3] ?? 0)) * 1000;
    return String((nowMs - ms) / 1000);
  }
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) || !value.includes('T') ? value : value + 'Z');
  if (Number.isNaN(t)) return { error: `failed to parse value as time or duration: "${value}"` };
  return String(t / 1000);
}

export function containerLogs(ctx: CommandContext): number {
  const { inv, api, io, clock } = ctx;
  const since = apiTimestamp(str(inv.flags, 'since'), clock.now());
  const until = apiTimestamp(str(inv.flags, 'until'), clock.now());
  for (const [name, t] of [['since', since], ['until', until]] as const) {
    if (typeof t !== 'string') {
      // the API client wraps the parse error for logs (not for events)
      io.err(`invalid value for "${name}": ${t.error}\n`);
      return 1;
    }
  }
  const tail = str(inv.flags, 'tail') || 'all';
  const follow = bool(inv.flags, 'follow');
  const res = api.request<LogLine[] | BodyStream<LogLine>>({
    method: 'GET',
    path: `/containers/${encodeURIComponent(inv.args[0]!)}/logs`,
    query: { stdout: '1', stderr: '1', since: (since as string) || undefined, until: (until as string) || undefined, timestamps: bool(inv.flags, 'timestamps') ? '1' : undefined, tail, follow: follow ? '1' : undefined },
  });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  const stamp = bool(inv.flags, 'timestamps');
  // --details: the log driver's attributes (--log-opt labels/env, none here) and a space, after the time
  const details = bool(inv.flags, 'details') ? ' ' : '';
  const write = (l: LogLine, out: Output) => writeLine(l, out, (stamp ? `${rfc3339NanoFixed(l.t)} ` : '') + details);
  if (isBodyStream(res.body)) drain(ctx, res.body, write);
  else for (const l of res.body) write(l, io);
  return 0;
}
