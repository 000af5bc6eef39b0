// top, stats --no-stream and port: views of running containers as docker/cli prints them.
import { isError } from '../../../api/http';
import type { PortMap } from '../../../daemon/containers/model';
import type { CommandContext } from '../../command';
import { printList } from '../../format/list';
import { joinHostPort } from '../../format/ports';
import { tabwrite } from '../../format/table';
import { truncateId } from '../../format/text';
import { bytesSize, humanSizeWithPrecision } from '../../format/units';
import { naturalLess } from '../system/output';
import type { ContainerSummary } from './ps';
import { bool, daemonError, str } from './shared';

export function containerTop(ctx: CommandContext): number {
  const res = ctx.api.request<{ Titles: string[]; Processes: string[][] }>({ method: 'GET', path: `/containers/${encodeURIComponent(ctx.inv.args[0]!)}/top`, query: { ps_args: ctx.inv.args.slice(1).join(' ') || undefined } });
  if (isError(res)) {
    ctx.io.err(daemonError(res) + '\n');
    return 1;
  }
  ctx.io.out(tabwrite([res.body.Titles, ...res.body.Processes], { minWidth: 20 }));
  return 0;
}

interface StatsSample {
  name: string;
  id: string;
  pids_stats: { current?: number };
  cpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number; online_cpus: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage: number };
  memory_stats: { usage?: number; limit?: number; stats?: { inactive_file?: number } };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats: { io_service_bytes_recursive: { op: string; value: number }[] | null };
}

const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const STATS_HEADERS = { Container: 'CONTAINER', ID: 'CONTAINER ID', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

/** docker/cli stats_helpers: the percentages and sums the table shows. */
function statsRow(typed: string, s: StatsSample, trunc: boolean) {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const sysDelta = s.cpu_stats.system_cpu_usage - s.precpu_stats.system_cpu_usage;
  const cpu = cpuDelta > 0 && sysDelta > 0 ? (cpuDelta / sysDelta) * s.cpu_stats.online_cpus * 100 : 0;
  const mem = (s.memory_stats.usage ?? 0) - (s.memory_stats.stats?.inactive_file ?? 0);
  const limit = s.memory_stats.limit ?? 0;
  const net = Object.values(s.networks ?? {}).reduce((a, n) => [a[0]! + n.rx_bytes, a[1]! + n.tx_bytes], [0, 0]);
  const blk = (op: string) => (s.blkio_stats.io_service_bytes_recursive ?? []).filter((e) => e.op.toLowerCase() === op).reduce((a, e) => a + e.value, 0);
  return {
    Container: typed,
    ID: trunc ? truncateId(s.id) : s.id,
    Name: s.name.replace(/^\//, ''),
    CPUPerc: `${cpu.toFixed(2)}%`,
    MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
    MemPerc: `${(limit ? (mem / limit) * 100 : 0).toFixed(2)}%`,
    NetIO: `${humanSizeWithPrecision(net[0]!, 3)} / ${humanSizeWithPrecision(net[1]!, 3)}`,
    BlockIO: `${humanSizeWithPrecision(blk('read'), 3)} / ${humanSizeWithPrecision(blk('write'), 3)}`,
    PIDs: String(s.pids_stats.current ?? 0),
  };
}

export function containerStats(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  let targets = inv.args;
  if (targets.length === 0) {
    const res = api.request<ContainerSummary[]>({ method: 'GET', path: '/containers/json', query: { all: bool(inv.flags, 'all') ? '1' : undefined } });
    if (isError(res)) {
      io.err(daemonError(res) + '\n');
      return 1;
    }
    targets = res.body.map((c) => c.Id);
  }
  const rows = [];
  for (const ref of targets) {
    const res = api.request<StatsSample>({ method: 'GET', path: `/containers/${encodeURIComponent(ref)}/stats`, query: { stream: 'false' } });
    if (isError(res)) {
      io.err(daemonError(res) + '\n');
      return 1;
    }
    rows.push(statsRow(ref, res.body, !bool(inv.flags, 'no-trunc')));
  }
  return printList(io, { format: str(inv.flags, 'format'), defaultTable: STATS_TABLE, items: rows, header: STATS_HEADERS, typeName: '*formatter.statsContext' });
}

export function containerPort(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const [ref, wanted] = inv.args as [string, string | undefined];
  const res = api.request<{ NetworkSettings: { Ports: Record<string, PortMap[string] | null> } }>({ method: 'GET', path: `/containers/${encodeURIComponent(ref)}/json` });
  if (isError(res)) {
    io.err(daemonError(res) + '\n');
    return 1;
  }
  const ports = res.body.NetworkSettings.Ports;
  if (wanted !== undefined) {
    const [port, proto = 'tcp'] = wanted.split('/');
    if (!/^\d+$/.test(port!) || Number(port) > 65535) {
      io.err(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${/^\d+$/.test(port!) ? 'value out of range' : 'invalid syntax'}\n`);
      return 1;
    }
    const bindings = ports[`${port}/${proto}`] ?? [];
    if (bindings.length === 0) {
      io.err(`Error: No public port '${wanted}' published for ${ref}\n`);
      return 1;
    }
    for (const b of bindings) io.out(joinHostPort(b.HostIp, b.HostPort) + '\n');
    return 0;
  }
  // exposed ports that are not published map to null
  const lines = Object.entries(ports).flatMap(([key, bs]) => (bs ?? []).map((b) => `${key} -> ${joinHostPort(b.HostIp, b.HostPort)}`));
  for (const l of lines.sort(naturalLess)) io.out(l + '\n');
  return 0;
}
