// GET /containers/{id}/json: the Engine 28 ContainerJSON, field for field in docker's order (the CLI's
// `docker inspect` prints it as-is). Paths and defaults are those of a stock Linux daemon with overlay2.
import { GO_ZERO_TIME, rfc3339Nano } from '../../cli/format/time';
import type { Daemon } from '../daemon';
import { imageSize } from '../images/model';
import { subnetOf } from '../networks/store';
import { isPredefined, type Endpoint, type Network } from '../networks/model';
import { statusOf, type ContainerRecord, type PortBinding } from './model';

import { DOCKER_ROOT as ROOT } from '../system-info';
import { rwSize } from './rootfs';
/** Go's time.Time in JSON: RFC 3339 with the fraction trimmed; the zero time for "never". */
const goTime = (ms: number): string => (ms === 0 ? GO_ZERO_TIME : rfc3339Nano(ms));

/** Go encodes maps with sorted keys; the daemon's records keep insertion order. */
function sortedMap<T>(m: Record<string, T>): Record<string, T>;
function sortedMap<T>(m: Record<string, T> | null | undefined): Record<string, T> | null | undefined;
function sortedMap<T>(m: Record<string, T> | null | undefined) {
  if (!m) return m;
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));
}

/** `m` (an object built here, so it may be returned as is) in Go's key order. */
function inKeyOrder<T>(m: Record<string, T>): Record<string, T> {
  const keys = Object.keys(m);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return sortedMap(m);
  return m;
}

/** NetworkSettings.Ports: while the sandbox exists, every exposed port (null when not published). */
export function portsView(c: ContainerRecord): Record<string, PortBinding[] | null> {
  if (!c.sandboxId) return {};
  const all: Record<string, PortBinding[] | null> = {};
  for (const key of Object.keys(c.config.ExposedPorts ?? {})) all[key] = null;
  return inKeyOrder({ ...all, ...c.ports });
}

const MASKED_PATHS = ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

function hostConfigView(c: ContainerRecord) {
  const h = c.hostConfig;
  return {
    Binds: h.Binds,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: h.NetworkMode,
    PortBindings: sortedMap(h.PortBindings),
    RestartPolicy: h.RestartPolicy,
    AutoRemove: h.AutoRemove,
    VolumeDriver: '',
    VolumesFrom: h.VolumesFrom ?? null,
    ConsoleSize: [0, 0],
    CapAdd: h.CapAdd,
    CapDrop: h.CapDrop,
    CgroupnsMode: 'private',
    Dns: h.Dns,
    DnsOptions: h.DnsOptions,
    DnsSearch: h.DnsSearch,
    ExtraHosts: h.ExtraHosts,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: h.Privileged,
    PublishAllPorts: h.PublishAllPorts,
    ReadonlyRootfs: h.ReadonlyRootfs,
    SecurityOpt: null,
    ...(h.Tmpfs ? { Tmpfs: h.Tmpfs } : {}),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: h.ShmSize,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: h.CpuShares,
    Memory: h.Memory,
    NanoCpus: h.NanoCpus,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: h.MemoryReservation,
    MemorySwap: h.MemorySwap,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: h.PidsLimit,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(h.Mounts ? { Mounts: h.Mounts } : {}),
    MaskedPaths: MASKED_PATHS,
    ReadonlyPaths: READONLY_PATHS,
    ...(h.Init !== null ? { Init: h.Init } : {}),
  };
}

function endpointView(network: Network | undefined, ep: Endpoint | undefined, aliases: string[], c: ContainerRecord) {
  const gateway = ep?.ipv4 && network ? (subnetOf(network)?.gateway ?? '') : '';
  const userDefined = network !== undefined && !isPredefined(network);
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: aliases.length ? aliases : null,
    MacAddress: ep?.mac ?? '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: ep ? network!.id : '',
    EndpointID: ep?.endpointId ?? '',
    Gateway: gateway,
    IPAddress: ep?.ipv4 ?? '',
    IPPrefixLen: ep?.prefixLen ?? 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: ep && userDefined ? [c.name.slice(1), ...aliases, c.id.slice(0, 12)] : null,
  };
}

/** The network with a given name, from one pass over the networks (a list asks for every container's). */
export function networksByName(d: Daemon): (name: string) => Network | undefined {
  const byName = new Map<string, Network>();
  for (const n of Object.values(d.state.networks.networks)) byName.set(n.name, n);
  return (name) => byName.get(name);
}

/** NetworkSettings.Networks: every network the container is configured for, live values while attached. */
export function inspectNetworks(c: ContainerRecord, networkNamed: (name: string) => Network | undefined): Record<string, ReturnType<typeof endpointView>> {
  const networks: Record<string, ReturnType<typeof endpointView>> = {};
  for (const name in c.endpointConfig) {
    const network = networkNamed(name);
    const endpoint = network?.endpoints[c.id];
    networks[name] = endpointView(endpoint && network, endpoint, c.endpointConfig[name]!.Aliases, c);
  }
  return inKeyOrder(networks);
}

function networkSettings(d: Daemon, c: ContainerRecord) {
  const networkNamed = networksByName(d);
  const networks = inspectNetworks(c, networkNamed);
  const bridge = networkNamed('bridge');
  const bridgeEndpoint = bridge?.endpoints[c.id];
  const def = endpointView(bridgeEndpoint && bridge, bridgeEndpoint, [], c);
  return {
    Bridge: '',
    SandboxID: c.sandboxId,
    SandboxKey: c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
    Ports: portsView(c),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: def.EndpointID,
    Gateway: def.Gateway,
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: def.IPAddress,
    IPPrefixLen: def.IPPrefixLen,
    IPv6Gateway: '',
    MacAddress: def.MacAddress,
    Networks: networks,
  };
}

/** A stable per-container layer ID (what overlay2 names the container's directories). */
const layerId = (c: ContainerRecord) => c.id.split('').reverse().join('');

export function inspectContainer(d: Daemon, c: ContainerRecord, withSize = false) {
  const s = c.state;
  const dir = `${ROOT}/containers/${c.id}`;
  const layer = `${ROOT}/overlay2/${layerId(c)}`;
  const img = d.state.images.images[c.imageId];
  const lower = (img?.layers ?? []).map((l) => `${ROOT}/overlay2/${l.diffId.slice(7)}/diff`).reverse();
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: statusOf(s),
      Running: s.Running,
      Paused: s.Paused,
      Restarting: s.Restarting,
      OOMKilled: s.OOMKilled,
      Dead: s.Dead,
      Pid: s.Pid,
      ExitCode: s.ExitCode,
      Error: s.Error,
      StartedAt: goTime(s.StartedAt),
      FinishedAt: goTime(s.FinishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds.length ? c.execIds : null,
    HostConfig: hostConfigView(c),
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: [`${layer}-init/diff`, ...lower].join(':'),
        MergedDir: `${layer}/merged`,
        UpperDir: `${layer}/diff`,
        WorkDir: `${layer}/work`,
      },
      Name: 'overlay2',
    },
    ...(withSize ? { SizeRw: rwSize(c), SizeRootFs: (img ? imageSize(img) : 0) + rwSize(c) } : {}),
    Mounts: c.mounts,
    Config: {
      ...c.config,
      ...(c.config.ExposedPorts ? { ExposedPorts: sortedMap(c.config.ExposedPorts) } : {}),
      Volumes: sortedMap(c.config.Volumes),
      Labels: sortedMap(c.config.Labels),
    },
    NetworkSettings: networkSettings(d, c),
  };
}
