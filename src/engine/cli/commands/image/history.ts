// `docker history`: the daemon's history items as docker/cli formatter_history.go shows them.
import { isError } from '../../../api/http';
import type { HistoryItem } from '../../../daemon/images/views';
import type { CommandContext } from '../../command';
import { printList } from '../../format/list';
import { ellipsis, truncateId } from '../../format/text';
import { rfc3339Nano, timeAgo } from '../../format/time';
import { humanSizeWithPrecision } from '../../format/units';
import { daemonFailure, emptyIdError } from '../system/output';
import { platformError } from './platform';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
/** -H=false: the default table shows the creation date itself (formatter.nonHumanHistoryTableFormat) */
const NON_HUMAN_TABLE = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};
/** history shows N/A for anything created before 2000 (images with a zeroed timestamp) */
const Y2K_SECONDS = 946_684_800;

export function imageHistory(ctx: CommandContext): number {
  const { inv, io, api, clock } = ctx;
  const badPlatform = platformError((inv.flags.platform as string | undefined) ?? '');
  if (badPlatform) {
    io.err(`invalid platform: ${badPlatform}\n`);
    return 1;
  }
  const invalid = emptyIdError('image', inv.args[0]!);
  if (invalid) {
    io.err(invalid + '\n');
    return 1;
  }
  const res = api.request<HistoryItem[]>({
    method: 'GET',
    path: `/images/${encodeURIComponent(inv.args[0]!)}/history`,
  });
  if (isError(res)) return daemonFailure(io, res);
  const human = inv.flags.human !== false;
  const noTrunc = Boolean(inv.flags['no-trunc']);
  const items = res.body.map((h) => ({
    get ID() {
      return noTrunc || h.Id === '<missing>' ? h.Id : truncateId(h.Id);
    },
    get CreatedSince() {
      if (!human) return rfc3339Nano(h.Created * 1000);
      return h.Created <= Y2K_SECONDS ? 'N/A' : timeAgo(clock.now(), h.Created * 1000);
    },
    get CreatedAt() {
      return rfc3339Nano(h.Created * 1000);
    },
    get CreatedBy() {
      const by = h.CreatedBy.replace(/\t/g, ' ');
      return noTrunc ? by : ellipsis(by, 45);
    },
    get Size() {
      return human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size);
    },
    Comment: h.Comment,
  }));
  return printList(io, {
    format: inv.flags.format as string,
    defaultTable: human ? DEFAULT_TABLE : NON_HUMAN_TABLE,
    quiet: Boolean(inv.flags.quiet),
    items,
    header: HEADERS,
    typeName: '*formatter.historyContext',
  });
}
