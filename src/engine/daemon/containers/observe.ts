// Looking at containers without changing them: logs, top and one-shot stats.
import type { Daemon } from '../daemon';
import { conflict, serverError } from '../errors';
import { HOST_CPUS, HOST_MEMORY } from '../system-info';
import { statusOf, type ContainerRecord, type LogLine } from './model';
import { processEntries, usage } from './processes';
import { containerFs } from './rootfs';
import { accountOf } from './system';

export interface LogsQuery {
  stdout: boolean;
  stderr: boolean;
  /** unix seconds (fractional allowed); 0 = no bound */
  since: number;
  until: number;
  /** number of lines from the end; undefined = all */
  tail?: number;
}

export function containerLogs(c: ContainerRecord, q: LogsQuery): LogLine[] {
  const status = statusOf(c.state);
  if (status === 'dead' || status === 'removing') throw conflict('can not get logs from container which is dead or marked for removal');
  const lines = c.logs.filter(
    (l) =>
      (l.stream === 'stdout' ? q.stdout : q.stderr) &&
      (q.since === 0 || l.t / 1000 >= q.since) &&
      (q.until === 0 || l.t / 1000 <= q.until),
  );
  return q.tail === undefined ? lines : q.tail === 0 ? [] : lines.slice(-q.tail);
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

interface Proc {
  pid: number;
  ppid: number;
  uid: number;
  started: number;
  argv: string[];
}

const hostUser = (p: Proc): string => (p.uid === 0 ? 'root' : String(p.uid));

/** procps column headers and values for `ps -o` fields the simulator can answer. */
const FIELDS: Record<string, [string, (p: Proc) => string]> = {
  pid: ['PID', (p) => String(p.pid)],
  ppid: ['PPID', (p) => String(p.ppid)],
  user: ['USER', hostUser],
  uid: ['UID', (p) => String(p.uid)],
  comm: ['COMMAND', (p) => p.argv[0]!.split('/').pop()!],
  args: ['COMMAND', (p) => p.argv.join(' ')],
  cmd: ['CMD', (p) => p.argv.join(' ')],
  time: ['TIME', () => '00:00:00'],
  tty: ['TT', () => '?'],
  stat: ['STAT', () => 'Ss'],
};

/** `ps` as the daemon runs it for `docker top` (default -ef), limited to the container's processes. */
function psTable(procs: Proc[], psArgs: string): { Titles: string[]; Processes: string[][] } {
  const o = /(?:^|\s)-o\s*(\S+)/.exec(psArgs);
  if (!o) {
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: procs.map((p) => [hostUser(p), String(p.pid), String(p.ppid), '0', hhmm(p.started), '?', '00:00:00', p.argv.join(' ')]),
    };
  }
  const cols = o[1]!.split(',').map((f): [string, (p: Proc) => string] => FIELDS[f] ?? [f.toUpperCase(), () => '-']);
  if (!cols.some(([title]) => title === 'PID')) throw serverError(`Couldn't find PID field in ps output`);
  return { Titles: cols.map(([t]) => t), Processes: procs.map((p) => cols.map(([, v]) => v(p))) };
}

/** `docker top`: the container's process table with host PIDs (processes.ts). */
export function containerTop(d: Daemon, c: ContainerRecord, psArgs: string) {
  const status = statusOf(c.state);
  if (status === 'restarting') throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  if (!c.state.Running || !c.process) throw conflict(`container ${c.id} is not running`);
  const shim = c.process.pid - 20;
  const entries = processEntries(d, c);
  const hostPidOf = new Map(entries.map((p) => [p.pid, p.hostPid]));
  const fs = containerFs(d, c);
  const procs = entries.map((p) => ({
    pid: p.hostPid,
    ppid: p.ppid === 0 ? shim : hostPidOf.get(p.ppid)!,
    // ps on the host names users from the host's passwd, which knows none of the container's but root
    uid: accountOf(p.userSpec, fs).uid,
    started: p.startedAt,
    argv: p.argv,
  }));
  return psTable(procs, psArgs);
}

/** One stats sample in the Engine API's shape (the CLI computes the percentages from it). */
export function containerStats(d: Daemon, c: ContainerRecord) {
  const running = c.state.Running && !c.state.Restarting && c.process !== null;
  const limit = running ? c.hostConfig.Memory || HOST_MEMORY : 0;
  const table = running ? usage(d, c) : { memory: 0, pids: 0 };
  const upSeconds = running ? Math.floor((d.now() - c.state.StartedAt) / 1000) : 0;
  // a container on a network receives a little broadcast traffic over time (as the reference shows)
  const rx = running && c.sandboxId ? 646 + upSeconds * 3 : 0;
  const read = new Date(d.now()).toISOString();
  const cpu = { cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 }, system_cpu_usage: 0, online_cpus: running ? HOST_CPUS : 0, throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 } };
  return {
    name: c.name,
    id: c.id,
    read,
    preread: running ? new Date(d.now() - 1000).toISOString() : '0001-01-01T00:00:00Z',
    pids_stats: running ? { current: table.pids, limit: c.hostConfig.PidsLimit ?? 0 } : {},
    blkio_stats: { io_service_bytes_recursive: running ? [] : null },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: cpu,
    precpu_stats: cpu,
    memory_stats: running ? { usage: table.memory, stats: { inactive_file: 0 }, limit } : {},
    ...(running && c.sandboxId ? { networks: { eth0: { rx_bytes: rx, rx_packets: Math.ceil(rx / 100), rx_errors: 0, rx_dropped: 0, tx_bytes: 0, tx_packets: 0, tx_errors: 0, tx_dropped: 0 } } } : {}),
  };
}
