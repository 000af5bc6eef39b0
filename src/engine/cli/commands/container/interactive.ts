// `-it` sessions need the interactive shell of the container runtime (a later issue). Headless (sim,
// tests) stdin is not a terminal, so docker's own answer applies; in the course's terminal, which can
// follow streams, the simulator says plainly that sessions are not there yet. Nothing is created.
import type { CommandContext } from '../../command';

const NOT_A_TTY = 'the input device is not a TTY\n';
const NOT_YET =
  'Interactive sessions (-it) are not available in the Dockhand simulator yet: they arrive with the container runtime.\n' +
  'Run the command without -it (for example `docker exec web ls`), or start the container with -d and look at it with logs, exec and inspect.\n';

export function refuseInteractive(ctx: CommandContext): number {
  ctx.io.err(ctx.follow ? NOT_YET : NOT_A_TTY);
  return 1;
}
