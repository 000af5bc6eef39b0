// `docker system df` (summary table, or `-v` per-object tables) and `docker system prune`, which is the
// CLI running each family's prune endpoint in turn and adding up the reclaimed space.
import { isError } from '../../../api/http';
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import type { ImagePruneReport } from '../../../daemon/images/prune';
import type { ImageSummary } from '../../../daemon/images/views';
import type { CommandContext } from '../../command';
import { printList } from '../../format/list';
import { tabwrite } from '../../format/table';
import { ellipsis, quoteGo, truncateId } from '../../format/text';
import { timeAgo } from '../../format/time';
import { humanSize, humanSizeWithPrecision } from '../../format/units';
import { splitRepoTag } from '../../../registry/reference';
import { deletedImagesBlock } from '../image/remove';
import { deletedNetworksBlock } from '../network';
import { deletedVolumesBlock } from '../volume';
import { daemonErrorLine, daemonFailure, declinePrompt } from './output';

interface DiskUsage {
  LayersSize: number;
  Images: (ImageSummary & { Containers: number; SharedSize: number })[];
  Containers: {
    Id: string;
    Names: string[];
    Image: string;
    Command: string;
    Created: number;
    State: string;
    Status: string;
    Mounts: { Type: string }[];
    SizeRw: number;
  }[];
  Volumes: { Name: string; UsageData: { Size: number; RefCount: number } }[];
  BuildCache: { ID: string; Type: string; Size: number; CreatedAt: string; LastUsedAt: string; UsageCount: number; InUse: boolean; Shared: boolean }[];
  BuilderSize: number;
}

const withPercent = (reclaimable: number, total: number) =>
  total > 0 ? `${humanSize(reclaimable)} (${Math.floor((reclaimable * 100) / total)}%)` : humanSize(reclaimable);

function summaryRows(du: DiskUsage) {
  const usedImages = du.Images.filter((i) => i.Containers > 0);
  const imageUsed = usedImages.reduce((n, i) => n + i.Size - i.SharedSize, 0);
  const running = du.Containers.filter((c) => c.State === 'running');
  const cSize = du.Containers.reduce((n, c) => n + c.SizeRw, 0);
  const cReclaim = du.Containers.filter((c) => c.State !== 'running').reduce((n, c) => n + c.SizeRw, 0);
  const vSize = du.Volumes.reduce((n, v) => n + v.UsageData.Size, 0);
  const vReclaim = du.Volumes.filter((v) => v.UsageData.RefCount === 0).reduce((n, v) => n + v.UsageData.Size, 0);
  return [
    {
      Type: 'Images',
      TotalCount: String(du.Images.length),
      Active: String(usedImages.length),
      Size: humanSize(du.LayersSize),
      Reclaimable: withPercent(du.LayersSize - imageUsed, du.LayersSize),
    },
    {
      Type: 'Containers',
      TotalCount: String(du.Containers.length),
      Active: String(running.length),
      Size: humanSize(cSize),
      Reclaimable: withPercent(cReclaim, cSize),
    },
    {
      Type: 'Local Volumes',
      TotalCount: String(du.Volumes.length),
      Active: String(du.Volumes.filter((v) => v.UsageData.RefCount > 0).length),
      Size: humanSize(vSize),
      Reclaimable: withPercent(vReclaim, vSize),
    },
    {
      // docker/cli formatter/disk_usage.go: shared records are the images' layers, counted there
      Type: 'Build Cache',
      TotalCount: String(du.BuildCache.length),
      Active: String(du.BuildCache.filter((b) => b.InUse).length),
      Size: humanSize(du.BuildCache.reduce((n, b) => n + (b.Shared ? 0 : b.Size), 0)),
      Reclaimable: humanSize(du.BuilderSize - du.BuildCache.reduce((n, b) => n + (b.InUse && !b.Shared ? b.Size : 0), 0)),
    },
  ];
}

function verbose(ctx: CommandContext, du: DiskUsage): string {
  const now = ctx.clock.now();
  // one row per image, named by its first tag only (formatter/disk_usage.go)
  const images = du.Images.map((img) => {
    const first = img.RepoTags[0];
    const { repo, tag } = first && first !== '<none>:<none>' ? splitRepoTag(first) : { repo: '<none>', tag: '<none>' };
    return [
      repo,
      tag,
      truncateId(img.Id),
      timeAgo(now, img.Created * 1000),
      humanSizeWithPrecision(img.Size, 3),
      humanSize(img.SharedSize),
      humanSize(img.Size - img.SharedSize),
      String(img.Containers),
    ];
  });
  const containers = du.Containers.map((c) => [
    truncateId(c.Id),
    c.Image,
    quoteGo(ellipsis(c.Command, 20)),
    String(c.Mounts.filter((m) => m.Type === 'volume').length),
    humanSize(c.SizeRw),
    timeAgo(now, c.Created * 1000),
    c.Status,
    c.Names.map((n) => n.slice(1)).join(','),
  ]);
  const volumes = du.Volumes.map((v) => [v.Name, String(v.UsageData.RefCount), humanSize(v.UsageData.Size)]);
  // formatter.buildCacheContext: a 12-character ID, `*` when in use
  const cache = du.BuildCache.map((b) => [
    b.ID.slice(0, 12) + (b.InUse ? '*' : ''),
    b.Type,
    humanSize(b.Size),
    timeAgo(now, Date.parse(b.CreatedAt)),
    timeAgo(now, Date.parse(b.LastUsedAt)),
    String(b.UsageCount),
    String(b.Shared),
  ]);
  const table = (header: string[], rows: string[][]) => tabwrite([header, ...rows]);
  return (
    'Images space usage:\n\n' +
    table(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], images) +
    '\nContainers space usage:\n\n' +
    table(['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], containers) +
    '\nLocal Volumes space usage:\n\n' +
    table(['VOLUME NAME', 'LINKS', 'SIZE'], volumes) +
    `\nBuild cache usage: ${humanSize(du.BuilderSize)}\n\n` +
    table(['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], cache)
  );
}

export function systemDf(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const res = api.request<DiskUsage>({ method: 'GET', path: '/system/df' });
  if (isError(res)) return daemonFailure(io, res);
  const format = (inv.flags.format as string) ?? '';
  if (inv.flags.verbose && format === '') {
    io.out(verbose(ctx, res.body));
    return 0;
  }
  return printList(io, {
    format,
    defaultTable: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}',
    items: summaryRows(res.body),
    header: { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' },
    typeName: '*formatter.diskUsageImagesContext',
  });
}

function pruneWarning(all: boolean, volumes: boolean): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ];
  return `WARNING! This will remove:\n${items.map((i) => `  - ${i}`).join('\n')}\n`;
}

/** One family's prune: the block it prints and the space it reclaimed, or the error line. */
type PruneStep = { text: string; space: number } | { error: string };

function post<T>(ctx: CommandContext, path: string, filters: Record<string, string[]>): T | { error: string } {
  const res = ctx.api.request<T>({ method: 'POST', path, query: { filters: encodeFilters(filters) } });
  return isError(res) ? { error: daemonErrorLine(res) } : res.body;
}

export function systemPrune(ctx: CommandContext): number {
  const { inv, io } = ctx;
  const all = Boolean(inv.flags.all);
  const withVolumes = Boolean(inv.flags.volumes);
  if (!inv.flags.force) return declinePrompt(io, pruneWarning(all, withVolumes));
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  const steps: (() => PruneStep)[] = [
    () => {
      const r = post<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>(ctx, '/containers/prune', filters);
      if ('error' in r) return r;
      const ids = r.ContainersDeleted ?? [];
      return { text: ids.length ? `Deleted Containers:\n${ids.join('\n')}\n\n` : '', space: r.SpaceReclaimed };
    },
    () => {
      const r = post<{ NetworksDeleted: string[] | null }>(ctx, '/networks/prune', filters);
      return 'error' in r ? r : { text: deletedNetworksBlock(r.NetworksDeleted), space: 0 };
    },
    ...(withVolumes
      ? [
          () => {
            const r = post<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>(ctx, '/volumes/prune', filters);
            return 'error' in r ? r : { text: deletedVolumesBlock(r.VolumesDeleted), space: r.SpaceReclaimed };
          },
        ]
      : []),
    () => {
      const r = post<ImagePruneReport>(ctx, '/images/prune', all ? { ...filters, dangling: ['false'] } : filters);
      return 'error' in r ? r : { text: deletedImagesBlock(r.ImagesDeleted), space: r.SpaceReclaimed };
    },
  ];
  let space = 0;
  for (const step of steps) {
    const r = step();
    if ('error' in r) {
      io.err(r.error + '\n');
      return 1;
    }
    io.out(r.text);
    space += r.space;
  }
  io.out(`Total reclaimed space: ${humanSize(space)}\n`);
  return 0;
}
