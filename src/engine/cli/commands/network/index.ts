// Handlers of the `docker network …` family.
import { encodeFilters, parseFilterFlags } from '../../../api/filters';
import { isError } from '../../../api/http';
import type { CommandContext, Handler } from '../../command';
import { goStruct } from '../../format/gofmt';
import { printList } from '../../format/list';
import { truncateId } from '../../format/text';
import { daemonErrorLine, daemonFailure, declinePrompt, emptyIdError, joinLabels, naturalLess, printInspect } from '../system/output';
import { contains, ipToNum, isIpv4, overlaps, parseCidr, type Cidr } from '../../../daemon/networks/ipam';
import { keyValues } from '../volume';

interface NetworkJson {
  Name: string;
  Id: string;
  Created: string;
  Driver: string;
  Scope: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  Internal: boolean;
  Labels: Record<string, string>;
}

/** CLI ≥ 28.1 ends a failed `network rm` with this line (cli.StatusError's Status) */
const EXIT_STATUS_LINE = 'exit status 1\n';

type IpamConfigBody = { Subnet: string; Gateway?: string; IPRange?: string };

/**
 * docker/cli consolidateIpam: pairs each --gateway and --ip-range with the --subnet that contains it,
 * with the CLI's own errors (they come before any request).
 */
export function consolidateIpam(subnets: string[], ranges: string[], gateways: string[]): IpamConfigBody[] | string {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    return 'every ip-range or gateway must have a corresponding subnet';
  }
  const parsed: Cidr[] = [];
  for (const sub of subnets) {
    const c = parseCidr(sub);
    if (!c && (ranges.length || gateways.length)) return `invalid subnet: invalid CIDR address: ${sub}`;
    if (c && parsed.some((p) => overlaps(p, c))) return 'multiple overlapping subnet configuration is not allowed';
    if (c) parsed.push(c);
  }
  const config: IpamConfigBody[] = subnets.map((Subnet) => ({ Subnet }));
  const owner = (addr: string) =>
    config.findIndex((cfg) => {
      const c = parseCidr(cfg.Subnet);
      return c !== undefined && isIpv4(addr) && contains(c, ipToNum(addr));
    });
  for (const r of ranges) {
    const i = owner(r.split('/')[0]!);
    if (i < 0) return `no matching subnet for range ${r}`;
    if (config[i]!.IPRange)
      return `cannot configure multiple ranges (${config[i]!.IPRange}, ${r}) on the same subnet (${config[i]!.Subnet})`;
    config[i]!.IPRange = r;
  }
  for (const g of gateways) {
    const i = owner(g);
    if (i < 0) return `no matching subnet for gateway ${g}`;
    if (config[i]!.Gateway)
      return `cannot configure multiple gateways (${config[i]!.Gateway}, ${g}) for the same subnet (${config[i]!.Subnet})`;
    config[i]!.Gateway = g;
  }
  return config;
}

function networkCreate(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const config = consolidateIpam(
    (inv.flags.subnet as string[]) ?? [],
    (inv.flags['ip-range'] as string[]) ?? [],
    (inv.flags.gateway as string[]) ?? [],
  );
  if (typeof config === 'string') {
    io.err(config + '\n');
    return 1;
  }
  const res = api.request<{ Id: string }>({
    method: 'POST',
    path: '/networks/create',
    body: {
      Name: inv.args[0],
      Driver: (inv.flags.driver as string) || 'bridge',
      Internal: Boolean(inv.flags.internal),
      Attachable: Boolean(inv.flags.attachable),
      IPAM: { Driver: 'default', Config: config, Options: {} },
      Options: keyValues(inv.flags.opt as string[]),
      Labels: keyValues(inv.flags.label as string[]),
    },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.out(res.body.Id + '\n');
  return 0;
}

function networkLs(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  const res = api.request<NetworkJson[]>({
    method: 'GET',
    path: '/networks',
    query: { filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  const noTrunc = Boolean(inv.flags['no-trunc']);
  const items = [...res.body]
    .sort((a, b) => naturalLess(a.Name, b.Name))
    .map((n) => ({
      get ID() {
        return noTrunc ? n.Id : truncateId(n.Id);
      },
      Name: n.Name,
      Driver: n.Driver,
      Scope: n.Scope,
      IPv4: String(n.EnableIPv4),
      IPv6: String(n.EnableIPv6),
      Internal: String(n.Internal),
      get Labels() {
        return joinLabels(n.Labels);
      },
      Label: (key: string) => n.Labels[key] ?? '',
      CreatedAt: n.Created,
    }));
  return printList(io, {
    format: inv.flags.format as string,
    defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
    quiet: Boolean(inv.flags.quiet),
    items,
    header: {
      ID: 'NETWORK ID',
      Name: 'NAME',
      Driver: 'DRIVER',
      Scope: 'SCOPE',
      IPv4: 'IPV4',
      IPv6: 'IPV6',
      Internal: 'INTERNAL',
      Labels: 'LABELS',
      CreatedAt: 'CREATED',
    },
    typeName: '*network.networkContext',
  });
}

type NetworkInspectJson = Record<string, unknown> & { IPAM: { Config: Record<string, unknown>[] } };

/** network.Inspect as the CLI decodes it: a struct, whose IPAMConfig entries have every field */
export const typedNetwork = (raw: NetworkInspectJson) =>
  goStruct('network.Inspect', {
    ...raw,
    IPAM: {
      ...raw.IPAM,
      Config: raw.IPAM.Config.map((c) => ({ Subnet: '', IPRange: '', Gateway: '', AuxAddress: null, ...c })),
    },
  });

function networkInspect(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const found: NetworkInspectJson[] = [];
  const errors: string[] = [];
  for (const name of inv.args) {
    const invalid = emptyIdError('network', name);
    if (invalid) {
      errors.push(invalid);
      continue;
    }
    const res = api.request<NetworkInspectJson>({ method: 'GET', path: `/networks/${encodeURIComponent(name)}` });
    if (isError(res)) errors.push(daemonErrorLine(res));
    else found.push(res.body);
  }
  return printInspect(io, found, errors, (inv.flags.format as string) ?? '', typedNetwork);
}

function networkRm(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  let failed = false;
  for (const name of inv.args) {
    const invalid = emptyIdError('network', name);
    if (invalid) {
      io.err(invalid + '\n');
      failed = true;
      continue;
    }
    const res = api.request({ method: 'DELETE', path: `/networks/${encodeURIComponent(name)}` });
    if (!isError(res)) io.out(name + '\n');
    else if (!(inv.flags.force && res.status === 404)) {
      io.err(daemonErrorLine(res) + '\n');
      failed = true;
    }
  }
  if (failed) io.err(EXIT_STATUS_LINE);
  return failed ? 1 : 0;
}

function networkConnect(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const [network, container] = inv.args as [string, string];
  const invalid = emptyIdError('network', network) ?? emptyIdError('container', container);
  if (invalid) {
    io.err(invalid + '\n');
    return 1;
  }
  const ip = inv.flags.ip as string | undefined;
  const res = api.request({
    method: 'POST',
    path: `/networks/${encodeURIComponent(network)}/connect`,
    body: {
      Container: container,
      EndpointConfig: {
        Aliases: (inv.flags.alias as string[]) ?? [],
        ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}),
      },
    },
  });
  if (isError(res)) return daemonFailure(io, res);
  return 0;
}

function networkDisconnect(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const [network, container] = inv.args as [string, string];
  const invalid = emptyIdError('network', network) ?? emptyIdError('container', container);
  if (invalid) {
    io.err(invalid + '\n');
    return 1;
  }
  const res = api.request({
    method: 'POST',
    path: `/networks/${encodeURIComponent(network)}/disconnect`,
    body: { Container: container, Force: Boolean(inv.flags.force) },
  });
  if (isError(res)) return daemonFailure(io, res);
  return 0;
}

/** The `Deleted Networks:` block of network prune and system prune ('' when nothing went). */
export const deletedNetworksBlock = (names: string[] | null): string =>
  names && names.length ? `Deleted Networks:\n${names.join('\n')}\n\n` : '';

const NETWORK_PRUNE_WARNING = 'WARNING! This will remove all custom networks not used by at least one container.';

function networkPrune(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  if (!inv.flags.force) return declinePrompt(io, NETWORK_PRUNE_WARNING);
  const filters = parseFilterFlags(inv.flags.filter as string[]);
  const res = api.request<{ NetworksDeleted: string[] | null }>({
    method: 'POST',
    path: '/networks/prune',
    query: { filters: encodeFilters(filters) },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.out(deletedNetworksBlock(res.body.NetworksDeleted));
  return 0;
}

export const handlers: Record<string, Handler> = {
  'network create': networkCreate,
  'network ls': networkLs,
  'network inspect': networkInspect,
  'network rm': networkRm,
  'network connect': networkConnect,
  'network disconnect': networkDisconnect,
  'network prune': networkPrune,
};
