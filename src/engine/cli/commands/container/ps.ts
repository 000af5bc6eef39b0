// `docker ps` / `docker container ls`: the daemon's summaries through docker/cli's ContainerContext
// (formatter/container.go): truncated IDs and commands, relative times, ports, names.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { MountPoint } from '../../../daemon/containers/model';
import type { CommandContext } from '../../command';
import { goStruct } from '../../format/gofmt';
import { printList } from '../../format/list';
import { GoTemplate, TemplateError } from '../../format/template';
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

/** Per-command memo of a pure formatter: a thousand rows share a handful of images, commands and ages. */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const seen = new Map<K, V>();
  return (k) => {
    let v = seen.get(k);
    if (v === undefined && !seen.has(k)) seen.set(k, (v = f(k)));
    return v as V;
  };
}

/** The rows of `docker ps`, as plain values: each formatter is memoised across the rows of one listing. */
function rows(list: ContainerSummary[], now: number, trunc: boolean) {
  const image = memo((ref: string) => (trunc ? shortImage(ref) : ref));
  const command = memo((cmd: string) => quoteGo(trunc ? ellipsis(cmd, 20) : cmd));
  const createdAt = memo(goTimeString);
  const runningFor = memo((created: number) => timeAgo(now, created * 1000));
  const size = memo((sizes: string) => {
    const [rw, rootFs] = sizes.split(' ').map(Number) as [number, number];
    const shown = humanSizeWithPrecision(rw, 3);
    return rootFs ? `${shown} (virtual ${humanSizeWithPrecision(rootFs, 3)})` : shown;
  });
  return list.map((c) => {
    const names = c.Names.map((n) => n.slice(1));
    return {
      ID: trunc ? truncateId(c.Id) : c.Id,
      Image: image(c.Image),
      Command: command(c.Command),
      CreatedAt: createdAt(c.Created),
      RunningFor: runningFor(c.Created),
      Ports: c.Ports.length ? displayablePorts(c.Ports) : '',
      State: c.State,
      Status: c.Status,
      Size: size(`${c.SizeRw ?? 0} ${c.SizeRootFs ?? 0}`),
      Names: (trunc ? names.filter((n) => !n.includes('/')) : names).join(','),
      Labels: Object.entries(c.Labels).map(([k, v]) => `${k}=${v}`).join(','),
      Mounts: c.Mounts.map((m) => (trunc ? ellipsis(m.Name ?? m.Source, 15) : (m.Name ?? m.Source))).join(','),
      Networks: Object.keys(c.NetworkSettings.Networks).join(','),
      LocalVolumes: String(c.Mounts.filter((m) => m.Driver === 'local').length),
      /** the image manifest's platform: only set by the containerd image store */
      Platform: null,
      Label(key: string) {
        return c.Labels[key] ?? '';
      },
    };
  });
}

const TYPE_NAME = '*formatter.ContainerContext';

const EMPTY_SUMMARY: ContainerSummary = {
  Id: '',
  Names: [],
  Image: '',
  Command: '',
  Created: 0,
  Ports: [],
  Labels: {},
  State: '',
  Status: '',
  NetworkSettings: { Networks: {} },
  Mounts: [],
};

/**
 * docker ps checks --format before asking the daemon (buildContainerListOptions): it parses the template
 * and runs it once on an empty ContainerContext, which also records whether it reads `.Size`
 * (`{{json .}}` reads every field) so that sizes are only computed when shown.
 */
export function probePsFormat(format: string, now: number): { error?: string; usesSize: boolean } {
  let usesSize = false;
  const probe = Object.defineProperty(rows([EMPTY_SUMMARY], now, true)[0]!, 'Size', {
    enumerable: true,
    get: () => {
      usesSize = true;
      return '0B';
    },
  });
  let step = 'parse';
  try {
    const tmpl = GoTemplate.parse(format);
    step = 'execute';
    tmpl.execute(goStruct(TYPE_NAME, probe, { marshalAsMap: true }));
  } catch (e) {
    if (e instanceof TemplateError) return { error: `failed to ${step} template: ${e.message}`, usesSize };
    throw e;
  }
  return { usesSize };
}

export function containerLs(ctx: CommandContext): number {
  const { inv, api, io, clock } = ctx;
  const filters = parseFilterFlags(list(inv.flags, 'filter'));
  const quiet = bool(inv.flags, 'quiet');
  let format = str(inv.flags, 'format');
  let size = bool(inv.flags, 'size');
  if (format !== '') {
    if (quiet) io.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    const probe = probePsFormat(format, clock.now());
    if (probe.error) {
      io.err(probe.error + '\n');
      return 1;
    }
    if (!quiet && !inv.changed.has('size')) size ||= probe.usesSize;
    if (quiet) format = '';
  }
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
  return printList(io, {
    format,
    defaultTable: bool(inv.flags, 'size') ? DEFAULT_TABLE + '\t{{.Size}}' : DEFAULT_TABLE,
    quiet,
    items: rows(res.body, now, trunc),
    header: CONTAINER_HEADERS,
    typeName: TYPE_NAME,
  });
}
