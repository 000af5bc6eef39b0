// `docker pull` and `docker push`.
import { isError } from '../../../api/http';
import type { ProgressMessage } from '../../../daemon/images/pull';
import { familiarName, parseNormalizedNamed, type NamedRef } from '../../../registry/reference';
import type { CommandContext } from '../../command';
import { daemonErrorLine } from '../system/output';
import { printPull, progressLine } from './pull-progress';

/** The CLI validates the reference before calling the daemon (message printed bare, exit 1). */
function parseArg(ctx: CommandContext): NamedRef | undefined {
  try {
    return parseNormalizedNamed(ctx.inv.args[0]!);
  } catch (e) {
    ctx.io.err(`${(e as Error).message}\n`);
    return undefined;
  }
}

export function imagePull(ctx: CommandContext): number {
  const ref = parseArg(ctx);
  if (!ref) return 1;
  const quiet = Boolean(ctx.inv.flags.quiet);
  const allTags = Boolean(ctx.inv.flags['all-tags']);
  if (allTags && (ref.tag || ref.digest)) {
    ctx.io.err("tag can't be used with --all-tags/-a\n");
    return 1;
  }
  if (!ref.tag && !ref.digest && !allTags && !quiet) ctx.io.out('Using default tag: latest\n');
  const outcome = printPull(ctx.api, ref, (t) => ctx.io.out(t), quiet, allTags);
  if (!outcome.ok) {
    ctx.io.err(outcome.error + '\n');
    return 1;
  }
  ctx.io.out(outcome.reference + '\n');
  return 0;
}

export function imagePush(ctx: CommandContext): number {
  const ref = parseArg(ctx);
  if (!ref) return 1;
  const quiet = Boolean(ctx.inv.flags.quiet);
  const allTags = Boolean(ctx.inv.flags['all-tags']);
  if (allTags && ref.tag) {
    ctx.io.err("tag can't be used with --all-tags/-a\n");
    return 1;
  }
  if (!ref.tag && !allTags) ctx.io.out('Using default tag: latest\n');
  const res = ctx.api.request<ProgressMessage[]>({
    method: 'POST',
    path: `/images/${encodeURIComponent(familiarName(ref))}/push`,
    query: { tag: allTags ? undefined : (ref.tag ?? 'latest') },
  });
  if (isError(res)) {
    ctx.io.err(daemonErrorLine(res) + '\n');
    return 1;
  }
  for (const m of res.body) {
    if (m.error) {
      ctx.io.err(m.error + '\n');
      return 1;
    }
    if (!quiet) ctx.io.out(progressLine(m) + '\n');
  }
  if (quiet) ctx.io.out(`${ref.domain}/${ref.path}${allTags ? '' : `:${ref.tag ?? 'latest'}`}\n`);
  return 0;
}
