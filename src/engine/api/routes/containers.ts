// Engine API routes for containers and exec instances (moby api/server/router/container), mapping each
// request onto the daemon's container operations. Success bodies and status codes are the API's own;
// errors are DaemonErrors the router turns into `{ message }`.
import type { Daemon } from '../../daemon/daemon';
import { badRequest, DaemonError } from '../../daemon/errors';
import { exitStream, logStream, type WaitCondition } from '../../daemon/containers/streams';
import { normaliseSignal } from '../../daemon/process/plan';
import { createContainer, type CreateBody } from '../../daemon/containers/create';
import { createExec, getExec, inspectExec, startExec, type ExecCreateBody } from '../../daemon/containers/exec';
import { attachTty, startExecSession } from '../../daemon/containers/tty';
import { inspectContainer } from '../../daemon/containers/inspect';
import * as life from '../../daemon/containers/lifecycle';
import { listContainers } from '../../daemon/containers/list';
import { decodeFilters as parseFilters } from '../filters';
import { containerLogs, containerStats, containerTop } from '../../daemon/containers/observe';
import { pruneContainers } from '../../daemon/containers/prune';
import { containerEvent } from '../../daemon/containers/notify';
import { getContainer } from '../../daemon/containers/store';
import { eventsBetween, matchesEventFilters } from '../../daemon/containers/events-query';
import type { DockerEvent } from '../../daemon/events';
import type { ApiResponse } from '../http';
import type { RouteCall, Router } from '../router';
import type { BodyStream } from '../stream';
import { registerContainerFileRoutes } from './container-files';

const flag = (v: string | undefined) => v === '1' || v === 'true';
const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
const ok = (body: unknown = null, status = 200): ApiResponse => ({ status, body });
const done = (o: life.Outcome) => ok(null, o === 'unchanged' ? 304 : 204);

export function registerContainerRoutes(r: Router, d: Daemon): void {
  const container = (call: RouteCall) => getContainer(d.state, call.params['id']!);

  r.add('POST', '/containers/create', (call) => {
    const { container: c, warnings } = createContainer(d, call.body as CreateBody, call.query['name'] || undefined);
    return ok({ Id: c.id, Warnings: warnings }, 201);
  });
  r.add('GET', '/containers/json', (call) =>
    ok(listContainers(d, { all: flag(call.query['all']), limit: num(call.query['limit']) ?? -1, size: flag(call.query['size']), filters: parseFilters(call.query['filters']) })),
  );
  r.add('GET', '/containers/{id}/json', (call) => ok(inspectContainer(d, container(call), flag(call.query['size']))));
  r.add('POST', '/containers/{id}/start', (call) => done(life.start(d, call.params['id']!)));
  r.add('POST', '/containers/{id}/stop', (call) => done(life.stop(d, call.params['id']!, num(call.query['t']), call.query['signal'])));
  r.add('POST', '/containers/{id}/restart', (call) => {
    life.restart(d, call.params['id']!, num(call.query['t']), call.query['signal']);
    return ok(null, 204);
  });
  r.add('POST', '/containers/{id}/kill', (call) => {
    const ref = call.params['id']!;
    const signal = call.query['signal'] || 'KILL';
    // a bad signal is refused before the container is looked at (moby postContainersKill)
    if (!normaliseSignal(signal)) throw badRequest(`Invalid signal: ${signal}`);
    try {
      life.kill(d, ref, signal);
    } catch (e) {
      if (e instanceof DaemonError) throw new DaemonError(e.status, `cannot kill container: ${ref}: ${e.message}`);
      throw e;
    }
    return ok(null, 204);
  });
  r.add('POST', '/containers/{id}/pause', (call) => {
    life.pause(d, call.params['id']!);
    return ok(null, 204);
  });
  r.add('POST', '/containers/{id}/unpause', (call) => {
    life.unpause(d, call.params['id']!);
    return ok(null, 204);
  });
  r.add('DELETE', '/containers/{id}', (call) => {
    life.remove(d, call.params['id']!, { force: flag(call.query['force']), volumes: flag(call.query['v']) });
    return ok(null, 204);
  });
  r.add('POST', '/containers/{id}/rename', (call) => {
    life.rename(d, call.params['id']!, call.query['name'] ?? '');
    return ok(null, 204);
  });
  r.add('POST', '/containers/{id}/wait', (call) => {
    const c = container(call);
    const condition = (call.query['condition'] || 'not-running') as WaitCondition;
    if (!['not-running', 'next-exit', 'removed'].includes(condition)) throw badRequest(`invalid condition: "${condition}"`);
    return ok(exitStream(d, c, condition));
  });
  r.add('POST', '/containers/{id}/attach', (call) => {
    const c = container(call);
    const wanted = { stdout: flag(call.query['stdout']), stderr: flag(call.query['stderr']) };
    containerEvent(d, c, 'attach');
    // stdin on a TTY: the connection is upgraded to the terminal itself
    if (flag(call.query['stdin']) && c.config.Tty) return ok(attachTty(d, c), 101);
    return ok(logStream(d, c, c.logs.length, (l) => wanted[l.stream]));
  });
  r.add('GET', '/containers/{id}/logs', (call) => {
    const c = container(call);
    const q = call.query;
    const lines = containerLogs(c, { stdout: flag(q['stdout']), stderr: flag(q['stderr']), since: num(q['since']) ?? 0, until: num(q['until']) ?? 0, tail: q['tail'] === undefined || q['tail'] === 'all' ? undefined : Number(q['tail']) });
    if (!flag(q['follow'])) return ok(lines);
    // follow: the same lines, then whatever the container writes next, until it stops
    const from = lines.length ? c.logs.indexOf(lines[0]!) : c.logs.length;
    const wanted = { stdout: flag(q['stdout']), stderr: flag(q['stderr']) };
    return ok(logStream(d, c, from, (l) => wanted[l.stream]));
  });
  r.add('GET', '/containers/{id}/top', (call) => ok(containerTop(d, container(call), call.query['ps_args'] ?? '')));
  r.add('GET', '/containers/{id}/stats', (call) => ok(containerStats(d, container(call))));
  r.add('POST', '/containers/{id}/exec', (call) => ok({ Id: createExec(d, call.params['id']!, call.body as ExecCreateBody).id }, 201));
  r.add('POST', '/exec/{id}/start', (call) => {
    const detach = (call.body as { Detach?: boolean } | undefined)?.Detach ?? false;
    const x = getExec(d, call.params['id']!);
    const session = !detach && x.tty && x.attachStdin ? startExecSession(d, x) : undefined;
    return session ? ok(session, 101) : ok(startExec(d, x.id, detach));
  });
  r.add('GET', '/exec/{id}/json', (call) => ok(inspectExec(d, call.params['id']!)));
  r.add('POST', '/containers/prune', (call) => ok(pruneContainers(d, parseFilters(call.query['filters']))));
  r.add('GET', '/events', (call) => {
    const filters = parseFilters(call.query['filters']);
    const since = num(call.query['since']);
    const until = num(call.query['until']);
    const past = eventsBetween(d.events.history, filters, since, until ?? d.now() / 1000);
    if (until !== undefined) return ok(past);
    const stream: BodyStream<DockerEvent> = {
      subscribe(onChunk) {
        past.forEach(onChunk);
        return d.events.subscribe((e) => {
          if (matchesEventFilters(e, filters)) onChunk(e);
        });
      },
    };
    return ok(stream);
  });
  registerContainerFileRoutes(r, d);
}
