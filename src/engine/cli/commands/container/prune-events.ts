// `docker container prune` and `docker events` (system/events.go): one removes what has stopped, the
// other replays and follows what the daemon reports.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { BodyStream } from '../../../api/stream';
import type { DockerEvent } from '../../../daemon/events';
import type { CommandContext, Output } from '../../command';
import { GoTemplate, TemplateError } from '../../format/template';
import { rfc3339NanoFixed } from '../../format/time';
import { humanSize } from '../../format/units';
import { declinePrompt } from '../system/output';
import { apiTimestamp } from './logs';
import { bool, daemonError, drain, isBodyStream, list, str } from './shared';

export function containerPrune(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const filters = parseFilterFlags(list(inv.flags, 'filter'));
  if (!bool(inv.flags, 'force')) return declinePrompt(io, 'WARNING! This will remove all stopped containers.');
  const res = api.request<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>({ method: 'POST', path: '/containers/prune', query: { filters: encodeFilters(filters) } });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  const deleted = res.body.ContainersDeleted ?? [];
  if (deleted.length) io.out('Deleted Containers:\n' + deleted.map((id) => id + '\n').join('') + '\n');
  io.out(`Total reclaimed space: ${humanSize(res.body.SpaceReclaimed)}\n`);
  return 0;
}

/** The default event line: time, type, action, actor, then the attributes sorted by key. */
function eventLine(e: DockerEvent): string {
  const attrs = Object.keys(e.Actor.Attributes).sort().map((k) => `${k}=${e.Actor.Attributes[k]}`).join(', ');
  return `${rfc3339NanoFixed(e.timeNano / 1e6)} ${e.Type} ${e.Action} ${e.Actor.ID}${attrs ? ` (${attrs})` : ''}\n`;
}

export function events(ctx: CommandContext): number {
  const { inv, api, io, clock } = ctx;
  const filters = parseFilterFlags(list(inv.flags, 'filter'));
  const since = apiTimestamp(str(inv.flags, 'since'), clock.now());
  const until = apiTimestamp(str(inv.flags, 'until'), clock.now());
  for (const t of [since, until]) {
    if (typeof t !== 'string') {
      io.err(t.error + '\n');
      return 1;
    }
  }
  const format = str(inv.flags, 'format');
  let render: (e: DockerEvent) => string = eventLine;
  if (format !== '') {
    let tmpl: GoTemplate;
    try {
      tmpl = GoTemplate.parse(format === 'json' ? '{{json .}}' : format);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      io.err(`template parsing error: ${e.message}\n`);
      return 64;
    }
    // events.Message still carries the legacy Status/ID/From fields the templates may use
    render = (e) => tmpl.execute({ ...e, Status: e.Action, ID: e.Actor.ID, From: e.Actor.Attributes['image'] ?? '' }) + '\n';
  }
  const res = api.request<DockerEvent[] | BodyStream<DockerEvent>>({ method: 'GET', path: '/events', query: { since: (since as string) || undefined, until: (until as string) || undefined, filters: encodeFilters(filters) } });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  const write = (e: DockerEvent, out: Output) => out.out(render(e));
  if (!isBodyStream(res.body)) {
    for (const e of res.body) write(e, io);
    return 0;
  }
  // without --until the command follows new events until the UI closes it
  drain(ctx, res.body, write);
  return ctx.follow ? 0 : 130;
}
