// Handlers of the `docker volume …` family.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { CommandContext, Handler } from '../../command';
import { goStruct } from '../../format/gofmt';
import { printList } from '../../format/list';
import { humanSize } from '../../format/units';
import { daemonErrorLine, daemonFailure, declinePrompt, emptyIdError, joinLabels, naturalLess, printInspect } from '../system/output';

interface VolumeJson {
  CreatedAt: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: string;
}

/** `--label k=v` / `--opt k=v` lists → map (a bare key maps to '') */
export function keyValues(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** volume.Volume as the CLI decodes it: a struct (unknown fields are template errors) */
export const typedVolume = (raw: VolumeJson) => goStruct('volume.Volume', raw);

function volumeCreate(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const flagName = inv.flags.name as string | undefined;
  const argName = inv.args[0];
  if (flagName && argName && flagName !== argName) {
    io.err(`conflicting options: cannot specify a volume-name through both --name and as a positional arg\n`);
    return 1;
  }
  const res = api.request<VolumeJson>({
    method: 'POST',
    path: '/volumes/create',
    body: {
      Name: argName ?? flagName ?? '',
      Driver: (inv.flags.driver as string) || 'local',
      DriverOpts: keyValues(inv.flags.opt as string[]),
      Labels: keyValues(inv.flags.label as string[]),
    },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.out(res.body.Name + '\n');
  return 0;
}

function volumeLs(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  const res = api.request<{ Volumes: VolumeJson[] }>({
    method: 'GET',
    path: '/volumes',
    query: { filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  const items = [...res.body.Volumes]
    .sort((a, b) => naturalLess(a.Name, b.Name))
    .map((v) => ({
      Name: v.Name,
      Driver: v.Driver,
      Scope: v.Scope,
      Mountpoint: v.Mountpoint,
      get Labels() {
        return joinLabels(v.Labels);
      },
      Label: (key: string) => v.Labels?.[key] ?? '',
      Links: 'N/A',
      Size: 'N/A',
      // cluster-volume columns; always N/A for local volumes
      Group: 'N/A',
      Availability: 'N/A',
      Status: 'N/A',
    }));
  return printList(io, {
    format: inv.flags.format as string,
    defaultTable: 'table {{.Driver}}\t{{.Name}}',
    quiet: Boolean(inv.flags.quiet),
    quietFormat: '{{.Name}}',
    items,
    header: {
      Name: 'VOLUME NAME',
      Driver: 'DRIVER',
      Scope: 'SCOPE',
      Mountpoint: 'MOUNTPOINT',
      Labels: 'LABELS',
      Links: 'LINKS',
      Size: 'SIZE',
      Group: 'GROUP',
      Availability: 'AVAILABILITY',
      Status: 'STATUS',
    },
    typeName: '*formatter.volumeContext',
  });
}

function volumeInspect(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const found: VolumeJson[] = [];
  const errors: string[] = [];
  for (const name of inv.args) {
    const invalid = emptyIdError('volume', name);
    if (invalid) {
      errors.push(invalid);
      continue;
    }
    const res = api.request<VolumeJson>({ method: 'GET', path: `/volumes/${encodeURIComponent(name)}` });
    if (isError(res)) errors.push(daemonErrorLine(res));
    else found.push(res.body);
  }
  return printInspect(io, found, errors, (inv.flags.format as string) ?? '', typedVolume);
}

function volumeRm(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  let exit = 0;
  for (const name of inv.args) {
    const invalid = emptyIdError('volume', name);
    if (invalid) {
      io.err(invalid + '\n');
      exit = 1;
      continue;
    }
    const res = api.request({
      method: 'DELETE',
      path: `/volumes/${encodeURIComponent(name)}`,
      query: { force: inv.flags.force ? '1' : undefined },
    });
    if (isError(res)) {
      io.err(daemonErrorLine(res) + '\n');
      exit = 1;
    } else io.out(name + '\n');
  }
  return exit;
}

/** The `Deleted Volumes:` block of volume prune and system prune ('' when nothing went). */
export const deletedVolumesBlock = (names: string[] | null): string =>
  names && names.length ? `Deleted Volumes:\n${names.join('\n')}\n\n` : '';

const volumePruneWarning = (all: boolean) =>
  `WARNING! This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.`;

function volumePrune(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const all = Boolean(inv.flags.all);
  if (!inv.flags.force) return declinePrompt(io, volumePruneWarning(all));
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  if (all) filters.all = ['true'];
  const res = api.request<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>({
    method: 'POST',
    path: '/volumes/prune',
    query: { filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.out(deletedVolumesBlock(res.body.VolumesDeleted));
  io.out(`Total reclaimed space: ${humanSize(res.body.SpaceReclaimed)}\n`);
  return 0;
}

export const handlers: Record<string, Handler> = {
  'volume create': volumeCreate,
  'volume ls': volumeLs,
  'volume inspect': volumeInspect,
  'volume rm': volumeRm,
  'volume prune': volumePrune,
};
