// `docker images` / `docker image ls`: the daemon's summaries become one row per repository:tag (and
// per digest with --digests), as docker/cli formatter/image.go lays them out.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { ImageSummary } from '../../../daemon/images/views';
import { parseNormalizedNamed, splitRepoTag } from '../../../registry/reference';
import type { CommandContext } from '../../command';
import { printList } from '../../format/list';
import { truncateId } from '../../format/text';
import { timeAgo } from '../../format/time';
import { humanSize, humanSizeWithPrecision } from '../../format/units';
import { daemonFailure } from '../system/output';

const DEFAULT_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const DIGESTS_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

const IMAGE_HEADERS = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'VIRTUAL SIZE',
};

/** Commands a learner might type after `docker images` by mistake (printAmbiguousHint). */
const AMBIGUOUS = [
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
];

/** Go's time.Time.String() for a Unix-seconds timestamp in UTC. */
export const goTimeString = (sec: number): string =>
  new Date(sec * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' +0000 UTC');

interface Row {
  repo: string;
  tag: string;
  digest: string;
}

/** formatter.imageFormatTaggedAndDigest: tags grouped by repository, digest-only repositories after. */
export function imageRows(img: ImageSummary, withDigests: boolean): Row[] {
  if (img.RepoTags.length === 0 && img.RepoDigests.length === 0)
    return [{ repo: '<none>', tag: '<none>', digest: '<none>' }];
  const tags = new Map<string, string[]>();
  const digests = new Map<string, string[]>();
  for (const t of img.RepoTags) {
    const { repo, tag } = splitRepoTag(t);
    tags.set(repo, [...(tags.get(repo) ?? []), tag]);
  }
  for (const d of img.RepoDigests) {
    const { repo, tag } = splitRepoTag(d);
    digests.set(repo, [...(digests.get(repo) ?? []), tag]);
  }
  const rows: Row[] = [];
  for (const [repo, ts] of tags) {
    const ds = withDigests ? (digests.get(repo) ?? []) : [];
    digests.delete(repo);
    for (const tag of ts) {
      if (ds.length === 0) rows.push({ repo, tag, digest: '<none>' });
      for (const digest of ds) rows.push({ repo, tag, digest });
    }
  }
  for (const [repo, ds] of digests) {
    if (withDigests) for (const digest of ds) rows.push({ repo, tag: '<none>', digest });
    else rows.push({ repo, tag: '<none>', digest: '' });
  }
  return rows;
}

export function imageLs(ctx: CommandContext): number {
  const { inv, io, api, clock } = ctx;
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  const typed = inv.args[0];
  if (typed !== undefined) {
    try {
      parseNormalizedNamed(typed);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 1;
    }
    (filters.reference ??= []).push(typed);
  }
  const res = api.request<ImageSummary[]>({
    method: 'GET',
    path: '/images/json',
    query: { all: inv.flags.all ? '1' : undefined, filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  const noTrunc = Boolean(inv.flags['no-trunc']);
  const withDigests = Boolean(inv.flags.digests);
  const now = clock.now();
  const items = res.body.flatMap((img) =>
    imageRows(img, withDigests).map((r) => ({
      Repository: r.repo,
      Tag: r.tag,
      Digest: r.digest,
      get ID() {
        return noTrunc ? img.Id : truncateId(img.Id);
      },
      get CreatedSince() {
        return timeAgo(now, img.Created * 1000);
      },
      get CreatedAt() {
        return goTimeString(img.Created);
      },
      get Size() {
        return humanSizeWithPrecision(img.Size, 3);
      },
      get Containers() {
        return img.Containers === -1 ? 'N/A' : String(img.Containers);
      },
      get SharedSize() {
        return img.SharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.SharedSize, 3);
      },
      get UniqueSize() {
        return img.SharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.Size - img.SharedSize, 3);
      },
      get VirtualSize() {
        return humanSize(img.Size);
      },
    })),
  );
  const code = printList(io, {
    format: inv.flags.format as string,
    defaultTable: withDigests ? DIGESTS_TABLE : DEFAULT_TABLE,
    quiet: Boolean(inv.flags.quiet),
    items,
    header: IMAGE_HEADERS,
    typeName: '*formatter.imageContext',
  });
  if (code) return code;
  if (typed !== undefined && items.length === 0 && AMBIGUOUS.includes(typed)) {
    io.err(`\nNo images found matching "${typed}": did you mean "docker image ${typed}"?\n`);
  }
  return 0;
}
