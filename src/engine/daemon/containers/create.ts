// POST /containers/create: validate the request, merge it with the image's config (moby's merge()
// rules), allocate the name and the mounts, and record a `created` container.
import type { Daemon } from '../daemon';
import { badRequest } from '../errors';
import { HOST_CPUS } from '../system-info';
import type { Image } from '../images/model';
import { getImage } from '../images/store';
import { findNetwork } from '../networks/store';
import { notFound } from '../errors';
import { mountpoint } from '../volumes/model';
import { createAnonymousVolume, createVolume } from '../volumes/store';
import type { ContainerConfig, ContainerRecord, HostConfig, MountPoint, MountRequest, RestartPolicy } from './model';
import { randomName, validName } from './names';
import { containerEvent } from './notify';
import { normaliseSignal } from '../process/plan';
import { primaryNetworkName } from './sandbox';
import { addContainer, containerByName, getContainer, nameConflict } from './store';
import { prepareRootfs } from './rootfs';
import { hostFolderRaw, hostFs } from '../host-folder';
import { dir } from '../../fs/node';

/** HostConfig as a create request may carry it: fields the daemon checks without keeping them too. */
type CreateHostConfig = Partial<HostConfig> & { CpuPeriod?: number; CpuQuota?: number; LogConfig?: { Type?: string; Config?: Record<string, string> } };

/** The create request body, as the Engine API takes it. */
export type CreateBody = Partial<Omit<ContainerConfig, 'Image'>> & {
  Image: string;
  HostConfig?: CreateHostConfig;
  NetworkingConfig?: { EndpointsConfig?: Record<string, { Aliases?: string[] | null; IPAMConfig?: { IPv4Address?: string } | null }> };
};

const POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];
const MIN_MEMORY = 6 * 1024 * 1024;

/** the logging drivers built into Engine 28 on Linux */
const LOG_DRIVERS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'none', 'splunk', 'syslog'];

/** moby validateContainerConfig */
function validateContainerConfig(body: CreateBody): void {
  if (body.WorkingDir && !body.WorkingDir.startsWith('/')) {
    throw badRequest(`the working directory '${body.WorkingDir}' is invalid, it needs to be an absolute path`);
  }
  if (body.StopSignal && !normaliseSignal(body.StopSignal)) throw badRequest(`Invalid signal: ${body.StopSignal}`);
}

function validateHostConfig(h: CreateHostConfig): void {
  const p = h.RestartPolicy;
  if (p && p.Name !== '' && !POLICIES.includes(p.Name)) {
    throw badRequest(`invalid restart policy: unknown policy '${p.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
  if (p && p.MaximumRetryCount < 0) throw badRequest('invalid restart policy: maximum retry count cannot be negative');
  if (p && p.MaximumRetryCount > 0 && p.Name !== 'on-failure') {
    throw badRequest(`invalid restart policy: maximum retry count can only be used with 'on-failure'`);
  }
  if (h.AutoRemove && p && p.Name !== '' && p.Name !== 'no') {
    throw badRequest("can't create 'AutoRemove' container with restart policy");
  }
  if (h.Memory && h.Memory > 0 && h.Memory < MIN_MEMORY) throw badRequest('Minimum memory limit allowed is 6MB');
  if (h.Memory && h.Memory > 0 && h.MemorySwap && h.MemorySwap > 0 && h.MemorySwap < h.Memory) {
    throw badRequest('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (!h.Memory && h.MemorySwap && h.MemorySwap > 0) throw badRequest('You should always set the Memory limit when using Memoryswap limit, see usage');
  if (h.NanoCpus && h.CpuPeriod) throw badRequest('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (h.NanoCpus && h.CpuQuota) throw badRequest('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (h.NanoCpus && (h.NanoCpus < 0.01e9 || h.NanoCpus > HOST_CPUS * 1e9)) {
    throw badRequest(`Range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`);
  }
}

/** moby daemon.merge: the image supplies what the request leaves out. */
function mergeConfig(body: CreateBody, img: Image, hostname: string): ContainerConfig {
  const ic = img.config;
  const userEnv = body.Env ?? [];
  const keys = new Set(userEnv.map((kv) => kv.split('=')[0]));
  const env = [...userEnv, ...(ic.Env ?? []).filter((kv) => !keys.has(kv.split('=')[0]))];
  const entrypointGiven = body.Entrypoint != null && body.Entrypoint.length > 0;
  const cmd = !entrypointGiven && !body.Cmd?.length ? (ic.Cmd ?? null) : (body.Cmd ?? null);
  const entrypoint = entrypointGiven ? body.Entrypoint! : body.Entrypoint === undefined || body.Entrypoint === null ? (ic.Entrypoint ?? null) : null;
  const exposed = { ...(ic.ExposedPorts ?? {}), ...(body.ExposedPorts ?? {}) };
  const volumes = { ...(ic.Volumes ?? {}), ...(body.Volumes ?? {}) };
  const stopSignal = body.StopSignal ?? ic.StopSignal;
  return {
    Hostname: body.Hostname || hostname,
    Domainname: body.Domainname ?? '',
    User: body.User || ic.User || '',
    AttachStdin: body.AttachStdin ?? false,
    AttachStdout: body.AttachStdout ?? false,
    AttachStderr: body.AttachStderr ?? false,
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    Tty: body.Tty ?? false,
    OpenStdin: body.OpenStdin ?? false,
    StdinOnce: body.StdinOnce ?? false,
    Env: env,
    Cmd: cmd,
    Image: body.Image,
    Volumes: Object.keys(volumes).length ? volumes : null,
    WorkingDir: body.WorkingDir || ic.WorkingDir || '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: { ...(ic.Labels ?? {}), ...(body.Labels ?? {}) },
    ...(stopSignal ? { StopSignal: stopSignal } : {}),
    ...(body.StopTimeout !== undefined ? { StopTimeout: body.StopTimeout } : {}),
  };
}

function hostConfigOf(h: Partial<HostConfig>): HostConfig {
  const memory = h.Memory ?? 0;
  return {
    Binds: h.Binds?.length ? [...h.Binds] : null,
    // Engine 26+ stores the default network mode under its real name
    NetworkMode: !h.NetworkMode || h.NetworkMode === 'default' ? 'bridge' : h.NetworkMode,
    PortBindings: h.PortBindings ?? {},
    RestartPolicy: (h.RestartPolicy?.Name ? h.RestartPolicy : { Name: 'no', MaximumRetryCount: 0 }) as RestartPolicy,
    AutoRemove: h.AutoRemove ?? false,
    PublishAllPorts: h.PublishAllPorts ?? false,
    Privileged: h.Privileged ?? false,
    ReadonlyRootfs: h.ReadonlyRootfs ?? false,
    CapAdd: h.CapAdd?.length ? h.CapAdd : null,
    CapDrop: h.CapDrop?.length ? h.CapDrop : null,
    Dns: h.Dns ?? [],
    DnsOptions: h.DnsOptions ?? [],
    DnsSearch: h.DnsSearch ?? [],
    ExtraHosts: h.ExtraHosts?.length ? h.ExtraHosts : null,
    ShmSize: h.ShmSize || 64 * 1024 * 1024,
    ...(h.Mounts?.length ? { Mounts: h.Mounts } : {}),
    ...(h.Tmpfs && Object.keys(h.Tmpfs).length ? { Tmpfs: h.Tmpfs } : {}),
    ...(h.VolumesFrom?.length ? { VolumesFrom: h.VolumesFrom } : {}),
    Init: h.Init ?? null,
    Memory: memory,
    MemoryReservation: h.MemoryReservation ?? 0,
    // the daemon doubles the memory limit for swap when none is given
    MemorySwap: h.MemorySwap || (memory > 0 ? memory * 2 : 0),
    NanoCpus: h.NanoCpus ?? 0,
    CpuShares: h.CpuShares ?? 0,
    PidsLimit: h.PidsLimit ?? null,
  };
}

/** `-v name:/path[:ro]`, `-v /host:/path`, `--mount …`, then `-v /path` and image VOLUMEs not covered. */
function mountsFor(d: Daemon, binds: string[], requests: MountRequest[], imageVolumes: string[], volumesFrom: string[]): MountPoint[] {
  const mounts: MountPoint[] = [];
  const host = hostFolderRaw(d);
  const volume = (name: string, dst: string, mode: string, rw: boolean): MountPoint => ({ Type: 'volume', Name: name, Source: mountpoint(name), Destination: dst, Driver: 'local', Mode: mode, RW: rw, Propagation: '' });
  for (const spec of binds) {
    const parts = spec.split(':');
    const [src, dst, mode = ''] = parts.length === 1 ? ['', parts[0]!, ''] : parts;
    const rw = !mode.split(',').includes('ro');
    if (!dst!.startsWith('/')) {
      throw badRequest(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${dst}' mount path must be absolute`);
    }
    if (src === '') mounts.push(volume(createAnonymousVolume(d.state.volumes, d).name, dst!, '', true));
    else if (src!.startsWith('/')) {
      // `-v` creates a missing host directory (`--mount` refuses, below)
      if (!host.lstat(src!)) hostFs(d).mkdir(src!, { parents: true });
      mounts.push({ Type: 'bind', Source: src!, Destination: dst!, Mode: mode, RW: rw, Propagation: 'rprivate' });
    }
    else mounts.push(volume(createVolume(d.state.volumes, d, { name: src }).name, dst!, mode || 'z', rw));
  }
  for (const m of requests) {
    if (!['volume', 'bind', 'tmpfs'].includes(m.Type)) throw badRequest(`invalid mount config for type "${m.Type}": mount type unknown`);
    const rw = !m.ReadOnly;
    if (m.Type === 'volume') {
      const name = m.Source ? createVolume(d.state.volumes, d, { name: m.Source }).name : createAnonymousVolume(d.state.volumes, d).name;
      mounts.push(volume(name, m.Target, 'z', rw));
    } else if (m.Type === 'bind') {
      if (m.Source && !host.lstat(m.Source)) throw badRequest(`invalid mount config for type "bind": bind source path does not exist: ${m.Source}`);
      mounts.push({ Type: 'bind', Source: m.Source ?? '', Destination: m.Target, Mode: '', RW: rw, Propagation: 'rprivate' });
    } else {
      mounts.push({ Type: 'tmpfs', Source: '', Destination: m.Target, Mode: '', RW: rw, Propagation: '' });
    }
  }
  // --volumes-from c[:ro|:rw]: the other container's volumes and binds at the same paths
  for (const spec of volumesFrom) {
    const [ref, mode] = spec.split(':');
    const from = getContainer(d.state, ref!);
    for (const m of from.mounts) {
      if (m.Type === 'tmpfs' || mounts.some((x) => x.Destination === m.Destination)) continue;
      mounts.push({ ...m, RW: mode ? mode === 'rw' : m.RW, Mode: mode ?? m.Mode });
    }
  }
  for (const path of imageVolumes) {
    if (!mounts.some((m) => m.Destination === path)) mounts.push(volume(createAnonymousVolume(d.state.volumes, d).name, path, '', true));
  }
  return mounts;
}

function chooseName(d: Daemon, requested: string | undefined): string {
  if (requested) {
    const name = validName(requested);
    const holder = containerByName(d.state, name);
    if (holder) throw nameConflict(name, holder);
    return name;
  }
  for (let retry = 0; ; retry++) {
    const name = '/' + randomName(() => d.ids.random(), retry);
    if (!containerByName(d.state, name)) return name;
  }
}

export function createContainer(d: Daemon, body: CreateBody, requestedName: string | undefined): { container: ContainerRecord; warnings: string[] } {
  const img = getImage(d.state.images, body.Image);
  const h = body.HostConfig ?? {};
  validateContainerConfig(body);
  validateHostConfig(h);
  const logDriver = h.LogConfig?.Type;
  if (logDriver && !LOG_DRIVERS.includes(logDriver)) throw notFound(`error looking up logging plugin ${logDriver}: plugin "${logDriver}" not found`);
  const name = chooseName(d, requestedName);
  const hostConfig = hostConfigOf(h);
  const warnings: string[] = [];
  if (hostConfig.NetworkMode === 'host' && Object.keys(hostConfig.PortBindings).length > 0) {
    warnings.push('Published ports are discarded when using host network mode');
    hostConfig.PortBindings = {};
  }
  // `container:<name|id>` joins another container's namespace: no networks of its own, stored by full ID
  const joined = hostConfig.NetworkMode.startsWith('container:') ? getContainer(d.state, hostConfig.NetworkMode.slice('container:'.length)) : undefined;
  if (joined) hostConfig.NetworkMode = `container:${joined.id}`;
  const primary = joined ? undefined : primaryNetworkName(hostConfig.NetworkMode);
  const endpoints = body.NetworkingConfig?.EndpointsConfig ?? {};
  const networkNames = [...new Set([...(primary ? [primary] : []), ...Object.keys(endpoints)])];
  for (const net of networkNames) {
    if (!findNetwork(d.state.networks, net)) throw notFound(`network ${net} not found`);
  }
  const id = d.ids.hex64();
  const config = mergeConfig(body, img, id.slice(0, 12));
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  if (argv.length === 0) throw badRequest('no command specified');
  const c: ContainerRecord = {
    id,
    name,
    created: d.now(),
    path: argv[0]!,
    args: argv.slice(1),
    imageId: img.id,
    config,
    hostConfig,
    endpointConfig: Object.fromEntries(
      networkNames.map((n) => {
        const e = endpoints[n];
        return [n, { Aliases: e?.Aliases ?? [], ...(e?.IPAMConfig?.IPv4Address ? { IPv4Address: e.IPAMConfig.IPv4Address } : {}) }];
      }),
    ),
    state: { Running: false, Paused: false, Restarting: false, OOMKilled: false, RemovalInProgress: false, Dead: false, Pid: 0, ExitCode: 0, Error: '', StartedAt: 0, FinishedAt: 0 },
    restartCount: 0,
    manuallyStopped: false,
    manuallyRestarted: false,
    mounts: mountsFor(d, hostConfig.Binds ?? [], hostConfig.Mounts ?? [], Object.keys(config.Volumes ?? {}), hostConfig.VolumesFrom ?? []),
    ports: {},
    sandboxId: '',
    logs: [],
    process: null,
    restartAt: 0,
    restartDelay: 0,
    pausedAt: 0,
    execIds: [],
    rwLayer: dir(),
    tmpfs: {},
    etcFiles: dir(),
  };
  prepareRootfs(d, c);
  addContainer(d.state, c);
  containerEvent(d, c, 'create');
  return { container: c, warnings };
}
