// What the simulated host and dockerd say about themselves (`docker version`, `docker info`): a Docker
// CE 28.2.2 engine on a small Linux VM. Values are fixed so every learner sees the same machine.
export const ENGINE_VERSION = '28.2.2';
export const API_VERSION = '1.50';
export const MIN_API_VERSION = '1.24';
export const KERNEL_VERSION = '6.8.0-60-generic';
export const HOST_NAME = 'dockhand';
export const HOST_CPUS = 2;
/** 4 GiB, minus what the kernel keeps */
export const HOST_MEMORY = 4_110_983_168;
export const DOCKER_ROOT = '/var/lib/docker';

export const ENGINE_DETAILS = {
  ApiVersion: API_VERSION,
  Arch: 'amd64',
  BuildTime: '2025-05-30T12:07:26.000000000+00:00',
  Experimental: 'false',
  GitCommit: '45873be',
  GoVersion: 'go1.24.3',
  KernelVersion: KERNEL_VERSION,
  MinAPIVersion: MIN_API_VERSION,
  Os: 'linux',
};

export const SERVER_COMPONENTS = [
  { Name: 'Engine', Version: ENGINE_VERSION, Details: ENGINE_DETAILS },
  { Name: 'containerd', Version: '1.7.27', Details: { GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' } },
  { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
  { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
];
