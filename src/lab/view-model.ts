// The state panel's view model, built only from Engine-API-shaped data (the JSON of GET
// /containers/json?all=1, /images/json, /volumes, /networks and the inspect routes). The simulator and,
// later, a real Docker daemon feed the same pure mapper, so the panel cannot depend on simulator internals.
import { displayablePorts } from '../engine/cli/format/ports';
import { humanSize } from '../engine/cli/format/units';

// The parts of the Engine API's JSON the panel reads (a real daemon sends more).
export interface ApiContainer {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Status: string;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> };
  Mounts: { Type: string; Name?: string; Source?: string; Destination: string }[];
}
export interface ApiImage {
  Id: string;
  RepoTags: string[] | null;
  Size: number;
}
export interface ApiImageInspect {
  Id: string;
  RootFS?: { Layers?: string[] };
}
export interface ApiVolume {
  Name: string;
  Driver: string;
}
export interface ApiNetwork {
  Id: string;
  Name: string;
  Driver: string;
  IPAM?: { Config?: { Subnet?: string }[] | null };
}

export interface EngineData {
  containers: ApiContainer[];
  images: ApiImage[];
  /** image inspect results by image ID, for layer counts */
  imageDetails: Record<string, ApiImageInspect>;
  volumes: { Volumes: ApiVolume[] | null };
  networks: ApiNetwork[];
}

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  /** created | running | paused | restarting | exited | removing | dead */
  state: string;
  status: string;
  ports: string;
  networks: string[];
  mounts: string[];
}
export interface ImageView {
  id: string;
  tags: string[];
  size: string;
  layers: number | undefined;
  usedBy: string[];
}
export interface VolumeView {
  name: string;
  driver: string;
  usedBy: string[];
}
export interface NetworkView {
  name: string;
  driver: string;
  subnet: string;
  attached: string[];
}
export interface LabViewModel {
  containers: ContainerView[];
  images: ImageView[];
  volumes: VolumeView[];
  networks: NetworkView[];
}

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const nameOf = (c: ApiContainer) => (c.Names[0] ?? '').replace(/^\//, '') || shortId(c.Id);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function mountLabel(m: ApiContainer['Mounts'][number]): string {
  const source = m.Type === 'volume' ? (m.Name ?? '') : (m.Source ?? '');
  return `${source} → ${m.Destination}`;
}

export function toViewModel(data: EngineData): LabViewModel {
  const containers: ContainerView[] = data.containers
    .map((c) => ({
      id: c.Id,
      name: nameOf(c),
      image: c.Image,
      state: c.State,
      status: c.Status,
      ports: displayablePorts(c.Ports ?? []),
      networks: Object.keys(c.NetworkSettings?.Networks ?? {}).sort(),
      mounts: (c.Mounts ?? []).map(mountLabel),
    }))
    .sort(byName);
  const usersOf = (test: (c: ApiContainer) => boolean) => data.containers.filter(test).map(nameOf).sort();

  const images: ImageView[] = data.images
    .map((img) => ({
      id: img.Id,
      tags: (img.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
      size: humanSize(img.Size),
      layers: data.imageDetails[img.Id]?.RootFS?.Layers?.length,
      usedBy: usersOf((c) => c.Image === img.Id || (img.RepoTags ?? []).some((t) => t === c.Image || t === `${c.Image}:latest`)),
    }))
    .sort((a, b) => (a.tags[0] ?? a.id).localeCompare(b.tags[0] ?? b.id));

  const volumes: VolumeView[] = (data.volumes.Volumes ?? [])
    .map((v) => ({ name: v.Name, driver: v.Driver, usedBy: usersOf((c) => (c.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === v.Name)) }))
    .sort(byName);

  const networks: NetworkView[] = data.networks
    .map((n) => ({
      name: n.Name,
      driver: n.Driver,
      subnet: n.IPAM?.Config?.[0]?.Subnet ?? '',
      attached: usersOf((c) => n.Name in (c.NetworkSettings?.Networks ?? {})),
    }))
    .sort(byName);

  return { containers, images, volumes, networks };
}

/** The few inspect fields worth showing next to a selected container. */
export interface ContainerInspect {
  Id: string;
  Name: string;
  Created: string;
  Path: string;
  Args: string[];
  State: { Status: string; ExitCode: number; StartedAt: string; FinishedAt: string; Pid: number };
  HostConfig?: { RestartPolicy?: { Name?: string } };
  Config?: { Image?: string };
  NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> };
}

export function containerEssentials(c: ContainerInspect): [label: string, value: string][] {
  const ips = Object.entries(c.NetworkSettings?.Networks ?? {}).map(([net, e]) => `${e.IPAddress || '—'} (${net})`);
  const rows: [string, string][] = [
    ['ID', shortId(c.Id)],
    ['Image', c.Config?.Image ?? ''],
    ['Command', [c.Path, ...c.Args].join(' ')],
    ['State', c.State.Status],
    ['Exit code', String(c.State.ExitCode)],
    ['PID', c.State.Pid ? String(c.State.Pid) : '—'],
    ['IP address', ips.join(', ') || '—'],
    ['Restart policy', c.HostConfig?.RestartPolicy?.Name || 'no'],
  ];
  return rows;
}

/** Every GET the panel needs, through whatever answers Engine API GETs (the simulator's `read`). */
export function readEngineData(get: (path: string, query?: Record<string, string>) => { status: number; body: unknown }): EngineData {
  const ok = <T>(path: string, query?: Record<string, string>, fallback?: T): T => {
    const res = get(path, query);
    return (res.status < 300 ? res.body : fallback) as T;
  };
  const images = ok<ApiImage[]>('/images/json', undefined, []);
  const imageDetails = Object.fromEntries(images.map((i) => [i.Id, ok<ApiImageInspect>(`/images/${encodeURIComponent(i.Id)}/json`, undefined, { Id: i.Id })]));
  return {
    containers: ok<ApiContainer[]>('/containers/json', { all: '1' }, []),
    images,
    imageDetails,
    volumes: ok<{ Volumes: ApiVolume[] | null }>('/volumes', undefined, { Volumes: [] }),
    networks: ok<ApiNetwork[]>('/networks', undefined, []),
  };
}

export function namesOf(vm: LabViewModel) {
  return {
    containers: vm.containers.map((c) => c.name),
    images: vm.images.flatMap((i) => i.tags),
    volumes: vm.volumes.map((v) => v.name),
    networks: vm.networks.map((n) => n.name),
  };
}
