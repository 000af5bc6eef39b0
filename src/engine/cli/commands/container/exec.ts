// `docker exec`: create the exec instance, start it attached (or detached with -d), replay its output,
// and exit with its exit code from GET /exec/{id}/json. With -it from a terminal, a shell's start
// upgrades to its TTY and the terminal gets the session.
import { isError } from '../../../api/http';
import type { ExecOutcome } from '../../../daemon/containers/exec';
import type { CommandContext } from '../../command';
import type { InteractiveStream } from '../../../engine';
import { refuseInteractive, relayTerminal } from './interactive';
import { bool, daemonError, list, str, writeLine } from './shared';

export function containerExec(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const [ref, ...cmd] = inv.args as [string, ...string[]];
  if (bool(inv.flags, 'interactive') && bool(inv.flags, 'tty') && !ctx.tty) return refuseInteractive(ctx);
  const detach = bool(inv.flags, 'detach');
  const created = api.request<{ Id: string }>({
    method: 'POST',
    path: `/containers/${encodeURIComponent(ref)}/exec`,
    body: { Cmd: cmd, User: str(inv.flags, 'user'), WorkingDir: str(inv.flags, 'workdir'), Env: list(inv.flags, 'env'), Tty: bool(inv.flags, 'tty'), AttachStdin: bool(inv.flags, 'interactive'), Detach: detach },
  });
  if (isError(created)) {
    io.err(daemonError(created) + '\n');
    return 1;
  }
  const id = created.body.Id;
  const started = api.request<ExecOutcome>({ method: 'POST', path: `/exec/${id}/start`, body: { Detach: detach, Tty: bool(inv.flags, 'tty') } });
  if (isError(started)) {
    io.err(daemonError(started) + '\n');
    return 1;
  }
  if (detach) return 0;
  if (started.status === 101) {
    ctx.session!(relayTerminal(started.body as unknown as InteractiveStream, 'reported'));
    return 0;
  }
  for (const l of started.body.output) writeLine(l, io);
  // a program that never ends by itself keeps the CLI waiting: headless, it ends as if interrupted
  if (started.body.running) return 130;
  const state = api.request<{ ExitCode: number | null }>({ method: 'GET', path: `/exec/${id}/json` });
  return isError(state) ? 1 : (state.body.ExitCode ?? 0);
}
