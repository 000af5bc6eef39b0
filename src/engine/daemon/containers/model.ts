// A container as the daemon keeps it: moby's container.Container reduced to what the simulator needs,
// kept as plain JSON so the whole daemon snapshots and restores exactly. `config` and `hostConfig` are
// stored in the Engine API's own shape (as the create request carries them), so inspect is a view.
import type { ProcessPlan } from '../process/plan';
import type { DirNode } from '../../fs/node';

/** moby container/state.go flags; the derived status ('running', 'exited' …) is computed, never stored. */
export interface StateFlags {
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  RemovalInProgress: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** ms since epoch; 0 = never (Go's zero time) */
  StartedAt: number;
  FinishedAt: number;
}

export type PortBinding = { HostIp: string; HostPort: string };
/** '80/tcp' → bindings */
export type PortMap = Record<string, PortBinding[]>;

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';
  MaximumRetryCount: number;
}

/** The Engine API's container Config (create body), fields in docker's order. */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

/** The HostConfig settings the simulator honours (inspect fills in the rest with docker's defaults). */
export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: PortMap;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  PublishAllPorts: boolean;
  Privileged: boolean;
  ReadonlyRootfs: boolean;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  Dns: string[];
  DnsOptions: string[];
  DnsSearch: string[];
  ExtraHosts: string[] | null;
  ShmSize: number;
  /** `--mount` requests, as given (inspect shows them) */
  Mounts?: MountRequest[];
  /** `--volumes-from container[:ro|rw]` (omitted when none) */
  VolumesFrom?: string[];
  /** `--tmpfs path[:options]` (omitted when none) */
  Tmpfs?: Record<string, string>;
  Init: boolean | null;
  Memory: number;
  MemoryReservation: number;
  MemorySwap: number;
  NanoCpus: number;
  CpuShares: number;
  PidsLimit: number | null;
}

/** One `--mount` of the create request (mount.Mount in the API). */
export interface MountRequest {
  Type: 'volume' | 'bind' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
}

export interface MountPoint {
  Type: 'volume' | 'bind' | 'tmpfs';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** A container keeps at most this many log lines (a repeating loop left running for days stays bounded). */
export const LOG_LIMIT = 5000;

export interface LogLine {
  /** ms since epoch */
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** no trailing newline */
  partial?: boolean;
}

/** The main process currently running: its plan and how far through the plan the clock has gone. */
export interface ProcessRun {
  plan: ProcessPlan;
  /** ms since epoch when it started */
  startedAt: number;
  /** index of the next planned output line not yet logged */
  nextLine: number;
  /** how many lines of the plan's repeating output have been logged */
  repeated: number;
  pid: number;
  /** requests the process has answered (absent: none yet) */
  served?: number;
}

export interface ContainerRecord {
  id: string;
  /** with the leading '/', as moby stores it */
  name: string;
  created: number;
  path: string;
  args: string[];
  /** 'sha256:…' */
  imageId: string;
  config: ContainerConfig;
  hostConfig: HostConfig;
  /** user-requested endpoint settings per network (aliases, static IP) from the create request */
  endpointConfig: Record<string, { Aliases: string[]; IPv4Address?: string }>;
  state: StateFlags;
  restartCount: number;
  /** set by stop/kill so `always`/`unless-stopped` do not bring it back (moby HasBeenManuallyStopped) */
  manuallyStopped: boolean;
  /** during `docker restart`: the exit it causes neither restarts nor auto-removes (HasBeenManuallyRestarted) */
  manuallyRestarted: boolean;
  mounts: MountPoint[];
  /** published ports while the network sandbox exists (running/paused); {} otherwise */
  ports: PortMap;
  sandboxId: string;
  logs: LogLine[];
  process: ProcessRun | null;
  /** restart back-off: when the restarting container starts again (ms since epoch) and the current delay */
  restartAt: number;
  restartDelay: number;
  /** ms since epoch when it was paused (0 when not paused): a frozen process's plan resumes later */
  pausedAt: number;
  execIds: string[];
  /** the container's writable layer (a layer tree: changes, whiteouts); survives stop/start, goes with rm */
  rwLayer: DirNode;
  /** tmpfs contents by mount destination; emptied whenever the container stops */
  tmpfs: Record<string, DirNode>;
  /** /etc/hostname, /etc/hosts, /etc/resolv.conf as the daemon wrote them at the last start (bind-mounted) */
  etcFiles: DirNode;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** moby State.StateString(), in its order of precedence. */
export function statusOf(s: StateFlags): ContainerStatus {
  if (s.Running) {
    if (s.Paused) return 'paused';
    if (s.Restarting) return 'restarting';
    return 'running';
  }
  if (s.RemovalInProgress) return 'removing';
  if (s.Dead) return 'dead';
  if (s.StartedAt === 0) return 'created';
  return 'exited';
}

/** Whether the container holds a network sandbox (IP, published ports): running or paused, not restarting. */
export const hasSandbox = (c: ContainerRecord): boolean => c.state.Running && !c.state.Restarting;

export const bareName = (c: ContainerRecord): string => c.name.slice(1);
