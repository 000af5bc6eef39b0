// `docker create` and `docker run` (docker/cli container/create.go + run.go): build the request,
// create (pulling a missing image first, progress on stderr), then for run: print the ID when detached,
// or attach, start and wait, replaying the container's output and exiting with its code.
import { isError, type ApiResponse } from '../../../api/http';
import type { BodyStream } from '../../../api/stream';
import type { LogLine } from '../../../daemon/containers/model';
import { familiarString, parseNormalizedNamed, ReferenceError, withDefaultTag } from '../../../registry/reference';
import type { CommandContext, Output } from '../../command';
import { printPull } from '../registry/pull-progress';
import { buildCreateRequest, OptionError, type CreateRequest } from './create-options';
import type { InteractiveStream } from '../../../engine';
import { refuseInteractive, relayTerminal } from './interactive';
import { bool, daemonError, drain, errorMessage, settle, str, writeLine } from './shared';

/** How `docker run` / `docker create` report a flag error: `docker: <msg>` and a pointer to the help. */
const usageError = (io: Output, command: 'run' | 'create', msg: string) =>
  io.err(`docker: ${msg}\n\nRun 'docker ${command} --help' for more information\n`);
const runError = (io: Output, msg: string) => usageError(io, 'run', msg);

/** cli toStatusError: the exit code a start failure maps to. */
export function startFailureCode(msg: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) return 127;
  if (/permission denied|is a directory/.test(msg)) return 126;
  return 125;
}

type Created = { id: string } | { error: string };

/** POST /containers/create, pulling the image first if the daemon does not have it (and --pull allows). */
function createWithPull(ctx: CommandContext, req: CreateRequest, pull: string, shown: string, quiet: boolean): Created {
  const { api, io } = ctx;
  const create = () => api.request<{ Id: string; Warnings: string[] }>({ method: 'POST', path: '/containers/create', query: { name: req.name || undefined }, body: req.body });
  const pullImage = (): string | undefined => {
    const pulled = printPull(api, withDefaultTag(parseNormalizedNamed(req.body.Image)), (text) => io.err(text), quiet);
    return pulled.ok ? undefined : pulled.error;
  };
  if (pull === 'always') {
    const failed = pullImage();
    if (failed) return { error: failed };
  }
  let res: ApiResponse<{ Id: string; Warnings: string[] }> = create();
  if (res.status === 404 && errorMessage(res).startsWith('No such image') && pull !== 'never') {
    io.err(`Unable to find image '${shown}' locally\n`);
    const failed = pullImage();
    if (failed) return { error: failed };
    res = create();
  }
  if (isError(res)) return { error: daemonError(res) };
  for (const w of res.body.Warnings) io.err(`WARNING: ${w}\n`);
  return { id: res.body.Id };
}

/** where prepare() failed: a flag value (exit 125 with usage) or the image reference */
type PrepareError = { error: string; reference?: boolean };

interface Prepared {
  req: CreateRequest;
  pull: string;
  shown: string;
}

/** Flag checks that happen in the CLI before anything reaches the daemon. */
function prepare(ctx: CommandContext, detached: boolean): Prepared | PrepareError {
  const { flags } = ctx.inv;
  const pull = str(flags, 'pull') || 'missing';
  if (!['always', 'missing', 'never'].includes(pull)) return { error: `invalid pull option: '${pull}': must be one of "always", "missing" or "never"` };
  let shown: string;
  try {
    shown = familiarString(withDefaultTag(parseNormalizedNamed(ctx.inv.args[0]!)));
  } catch (e) {
    if (e instanceof ReferenceError) return { error: e.message, reference: true };
    throw e;
  }
  try {
    return { req: buildCreateRequest(ctx.inv, detached, ctx.host), pull, shown };
  } catch (e) {
    if (e instanceof OptionError) return { error: e.message };
    throw e;
  }
}

export function containerCreate(ctx: CommandContext): number {
  const prepared = prepare(ctx, false);
  if ('error' in prepared) {
    // unlike run, create prints a bad image reference bare and exits 1
    if (prepared.reference) {
      ctx.io.err(prepared.error + '\n');
      return 1;
    }
    usageError(ctx.io, 'create', prepared.error);
    return 125;
  }
  const created = createWithPull(ctx, prepared.req, prepared.pull, prepared.shown, bool(ctx.inv.flags, 'quiet'));
  if ('error' in created) {
    ctx.io.err(created.error + '\n');
    return 1;
  }
  ctx.io.out(created.id + '\n');
  return 0;
}

export function containerRun(ctx: CommandContext): number {
  const { api, io, inv } = ctx;
  const detached = bool(inv.flags, 'detach');
  if (detached && inv.changed.has('attach')) {
    io.err('conflicting options: cannot specify both --attach and --detach\n');
    return 1;
  }
  const terminal = !detached && bool(inv.flags, 'interactive') && bool(inv.flags, 'tty');
  if (terminal && !ctx.tty) return refuseInteractive(ctx);
  const prepared = prepare(ctx, detached);
  if ('error' in prepared) {
    runError(io, prepared.error);
    return 125;
  }
  const created = createWithPull(ctx, prepared.req, prepared.pull, prepared.shown, bool(ctx.inv.flags, 'quiet'));
  if ('error' in created) {
    runError(io, created.error);
    return 125;
  }
  const id = created.id;
  if (terminal) return runInTerminal(ctx, id);
  if (detached) io.out(id + '\n');
  const attach = detached ? undefined : api.request<BodyStream<LogLine>>({ method: 'POST', path: `/containers/${id}/attach`, query: { stream: '1', stdout: '1', stderr: '1' } });
  // the CLI asks for the exit before starting, so a fast (or --rm) container cannot slip away
  const wait = detached ? undefined : api.request<BodyStream<{ StatusCode: number }>>({ method: 'POST', path: `/containers/${id}/wait`, query: { condition: bool(inv.flags, 'rm') ? 'removed' : 'next-exit' } });
  const start = api.request({ method: 'POST', path: `/containers/${id}/start` });
  if (isError(start)) {
    runError(io, daemonError(start));
    return startFailureCode(errorMessage(start));
  }
  if (!attach || !wait || isError(attach) || isError(wait)) return 0;
  const exit = settle(wait.body);
  drain(ctx, attach.body, (l, out) => writeLine(l, out));
  // a container that never stops by itself: the UI keeps following it; headless, the command is cut short
  if (exit === undefined) return ctx.follow ? 0 : 130;
  return exit.StatusCode;
}

/** `run -it`: the terminal joins the container's TTY before it starts (the shell draws its prompt then). */
function runInTerminal(ctx: CommandContext, id: string): number {
  const { api, io } = ctx;
  const attach = api.request({ method: 'POST', path: `/containers/${id}/attach`, query: { stream: '1', stdin: '1', stdout: '1', stderr: '1' } });
  if (isError(attach)) {
    runError(io, daemonError(attach));
    return 125;
  }
  const tty = attach.body as InteractiveStream;
  const start = api.request({ method: 'POST', path: `/containers/${id}/start` });
  if (isError(start)) {
    tty.close();
    runError(io, daemonError(start));
    return startFailureCode(errorMessage(start));
  }
  ctx.session!(relayTerminal(tty, 'quiet'));
  return 0;
}
