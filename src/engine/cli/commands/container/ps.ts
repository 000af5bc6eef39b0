// `docker ps` / `docker container ls`: the daemon's summaries through docker/cli's ContainerContext
// (formatter/container.go): truncated IDs and commands, relative times, ports, names.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { MountPoint } from '../../../daemon/containers/model';
import type { CommandContext } from '../../command';
import { formatList } from '../../format/list';
import { displayablePorts, type PortSummary } from '../../format/ports';
import { ellipsis, quoteGo, truncateId } from '../../format/text';
import { timeAgo } from '../../format/time';
import { humanSizeWithPrecision } from '../../format/units';
import { familiarString, parseNormalizedNamed } from '../../../registry/reference';
import { goTimeString } from '../image/list';
import { bool, daemonError, list, num, str } from './shared';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
};

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  Command: string;
  Created: number;
  Ports: PortSummary[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: string;
  Status: string;
  NetworkSettings: { Networks: Record<string, unknown> };
  Mounts: MountPoint[];
}

/** ContainerContext.Image when truncating: an ID shortened, a reference in its familiar form, no digest. */
function shortImage(image: string): string {
  if (image.startsWith('sha256:')) return truncateId(image);
  try {
    return familiarString({ ...parseNormalizedNamed(image), digest: undefined });
  } catch {
    return image;
  }
}

/** One row of `docker ps`, fields computed only when the template asks for them. */
function row(c: ContainerSummary, now: number, trunc: boolean) {
  return {
    get ID() {
      return trunc ? truncateId(c.Id) : c.Id;
    },
    get Image() {
      return trunc ? shortImage(c.Image) : c.Image;
    },
    get Command() {
      return quoteGo(trunc ? ellipsis(c.Command, 20) : c.Command);
    },
    get CreatedAt() {
      return goTimeString(c.Created);
    },
    get RunningFor() {
      return timeAgo(now, c.Created * 1000);
    },
    get Ports() {
      return displayablePorts(c.Ports);
    },
    get State() {
      return c.State;
    },
    get Status() {
      return c.Status;
    },
    get Size() {
      const rw = humanSizeWithPrecision(c.SizeRw ?? 0, 3);
      return c.SizeRootFs ? `${rw} (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})` : rw;
    },
    get Names() {
      const names = c.Names.map((n) => n.slice(1));
      return (trunc ? names.filter((n) => !n.includes('/')) : names).join(',');
    },
    get Labels() {
      return Object.entries(c.Labels).map(([k, v]) => `${k}=${v}`).join(',');
    },
    get Mounts() {
      return c.Mounts.map((m) => (trunc ? ellipsis(m.Name ?? m.Source, 15) : (m.Name ?? m.Source))).join(',');
    },
    get Networks() {
      return Object.keys(c.NetworkSettings.Networks).join(',');
    },
    get LocalVolumes() {
      return String(c.Mounts.filter((m) => m.Driver === 'local').length);
    },
    /** the image manifest's platform: only set by the containerd image store */
    Platform: null,
    Label: (key: string) => c.Labels[key] ?? '',
  };
}

export function containerLs(ctx: CommandContext): number {
  const { inv, api, io, clock } = ctx;
  const filters = parseFilterFlags(list(inv.flags, 'filter'));
  const format = str(inv.flags, 'format');
  // docker renders the template once to see whether it touches .Size ({{json .}} touches everything)
  const size = bool(inv.flags, 'size') || format.includes('.Size') || /\{\{-?\s*json\s+\.\s*-?\}\}/.test(format);
  const limit = bool(inv.flags, 'latest') ? 1 : inv.changed.has('last') ? num(inv.flags, 'last') : -1;
  const res = api.request<ContainerSummary[]>({
    method: 'GET',
    path: '/containers/json',
    query: { all: bool(inv.flags, 'all') ? '1' : undefined, limit: limit > 0 ? String(limit) : undefined, size: size ? '1' : undefined, filters: encodeFilters(filters) },
  });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  const now = clock.now();
  const trunc = !bool(inv.flags, 'no-trunc');
  const result = formatList({
    format,
    defaultTable: bool(inv.flags, 'size') ? DEFAULT_TABLE + '\t{{.Size}}' : DEFAULT_TABLE,
    quiet: bool(inv.flags, 'quiet'),
    items: res.body.map((c) => row(c, now, trunc)),
    header: CONTAINER_HEADERS,
    typeName: '*formatter.ContainerContext',
  });
  io.out(result.out);
  if (result.error) {
    io.err(result.error + '\n');
    return 1;
  }
  return 0;
}
