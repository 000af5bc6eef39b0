// Engine API system endpoints: /_ping, /version, /info and /system/df (disk usage of images,
// containers, volumes and build cache, as moby's daemon/disk_usage.go reports it).
import type { Daemon } from '../../daemon/daemon';
import { statusText } from '../../daemon/containers/list';
import { statusOf } from '../../daemon/containers/model';
import { imageSize } from '../../daemon/images/model';
import { storedBytes } from '../../daemon/images/store';
import { volumeSize } from '../../daemon/volumes/model';
import { listImages } from '../../daemon/images/views';
import {
  API_VERSION,
  DOCKER_ROOT,
  ENGINE_DETAILS,
  ENGINE_VERSION,
  HOST_CPUS,
  HOST_MEMORY,
  HOST_NAME,
  KERNEL_VERSION,
  MIN_API_VERSION,
  SERVER_COMPONENTS,
} from '../../daemon/system-info';
import type { Router } from '../router';
import { volumeView } from './volumes';
import { rwSize } from '../../daemon/containers/rootfs';
import { buildCacheItems, builderSize } from '../../builder/prune';
import { builderOf } from '../../builder/state';

function version() {
  const engine = ENGINE_DETAILS;
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: SERVER_COMPONENTS,
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: engine.GitCommit,
    GoVersion: engine.GoVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: KERNEL_VERSION,
    BuildTime: engine.BuildTime,
  };
}

function info(d: Daemon) {
  const containers = Object.values(d.state.containers).map((c) => statusOf(c.state));
  const running = containers.filter((s) => s === 'running' || s === 'restarting').length;
  const paused = containers.filter((s) => s === 'paused').length;
  return {
    ID: 'b7d2e0c4-5f3a-4c1e-9a8d-2f6b1e0c7d35',
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: containers.length - running - paused,
    Images: Object.keys(d.state.images.images).length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 28,
    OomKillDisable: false,
    NGoroutines: 44,
    SystemTime: new Date(d.now()).toISOString(),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: KERNEL_VERSION,
    OperatingSystem: 'Ubuntu 24.04.2 LTS',
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], IndexConfigs: {}, Mirrors: null },
    NCPU: HOST_CPUS,
    MemTotal: HOST_MEMORY,
    DockerRootDir: DOCKER_ROOT,
    Name: HOST_NAME,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    ContainerdCommit: { ID: SERVER_COMPONENTS[1]!.Details.GitCommit },
    RuncCommit: { ID: SERVER_COMPONENTS[2]!.Details.GitCommit },
    InitCommit: { ID: SERVER_COMPONENTS[3]!.Details.GitCommit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    Warnings: null,
  };
}

/** How many containers (any state) each image ID has. */
function containerCountsByImage(d: Daemon): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of Object.values(d.state.containers)) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
  return counts;
}

function diskUsage(d: Daemon) {
  const counts = containerCountsByImage(d);
  const images = Object.values(d.state.images.images);
  /** how many images hold each layer: a layer in two or more is shared */
  const holders = new Map<string, number>();
  for (const img of images) for (const l of img.layers) holders.set(l.diffId, (holders.get(l.diffId) ?? 0) + 1);
  const summaries = listImages(d.state.images, {}, true, d.now(), counts).map((s) => {
    const img = d.state.images.images[s.Id]!;
    const shared = img.layers.reduce((n, l) => n + ((holders.get(l.diffId) ?? 0) > 1 ? l.size : 0), 0);
    return { ...s, Containers: counts.get(s.Id) ?? 0, SharedSize: shared };
  });
  const volumeRefs = (name: string) => d.containersUsing('volume', name).length;
  return {
    LayersSize: storedBytes(d.state.images),
    Images: summaries,
    // as `docker ps -a` lists them: newest first
    Containers: Object.values(d.state.containers)
      .sort((a, b) => b.created - a.created)
      .map((c) => {
        const img = d.state.images.images[c.imageId];
        return {
          Id: c.id,
          Names: [c.name],
          Image: c.config.Image,
          ImageID: c.imageId,
          Command: [c.path, ...c.args].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' '),
          Created: Math.floor(c.created / 1000),
          State: statusOf(c.state),
          Status: statusText(c.state, d.now()),
          Mounts: c.mounts,
          SizeRw: rwSize(c),
          SizeRootFs: (img ? imageSize(img) : 0) + rwSize(c),
        };
      }),
    Volumes: Object.values(d.state.volumes.volumes).map((v) => ({
      ...volumeView(v),
      UsageData: { Size: volumeSize(v), RefCount: volumeRefs(v.name) },
    })),
    BuildCache: buildCacheItems(builderOf(d.state), d.state.images),
    BuilderSize: builderSize(builderOf(d.state), d.state.images),
  };
}

export function registerSystemRoutes(router: Router, d: Daemon): void {
  router.add('GET', '/_ping', () => ({ status: 200, body: 'OK' }));
  router.add('GET', '/version', () => ({ status: 200, body: version() }));
  router.add('GET', '/info', () => ({ status: 200, body: info(d) }));
  router.add('GET', '/system/df', () => ({ status: 200, body: diskUsage(d) }));
}
