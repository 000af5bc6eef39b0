// A container's file system as the daemon assembles it: the image's layers, the init layer dockerd adds
// (/.dockerenv, mount points for /etc/hosts & co.), the container's writable layer, then its mounts —
// volumes, bind mounts of the host folder, tmpfs, and the /etc files the daemon writes at each start.
// Everything it is made of is plain JSON in daemon state; the FileSystem objects are views built on demand.
import type { Daemon } from '../daemon';
import { badRequest } from '../errors';
import { PathFs } from '../../fs/path-fs';
import { OverlayRaw } from '../../fs/overlay';
import { MountRaw, SubtreeRaw, type Mount } from '../../fs/mounts';
import { LazyTreeRaw, TreeRaw } from '../../fs/tree';
import { layerSize } from '../../fs/layer';
import { dir, file, symlink, type DirNode } from '../../fs/node';
import type { Image, Layer } from '../images/model';
import { layerContent } from '../../registry/contents';
import { getVolume } from '../volumes/store';
import type { ContainerRecord } from './model';
import { hostFolderRaw } from '../host-folder';
import { namespaceOf } from '../net/topology';
import { addHostIp } from '../net/dns';
import { findContainer } from './store';
import { procTree } from './procfs';

const EMPTY_LAYER: DirNode = dir();

/** The files of one image layer: its own stored changes (commit, build) or the catalogue's content. */
export function layerTree(layer: Layer, img: Pick<Image, 'created'>): DirNode {
  return layer.changes ?? (layer.contentKey ? layerContent(layer.contentKey, img.created) : null) ?? EMPTY_LAYER;
}

/** The init layer (moby's "-init"): what every container has whatever its image, not part of `docker diff`. */
const INIT_LAYER: DirNode = dir({
  '.dockerenv': file('', { mode: 0o755 }),
  dev: dir({ console: file(''), pts: dir(), shm: dir() }),
  etc: dir({ hostname: file(''), hosts: file(''), mtab: symlink('/proc/mounts'), 'resolv.conf': file('') }),
  proc: dir({}, { mode: 0o555 }),
  sys: dir({}, { mode: 0o555 }),
});

const ETC_FILES = ['hostname', 'hosts', 'resolv.conf'] as const;

function imageLayers(d: Daemon, c: ContainerRecord): DirNode[] {
  const img = d.state.images.images[c.imageId];
  return img ? img.layers.map((l) => layerTree(l, img)) : [];
}

/** The container's root without its mounts: image layers, init layer, writable layer. */
export function containerOverlay(d: Daemon, c: ContainerRecord): OverlayRaw {
  return new OverlayRaw([...imageLayers(d, c), INIT_LAYER], c.rwLayer, () => d.now());
}

/** Where each tmpfs of the container is mounted (`--tmpfs` and `--mount type=tmpfs`). */
export const tmpfsPaths = (c: ContainerRecord): string[] => [
  ...Object.keys(c.hostConfig.Tmpfs ?? {}),
  ...c.mounts.filter((m) => m.Type === 'tmpfs').map((m) => m.Destination),
];

function mountTable(d: Daemon, c: ContainerRecord): Mount[] {
  const now = () => d.now();
  const mounts: Mount[] = ETC_FILES.map((name) => ({ path: `/etc/${name}`, raw: new SubtreeRaw(new TreeRaw(c.etcFiles, now), `/${name}`), readOnly: false }));
  for (const m of c.mounts) {
    if (m.Type === 'volume' && m.Name) {
      const v = d.state.volumes.volumes[m.Name];
      if (v) mounts.push({ path: m.Destination, raw: new TreeRaw(v.data, now), readOnly: !m.RW });
    } else if (m.Type === 'bind') {
      mounts.push({ path: m.Destination, raw: new SubtreeRaw(hostFolderRaw(d), m.Source), readOnly: !m.RW });
    }
  }
  mounts.push({ path: '/proc', raw: new LazyTreeRaw(() => procTree(d, c), now), readOnly: true });
  for (const path of tmpfsPaths(c)) mounts.push({ path, raw: new TreeRaw((c.tmpfs[path] ??= tmpfsRoot(d.now())), now), readOnly: false });
  return mounts;
}

const tmpfsRoot = (mtime: number): DirNode => dir({}, { mode: 0o1777, mtime });

/** The container's file system as its processes see it (image + writable layer + mounts). */
export function containerFs(d: Daemon, c: ContainerRecord): PathFs {
  return new PathFs(new MountRaw({ path: '/', raw: containerOverlay(d, c), readOnly: c.hostConfig.ReadonlyRootfs }, mountTable(d, c)));
}

/** Bytes in the writable layer (`SizeRw`, `ps -s`). */
export const rwSize = (c: ContainerRecord): number => layerSize(c.rwLayer);

/**
 * At create: the working directory and the mount points the image lacks are made in the writable layer
 * (so `docker diff` lists them, as Docker's does), and an empty volume gets a copy of what the image has
 * at its mount path.
 */
export function prepareRootfs(d: Daemon, c: ContainerRecord): void {
  const root = new PathFs(containerOverlay(d, c));
  const wd = c.config.WorkingDir;
  if (wd) {
    const st = root.stat(wd);
    if (st && st.type !== 'dir') throw badRequest(`Cannot mkdir: ${wd} is not a directory`);
    if (!st) root.mkdir(wd, { parents: true });
  }
  const fileMount = (path: string) => c.mounts.some((m) => m.Type === 'bind' && m.Destination === path && hostFolderRaw(d).lstat(m.Source)?.type === 'file');
  for (const path of [...c.mounts.map((m) => m.Destination), ...tmpfsPaths(c)]) {
    const st = root.stat(path);
    if (st) continue;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    root.mkdir(parent, { parents: true });
    if (fileMount(path)) root.writeFile(path, '');
    else root.mkdir(path);
  }
  // a missing working directory is made at create (moby SetupWorkingDirectory): `-w /www` just works
  if (c.config.WorkingDir && !root.stat(c.config.WorkingDir)) root.mkdir(c.config.WorkingDir, { parents: true });
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    const v = getVolume(d.state.volumes, m.Name);
    const image = root.stat(m.Destination)?.type === 'dir' ? root.export(m.Destination) : null;
    // moby fills only an empty volume (so only once), and gives it the directory's owner and mode too
    if (image?.type === 'dir' && Object.keys(v.data.entries).length === 0) {
      v.data.entries = image.entries;
      for (const k of ['mode', 'uid', 'gid'] as const) {
        if (image[k] === undefined) delete v.data[k];
        else v.data[k] = image[k];
      }
    }
  }
}

/** At each start: dockerd writes /etc/hostname, /etc/hosts and /etc/resolv.conf anew; tmpfs starts empty. */
export function writeEtcFiles(d: Daemon, c: ContainerRecord): void {
  const now = d.now();
  const hosts = etcHostsText(d, c);
  c.etcFiles = dir({ hostname: file(`${c.config.Hostname}\n`, { mtime: now }), hosts: file(hosts, { mtime: now }), 'resolv.conf': file(resolvConf(d, c), { mtime: now }) });
}

/** When the container stops its tmpfs contents are gone. */
export function clearTmpfs(c: ContainerRecord): void {
  c.tmpfs = {};
}

const DEFAULT_HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';

/** libnetwork's hosts file: the defaults, `--add-host` entries, then the container's own address. */
function etcHostsText(d: Daemon, c: ContainerRecord): string {
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host') return hostFile(d, '/etc/hosts') ?? DEFAULT_HOSTS;
  if (mode.startsWith('container:')) {
    const other = findContainer(d.state, mode.slice('container:'.length));
    return other ? (other.etcFiles.entries['hosts'] as { content?: string } | undefined)?.content ?? DEFAULT_HOSTS : DEFAULT_HOSTS;
  }
  const extra = (c.hostConfig.ExtraHosts ?? []).map((e) => {
    const i = e.indexOf(':');
    return `${addHostIp(d, e.slice(i + 1))}\t${e.slice(0, i)}\n`;
  });
  const ns = namespaceOf(d, c);
  const own = ns.kind === 'bridge' ? `${ns.endpoints[0]!.endpoint.ipv4}\t${c.config.Hostname}\n` : '';
  return DEFAULT_HOSTS + extra.join('') + own;
}

const ENGINE_HEADER = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';

/** Engine 25+'s resolv.conf: the embedded DNS server on user-defined networks, else the host's servers. */
function resolvConf(d: Daemon, c: ContainerRecord): string {
  const hostConf = hostFile(d, '/etc/resolv.conf') ?? '';
  const hostServers = hostConf.split('\n').filter((l) => l.startsWith('nameserver ') && !l.includes(' 127.'));
  if (c.hostConfig.NetworkMode === 'host') return hostConf;
  const ns = namespaceOf(d, c);
  const internal = ns.kind === 'bridge' && ns.endpoints.some((e) => e.network.name !== 'bridge');
  if (internal) {
    const ext = hostServers.map((l) => l.slice('nameserver '.length));
    return `${ENGINE_HEADER}nameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [${ext.join(' ')}]\n# Overrides: []\n# Option ndots from: internal\n`;
  }
  return `${ENGINE_HEADER}${hostServers.join('\n')}\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Overrides: []\n`;
}

function hostFile(d: Daemon, path: string): string | null {
  const n = hostFolderRaw(d).get(path);
  return n?.type === 'file' ? n.content : null;
}
