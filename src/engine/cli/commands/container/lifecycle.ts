// start, stop, restart, kill, pause, unpause, rm, rename, wait: one API call per argument, in order,
// with each command's own way of reporting failures (docker/cli container/*.go).
import { isError } from '../../../api/http';
import type { BodyStream } from '../../../api/stream';
import type { LogLine } from '../../../daemon/containers/model';
import type { CommandContext } from '../../command';
import type { InteractiveStream } from '../../../engine';
import { refuseInteractive, relayTerminal } from './interactive';
import { bool, daemonError, drain, eachTarget, settle, str, writeLine } from './shared';

const path = (ref: string, action = '') => `/containers/${encodeURIComponent(ref)}${action}`;

/** stop/restart: `-t` is only sent when given; `-s` likewise. */
function timeoutQuery(ctx: CommandContext): Record<string, string | undefined> {
  const { flags, changed } = ctx.inv;
  return { t: changed.has('timeout') ? String(flags['timeout']) : undefined, signal: str(flags, 'signal') || undefined };
}

export function containerStart(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  // cli start.go checks this first, for -a and -i alike
  if ((bool(inv.flags, 'attach') || bool(inv.flags, 'interactive')) && inv.args.length > 1) {
    io.err('you cannot start and attach multiple containers at once\n');
    return 1;
  }
  if (bool(inv.flags, 'interactive')) {
    if (!ctx.tty) return refuseInteractive(ctx);
    const ref = inv.args[0]!;
    const info = api.request<{ Config: { Tty: boolean } }>({ method: 'GET', path: path(ref, '/json') });
    if (isError(info)) {
      io.err(daemonError(info) + '\n');
      return 1;
    }
    // a container without a TTY has no terminal to join: its output is followed as with -a
    if (info.body.Config.Tty) return startInTerminal(ctx, ref);
  }
  if (bool(inv.flags, 'attach') || bool(inv.flags, 'interactive')) {
    // start -a: one container, its output, its exit code (cli start.go)
    const ref = inv.args[0]!;
    const attach = api.request<BodyStream<LogLine>>({ method: 'POST', path: path(ref, '/attach'), query: { stream: '1', stdout: '1', stderr: '1' } });
    if (isError(attach)) {
      io.err(daemonError(attach) + '\n');
      return 1;
    }
    const wait = api.request<BodyStream<{ StatusCode: number }>>({ method: 'POST', path: path(ref, '/wait'), query: { condition: 'next-exit' } });
    const start = api.request({ method: 'POST', path: path(ref, '/start') });
    if (isError(start)) {
      io.err(daemonError(start) + '\n');
      return 1;
    }
    const exit = isError(wait) ? undefined : settle(wait.body);
    drain(ctx, attach.body, (l, out) => writeLine(l, out));
    return exit?.StatusCode ?? (ctx.follow ? 0 : 130);
  }
  const { failed } = eachTarget(ctx, (ref) => api.request({ method: 'POST', path: path(ref, '/start') }));
  if (failed.length === 0) return 0;
  io.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return 1;
}

/** `start -ai` of a TTY container: the terminal joins its TTY, then the container starts. */
function startInTerminal(ctx: CommandContext, ref: string): number {
  const attach = ctx.api.request({ method: 'POST', path: path(ref, '/attach'), query: { stream: '1', stdin: '1', stdout: '1', stderr: '1' } });
  if (isError(attach)) {
    ctx.io.err(daemonError(attach) + '\n');
    return 1;
  }
  const tty = attach.body as InteractiveStream;
  const start = ctx.api.request({ method: 'POST', path: path(ref, '/start') });
  if (isError(start)) {
    tty.close();
    ctx.io.err(daemonError(start) + '\n');
    return 1;
  }
  ctx.session!(relayTerminal(tty, 'quiet'));
  return 0;
}

export const containerStop = (ctx: CommandContext): number =>
  eachTarget(ctx, (ref) => ctx.api.request({ method: 'POST', path: path(ref, '/stop'), query: timeoutQuery(ctx) })).exit;

export const containerRestart = (ctx: CommandContext): number =>
  eachTarget(ctx, (ref) => ctx.api.request({ method: 'POST', path: path(ref, '/restart'), query: timeoutQuery(ctx) })).exit;

export const containerKill = (ctx: CommandContext): number =>
  eachTarget(ctx, (ref) => ctx.api.request({ method: 'POST', path: path(ref, '/kill'), query: { signal: str(ctx.inv.flags, 'signal') || undefined } })).exit;

export const containerPause = (ctx: CommandContext): number =>
  eachTarget(ctx, (ref) => ctx.api.request({ method: 'POST', path: path(ref, '/pause') })).exit;

export const containerUnpause = (ctx: CommandContext): number =>
  eachTarget(ctx, (ref) => ctx.api.request({ method: 'POST', path: path(ref, '/unpause') })).exit;

export function containerRm(ctx: CommandContext): number {
  const { flags } = ctx.inv;
  const force = bool(flags, 'force');
  // rm -f does not count containers that do not exist as failures (the error is still printed)
  return eachTarget(
    ctx,
    (ref) => ctx.api.request({ method: 'DELETE', path: path(ref), query: { force: force ? '1' : undefined, v: bool(flags, 'volumes') ? '1' : undefined, link: bool(flags, 'link') ? '1' : undefined } }),
    (res) => force && res.status === 404,
  ).exit;
}

export function containerRename(ctx: CommandContext): number {
  const [ref, name] = ctx.inv.args as [string, string];
  const res = ctx.api.request({ method: 'POST', path: path(ref, '/rename'), query: { name } });
  if (!isError(res)) return 0;
  ctx.io.err(`${daemonError(res)}\nError: failed to rename container named ${ref}\n`);
  return 1;
}

export function containerWait(ctx: CommandContext): number {
  let exit = 0;
  for (const ref of ctx.inv.args) {
    const res = ctx.api.request<BodyStream<{ StatusCode: number }>>({ method: 'POST', path: path(ref, '/wait') });
    if (isError(res)) {
      ctx.io.err(daemonError(res) + '\n');
      exit = 1;
      continue;
    }
    const result = settle(res.body);
    if (result) {
      ctx.io.out(`${result.StatusCode}\n`);
      continue;
    }
    // it never stops by itself: the UI keeps waiting (on this one; docker waits in order), headless it is cut short
    if (!ctx.follow) return 130;
    drain(ctx, res.body, (r, out) => out.out(`${r.StatusCode}\n`));
    return exit;
  }
  return exit;
}

/** `docker attach`: refused for a container that is not running (a CLI-side check), else its output until it stops. */
export function containerAttach(ctx: CommandContext): number {
  const { api, io } = ctx;
  const ref = ctx.inv.args[0]!;
  const info = api.request<{ State: { Running: boolean; Paused: boolean; Restarting: boolean }; Config: { Tty: boolean } }>({ method: 'GET', path: path(ref, '/json') });
  if (isError(info)) {
    io.err(daemonError(info) + '\n');
    return 1;
  }
  const s = info.body.State;
  const refusal = !s.Running ? 'You cannot attach to a stopped container, start it first'
    : s.Paused ? 'You cannot attach to a paused container, unpause it first'
    : s.Restarting ? 'You cannot attach to a restarting container, wait until it is running'
    : undefined;
  if (refusal) {
    io.err(refusal + '\n');
    return 1;
  }
  const withStdin = !bool(ctx.inv.flags, 'no-stdin');
  // cli attach.go: stdin joins a TTY container's terminal, which a non-terminal cannot be
  if (withStdin && info.body.Config.Tty && !ctx.tty) return refuseInteractive(ctx);
  if (withStdin && ctx.tty && info.body.Config.Tty) {
    const tty = api.request({ method: 'POST', path: path(ref, '/attach'), query: { stream: '1', stdin: '1', stdout: '1', stderr: '1' } });
    if (isError(tty)) {
      io.err(daemonError(tty) + '\n');
      return 1;
    }
    ctx.session!(relayTerminal(tty.body as InteractiveStream, 'reported'));
    return 0;
  }
  const attach = api.request<BodyStream<LogLine>>({ method: 'POST', path: path(ref, '/attach'), query: { stream: '1', stdout: '1', stderr: '1' } });
  const wait = api.request<BodyStream<{ StatusCode: number }>>({ method: 'POST', path: path(ref, '/wait') });
  if (isError(attach) || isError(wait)) return 1;
  const exit = settle(wait.body);
  drain(ctx, attach.body, (l, out) => writeLine(l, out));
  return exit?.StatusCode ?? (ctx.follow ? 0 : 130);
}
