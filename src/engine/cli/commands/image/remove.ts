// `docker rmi` / `docker image rm` and `docker image prune`.
import { isError } from '../../../api/http';
import type { ImagePruneReport } from '../../../daemon/images/prune';
import type { DeleteRecord } from '../../../daemon/images/remove';
import type { CommandContext } from '../../command';
import { humanSize } from '../../format/units';
import { parseFilterFlags, encodeFilters } from '../../../api/filters';
import { daemonErrorLine, daemonFailure, declinePrompt, emptyIdError } from '../system/output';
import { platformError } from './platform';

export function imageRm(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  // --platform is a list here (strings): each one parsed, the first failure reported
  const badPlatform = ((inv.flags.platform as string[] | undefined) ?? []).map(platformError).find((e) => e !== undefined);
  if (badPlatform) {
    io.err(badPlatform + '\n');
    return 1;
  }
  let exit = 0;
  for (const name of inv.args) {
    const invalid = emptyIdError('image', name);
    if (invalid) {
      io.err(invalid + '\n');
      exit = 1;
      continue;
    }
    const res = api.request<DeleteRecord[]>({
      method: 'DELETE',
      path: `/images/${encodeURIComponent(name)}`,
      query: { force: inv.flags.force ? '1' : undefined, noprune: inv.flags['no-prune'] ? '1' : undefined },
    });
    if (isError(res)) {
      io.err(daemonErrorLine(res) + '\n');
      exit = 1;
      continue;
    }
    for (const r of res.body) io.out('Untagged' in r ? `Untagged: ${r.Untagged}\n` : `Deleted: ${r.Deleted}\n`);
  }
  return exit;
}

/** The `Deleted Images:` block of image prune and system prune ('' when nothing went). */
export function deletedImagesBlock(records: DeleteRecord[] | null): string {
  if (!records || records.length === 0) return '';
  const lines = records.map((r) => ('Untagged' in r ? `untagged: ${r.Untagged}` : `deleted: ${r.Deleted}`));
  return `Deleted Images:\n${lines.join('\n')}\n\n`;
}

const IMAGE_PRUNE_WARNING = {
  dangling: 'WARNING! This will remove all dangling images.',
  all: 'WARNING! This will remove all images without at least one container associated to them.',
};

export function imagePrune(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const all = Boolean(inv.flags.all);
  if (!inv.flags.force) return declinePrompt(io, all ? IMAGE_PRUNE_WARNING.all : IMAGE_PRUNE_WARNING.dangling);
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  if (all) filters.dangling = ['false'];
  const res = api.request<ImagePruneReport>({
    method: 'POST',
    path: '/images/prune',
    query: { filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.out(deletedImagesBlock(res.body.ImagesDeleted));
  io.out(`Total reclaimed space: ${humanSize(res.body.SpaceReclaimed)}\n`);
  return 0;
}
