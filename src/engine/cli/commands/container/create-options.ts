// `docker run` / `docker create` flags → the Engine API create request, with the CLI-side validation
// errors of docker/cli's opts package (parse.go, opts/*.go). Errors are returned, not thrown: the
// handler prints them with its own prefix and exit code.
import type { CreateBody } from '../../../daemon/containers/create';
import type { PortMap, RestartPolicy } from '../../../daemon/containers/model';
import type { FlagValue, HostFolder, Invocation } from '../../command';
import { resolvePath } from '../../../fs/types';
import { isIP } from '../../flag-validators';
import { parseMountOpt } from '../../mount-opt';
import { bool, list, str } from './shared';

export class OptionError extends Error {}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** go-units RAMInBytes: "512m", "1g", "1024" (binary units). */
export function ramInBytes(v: FlagValue | undefined): number {
  if (v === undefined || v === '' || v === 0) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)i?b?$/i.exec(String(v));
  if (!m) throw new OptionError(`invalid size: '${v}'`);
  return Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
}

const PORT_RE = /^\d+(-\d+)?$/;

function portRange(s: string, what: string): number[] {
  if (!PORT_RE.test(s)) throw new OptionError(`invalid ${what}: ${s}`);
  const [a, b = a] = s.split('-').map(Number);
  if (a! > 65535 || b! > 65535) throw new OptionError(`invalid ${what}: ${s}`);
  if (b! < a!) throw new OptionError(`invalid range specified for ${what}: ${s}`);
  return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
}

/** strconv.ParseUint(s, 10, 16) with Go's error text */
function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  if (Number(s) > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(s);
}

/** nat.ParsePortRange: "80" or "8000-8010" */
function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  if (!ports.includes('-')) {
    const p = parseUint16(ports);
    return [p, p];
  }
  const [a = '', b = ''] = ports.split('-');
  const start = parseUint16(a);
  const end = parseUint16(b);
  if (end < start) throw new Error(`invalid range specified for port: ${ports}`);
  return [start, end];
}

/** One --expose value (cli opts/parse.go): <port>[/<proto>] or <start>-<end>[/<proto>] → "port/proto" keys. */
function exposedPorts(e: string): string[] {
  if (e.includes(':')) throw new OptionError(`invalid port format for --expose: ${e}`);
  // nat.SplitProtoPort
  const parts = e.split('/');
  const [proto, port] = e === '' || parts[0] === '' ? ['', ''] : parts.length === 1 || parts[1] === '' ? ['tcp', parts[0]!] : [parts[1]!, parts[0]!];
  let range: [number, number];
  try {
    range = parsePortRange(port);
  } catch (err) {
    throw new OptionError(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
  }
  return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => `${range[0] + i}/${proto}`);
}

/**
 * The CLI's own check of a `-v` value (compose loader.ParseVolume, as CLI 28 behaves): sections split at
 * colons must not be empty, except that a lone letter before a colon is a Windows drive ("c:").
 */
function checkVolumeSpec(spec: string): void {
  if (spec === '') throw new OptionError('invalid empty volume spec');
  if (spec.length <= 2) return;
  let buffer = '';
  for (const ch of spec + '\0') {
    if (ch === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) buffer += ch;
    else if (ch === ':' || ch === '\0') {
      if (buffer === '') throw new OptionError(`invalid spec: ${spec}: empty section between colons`);
      buffer = '';
    } else buffer += ch;
  }
}

/** nat.ParsePortSpec: [ip:][hostPort:]containerPort[/proto]. */
function parsePublish(spec: string, bindings: PortMap, exposed: Record<string, Record<string, never>>): void {
  let rest = spec;
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new OptionError(`invalid proto: ${proto}`);
  }
  let ip = '';
  const v6 = /^\[([0-9a-fA-F:]+)\]:(.*)$/.exec(rest);
  if (v6) {
    ip = v6[1]!;
    rest = v6[2]!;
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) ip = parts.shift()!;
  if (parts.length > 2) throw new OptionError(`invalid port format: ${spec}`);
  if (ip !== '' && !isIP(ip)) throw new OptionError(`invalid IP address: ${ip}`);
  const containerPart = parts[parts.length - 1]!;
  const hostPart = parts.length === 2 ? parts[0]! : '';
  const cports = portRange(containerPart, 'containerPort');
  const hports = hostPart === '' ? [] : portRange(hostPart, 'hostPort');
  if (hports.length > 1 && hports.length !== cports.length) {
    throw new OptionError(`invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`);
  }
  cports.forEach((p, i) => {
    const key = `${p}/${proto}`;
    exposed[key] = {};
    const hostPort = hports.length === 0 ? '' : hports.length === 1 && cports.length > 1 ? `${hostPart}` : String(hports[i]);
    (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
  });
}

/** strings.Cut of each value at `sep` → map (`--tmpfs /run:size=64k`, `--log-opt k=v`) */
const cutMap = (values: string[], sep: string): Record<string, string> =>
  Object.fromEntries(values.map((v) => (v.includes(sep) ? [v.slice(0, v.indexOf(sep)), v.slice(v.indexOf(sep) + sep.length)] : [v, ''])));

/** The CLI normalises capabilities: upper case with the CAP_ prefix ("ALL" stays). */
const capability = (c: string) => (c.toUpperCase() === 'ALL' ? 'ALL' : 'CAP_' + c.toUpperCase().replace(/^CAP_/, ''));

/** opts.ParseRestartPolicy: the name is checked by the daemon, the count by the CLI. */
function parseRestart(s: string): RestartPolicy {
  if (s === '') return { Name: 'no', MaximumRetryCount: 0 };
  const [name, count] = s.split(':');
  if (count !== undefined) {
    if (!/^-?\d+$/.test(count)) throw new OptionError('invalid restart policy format: maximum retry count must be an integer');
    return { Name: name as RestartPolicy['Name'], MaximumRetryCount: Number(count) };
  }
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: 0 };
}

/**
 * `--env-file` / `--label-file` from the host folder (docker/cli opts.ParseEnvFile): `#` comments and
 * blank lines skipped, `KEY=value` kept as written; a bare `KEY` takes the client's environment for env
 * files (the simulated client has none: dropped) and stays an empty label in label files.
 */
function readKvFiles(host: HostFolder | undefined, files: string[], env: boolean): string[] {
  const out: string[] = [];
  for (const f of files) {
    const path = host ? resolvePath(host.cwd, f) : f;
    let text: string;
    try {
      if (!host) throw new Error();
      text = f === '/dev/null' ? '' : host.fs.readFile(path);
    } catch {
      if (f === '/dev/null') continue;
      throw new OptionError(`open ${f}: no such file or directory`);
    }
    for (const raw of text.split('\n')) {
      const line = raw.replace(/^[ \t\n\v\f\r]+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const [key] = line.split('=', 1);
      if (/[ \t\n\v\f\r]/.test(key!)) throw new OptionError(`variable '${key!.replace(/[ \t\n\v\f\r]+$/, '')}' contains whitespaces`);
      if (line.includes('=')) out.push(line);
      else if (!env) out.push(line);
    }
  }
  return out;
}

export interface CreateRequest {
  name: string;
  body: CreateBody;
}

/** Builds the create request from the parsed flags and positionals (IMAGE [COMMAND] [ARG...]). */
export function buildCreateRequest(inv: Invocation, detached: boolean, host?: HostFolder): CreateRequest {
  const { flags, changed } = inv;
  const [image, ...cmd] = inv.args;
  const bindings: PortMap = {};
  const exposed: Record<string, Record<string, never>> = {};
  for (const spec of list(flags, 'publish')) parsePublish(spec, bindings, exposed);
  for (const e of list(flags, 'expose')) for (const key of exposedPorts(e)) exposed[key] = {};
  const envFromFiles = readKvFiles(host, list(flags, 'env-file'), true);
  const labelsFromFiles = readKvFiles(host, list(flags, 'label-file'), false);
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const v of list(flags, 'volume')) {
    checkVolumeSpec(v);
    if (v.includes(':')) binds.push(v);
    else volumes[v] = {};
  }
  const labels: Record<string, string> = {};
  for (const l of [...labelsFromFiles, ...list(flags, 'label')]) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const interactive = bool(flags, 'interactive');
  const restart = parseRestart(str(flags, 'restart'));
  if (bool(flags, 'rm') && restart.Name !== 'no') throw new OptionError('conflicting options: cannot specify both --restart and --rm');
  // the first --network is the container's NetworkMode; aliases and --ip apply to it
  const [network = '', ...moreNetworks] = list(flags, 'network');
  const aliases = list(flags, 'network-alias');
  const ip = str(flags, 'ip');
  const endpoints: Record<string, { Aliases: string[]; IPAMConfig?: { IPv4Address: string } }> = {};
  if (network && (aliases.length || ip)) endpoints[network] = { Aliases: aliases, ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}) };
  for (const n of moreNetworks) endpoints[n] = { Aliases: [] };
  const entrypoint = flags['entrypoint'] !== undefined && str(flags, 'entrypoint') !== '' ? [str(flags, 'entrypoint')] : undefined;
  const cpus = Number(flags['cpus'] ?? 0);
  const body: CreateBody = {
    Hostname: str(flags, 'hostname'),
    User: str(flags, 'user'),
    AttachStdin: interactive && !detached,
    AttachStdout: !detached,
    AttachStderr: !detached,
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    Tty: bool(flags, 'tty'),
    OpenStdin: interactive,
    StdinOnce: interactive && !detached,
    // `-e NAME` takes the value from the (simulated, empty) client environment: dropped
    Env: [...envFromFiles, ...list(flags, 'env').filter((e) => e.includes('='))],
    Cmd: cmd.length ? cmd : null,
    Image: image!,
    ...(Object.keys(volumes).length ? { Volumes: volumes } : {}),
    WorkingDir: str(flags, 'workdir'),
    ...(entrypoint ? { Entrypoint: entrypoint } : {}),
    Labels: labels,
    ...(str(flags, 'stop-signal') ? { StopSignal: str(flags, 'stop-signal') } : {}),
    ...(changed.has('stop-timeout') ? { StopTimeout: Number(flags['stop-timeout']) } : {}),
    HostConfig: {
      Binds: binds,
      NetworkMode: network || 'default',
      PortBindings: bindings,
      RestartPolicy: restart,
      AutoRemove: bool(flags, 'rm'),
      PublishAllPorts: bool(flags, 'publish-all'),
      Privileged: bool(flags, 'privileged'),
      ReadonlyRootfs: bool(flags, 'read-only'),
      CapAdd: list(flags, 'cap-add').map(capability),
      CapDrop: list(flags, 'cap-drop').map(capability),
      Dns: list(flags, 'dns'),
      DnsOptions: list(flags, 'dns-option'),
      DnsSearch: list(flags, 'dns-search'),
      ExtraHosts: list(flags, 'add-host'),
      ShmSize: ramInBytes(flags['shm-size']),
      // already checked by the flag parser (opts.MountOpt)
      Mounts: list(flags, 'mount').map(parseMountOpt),
      ...(list(flags, 'tmpfs').length ? { Tmpfs: cutMap(list(flags, 'tmpfs'), ':') } : {}),
      ...(list(flags, 'volumes-from').length ? { VolumesFrom: list(flags, 'volumes-from') } : {}),
      Init: bool(flags, 'init') ? true : null,
      Memory: ramInBytes(flags['memory']),
      MemoryReservation: ramInBytes(flags['memory-reservation']),
      MemorySwap: ramInBytes(flags['memory-swap']),
      NanoCpus: Math.round(cpus * 1e9),
      ...(flags['cpu-period'] ? { CpuPeriod: Number(flags['cpu-period']) } : {}),
      ...(flags['cpu-quota'] ? { CpuQuota: Number(flags['cpu-quota']) } : {}),
      ...(str(flags, 'log-driver') ? { LogConfig: { Type: str(flags, 'log-driver'), Config: cutMap(list(flags, 'log-opt'), '=') } } : {}),
      CpuShares: Number(flags['cpu-shares'] ?? 0),
      PidsLimit: flags['pids-limit'] ? Number(flags['pids-limit']) : null,
    },
    ...(Object.keys(endpoints).length ? { NetworkingConfig: { EndpointsConfig: endpoints } } : {}),
  };
  return { name: str(flags, 'name'), body };
}
