// The daemon's file operations on a container: `docker diff` (changes of the writable layer),
// `docker cp` (the archive endpoints: a subtree out, a subtree in) and `docker commit` (the writable
// layer as a new image layer). Archives travel as plain node trees rather than tar streams.
import type { Daemon } from '../daemon';
import { badRequest, notFound } from '../errors';
import { changesOf, diffChanges, isEmptyLayer, layerSize } from '../../fs/layer';
import { FsError, resolvePath, type Stat } from '../../fs/types';
import type { VisibleNode } from '../../fs/node';
import { configDigest } from '../../registry/hub';
import { sha256Digest } from '../../registry/sha256';
import { readDockerfile } from '../../builder/dockerfile/instructions';
import type { HistoryEntry, Image, ImageConfig, Layer } from '../images/model';
import { getImage, tagImage } from '../images/store';
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../../registry/reference';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { containerFs, containerOverlay } from './rootfs';
import * as life from './lifecycle';

/** moby archive.ChangeType: what GET /containers/{id}/changes reports. */
const CHANGE_KIND = { C: 0, A: 1, D: 2 } as const;

export function containerChanges(d: Daemon, c: ContainerRecord): { Path: string; Kind: number }[] {
  return diffChanges(containerOverlay(d, c)).map((ch) => ({ Path: ch.path, Kind: CHANGE_KIND[ch.kind] }));
}

/** What HEAD /containers/{id}/archive puts in X-Docker-Container-Path-Stat. */
export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: number;
  linkTarget: string;
  type: Stat['type'];
}

const notInContainer = (path: string, ref: string) => notFound(`Could not find the file ${path} in container ${ref}`);

/** Stat of a container path (the last symlink not followed, as docker cp's HEAD does). */
export function archiveStat(d: Daemon, c: ContainerRecord, ref: string, path: string): PathStat {
  const abs = resolvePath('/', path);
  const st = containerFs(d, c).lstat(abs);
  if (!st) throw notInContainer(path, ref);
  return { name: abs.split('/').pop() || '/', size: st.size, mode: st.mode, mtime: st.mtime, linkTarget: st.target ?? '', type: st.type };
}

/** GET /containers/{id}/archive: the subtree at `path` (a symlink itself unless `follow`). */
export function archiveGet(d: Daemon, c: ContainerRecord, ref: string, path: string, follow: boolean): { stat: PathStat; tree: VisibleNode } {
  const fs = containerFs(d, c);
  const abs = resolvePath('/', path);
  const st = follow ? fs.stat(abs) : fs.lstat(abs);
  if (!st) throw notInContainer(path, ref);
  const tree = st.type === 'symlink' ? ({ type: 'symlink', target: st.target!, mtime: st.mtime } as VisibleNode) : fs.export(abs);
  return { stat: { ...archiveStat(d, c, ref, path), ...(follow ? { size: st.size, mode: st.mode, type: st.type, linkTarget: '' } : {}) }, tree };
}

/** PUT /containers/{id}/archive: `tree` stored as `name` inside the directory `dir`. */
export function archivePut(d: Daemon, c: ContainerRecord, ref: string, dir: string, name: string, tree: VisibleNode): void {
  const fs = containerFs(d, c);
  const abs = resolvePath('/', dir);
  const st = fs.stat(abs);
  if (!st) throw notInContainer(dir, ref);
  if (st.type !== 'dir') throw badRequest('extraction point is not a directory');
  const target = resolvePath(abs, name);
  try {
    if (tree.type === 'dir' && fs.stat(target)?.type === 'dir') {
      // a directory copied onto an existing one merges into it, as tar extraction does
      for (const [n, child] of Object.entries(tree.entries)) if (child.type !== 'whiteout') archivePut(d, c, ref, target, n, child);
      return;
    }
    fs.import(target, tree);
  } catch (e) {
    if (!(e instanceof FsError) || e.code !== 'EROFS') throw e;
    throw badRequest(c.hostConfig.ReadonlyRootfs && !isOnMount(c, target) ? 'container rootfs is marked read-only' : 'mounted volume is marked read-only');
  }
}
const isOnMount = (c: ContainerRecord, path: string) => c.mounts.some((m) => path === m.Destination || path.startsWith(m.Destination + '/'));

export interface CommitOptions {
  repo?: string;
  tag?: string;
  comment?: string;
  author?: string;
  pause: boolean;
  /** Dockerfile instructions (`-c 'ENV A=b'`) */
  changes: string[];
}

const COMMIT_CHANGES = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** The container's config as an image config, with the `--change` instructions applied (moby BuildFromConfig). */
function commitConfig(c: ContainerRecord, changes: string[]): ImageConfig {
  const cc = c.config;
  const config: ImageConfig = {
    ...(cc.User ? { User: cc.User } : {}),
    ...(cc.ExposedPorts ? { ExposedPorts: cc.ExposedPorts } : {}),
    ...(cc.Env.length ? { Env: [...cc.Env] } : {}),
    ...(cc.Cmd ? { Cmd: cc.Cmd } : {}),
    ...(cc.Volumes ? { Volumes: cc.Volumes } : {}),
    ...(cc.WorkingDir ? { WorkingDir: cc.WorkingDir } : {}),
    ...(cc.Entrypoint ? { Entrypoint: cc.Entrypoint } : {}),
    ...(Object.keys(cc.Labels).length ? { Labels: { ...cc.Labels } } : {}),
    ...(cc.StopSignal ? { StopSignal: cc.StopSignal } : {}),
  };
  for (const line of changes) {
    const word = line.trim().split(/\s+/)[0] ?? '';
    if (!COMMIT_CHANGES.includes(word.toUpperCase())) throw badRequest(`${word.toLowerCase()} is not a valid change command`);
    let parsed;
    try {
      parsed = readDockerfile(`FROM scratch\n${line}\n`).stages[0]!.instructions[0]!;
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    switch (parsed.kind) {
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = parsed.shellForm ? ['/bin/sh', '-c', ...parsed.cmd] : parsed.cmd;
        if (parsed.kind === 'CMD') config.Cmd = argv;
        else config.Entrypoint = argv;
        break;
      }
      case 'ENV':
        for (const [k, v] of parsed.pairs) config.Env = [...(config.Env ?? []).filter((e) => e.split('=')[0] !== k), `${k}=${v}`];
        break;
      case 'LABEL':
        config.Labels = { ...config.Labels, ...Object.fromEntries(parsed.pairs) };
        break;
      case 'EXPOSE':
        config.ExposedPorts = { ...config.ExposedPorts, ...Object.fromEntries(parsed.values.map((p) => [p.includes('/') ? p : `${p}/tcp`, {}])) };
        break;
      case 'VOLUME':
        config.Volumes = { ...config.Volumes, ...Object.fromEntries(parsed.values.map((p) => [p, {}])) };
        break;
      case 'WORKDIR':
        config.WorkingDir = resolvePath(config.WorkingDir || '/', parsed.value);
        break;
      case 'USER':
        config.User = parsed.value;
        break;
      case 'STOPSIGNAL':
        config.StopSignal = parsed.value;
        break;
      case 'HEALTHCHECK':
        config.Healthcheck = parsed.health;
        break;
      case 'ONBUILD':
        config.OnBuild = [...(config.OnBuild ?? []), parsed.expression];
        break;
    }
  }
  return config;
}

/** `docker commit`: the writable layer becomes the top layer of a new image (none when nothing changed). */
export function commitContainer(d: Daemon, c: ContainerRecord, opts: CommitOptions): Image {
  const config = commitConfig(c, opts.changes);
  const parent = getImage(d.state.images, c.imageId);
  const pauseIt = opts.pause && c.state.Running && !c.state.Paused && !c.state.Restarting;
  if (pauseIt) life.pause(d, c.id);
  const created = d.now();
  const changes = changesOf(c.rwLayer);
  const empty = isEmptyLayer(changes);
  const layer: Layer = { diffId: sha256Digest(JSON.stringify(changes)), size: layerSize(changes), changes };
  const entry: HistoryEntry = { created, createdBy: [c.path, ...c.args].join(' '), ...(opts.comment ? { comment: opts.comment } : {}), ...(empty ? { emptyLayer: true } : {}) };
  const layers = empty ? parent.layers : [...parent.layers, layer];
  const history = [...parent.history, entry];
  const content = { created, comment: opts.comment ?? '', author: opts.author ?? '', config, layers, history };
  const img: Image = {
    ...content,
    id: configDigest({ ...content, parent: parent.id, container: c.id } as typeof content),
    repoTags: [],
    repoDigests: [],
    parent: parent.id,
    dockerVersion: '28.2.2',
    architecture: parent.architecture,
    ...(parent.variant ? { variant: parent.variant } : {}),
    os: parent.os,
    lastTagTime: 0,
  };
  d.state.images.images[img.id] = img;
  // moby names the reference without adding :latest in its events
  const imageRef = opts.repo ? familiarString(parseNormalizedNamed(opts.tag ? `${opts.repo}:${opts.tag}` : opts.repo)) : '';
  if (opts.repo) {
    tagImage(d.state.images, img, withDefaultTag(parseNormalizedNamed(imageRef)), created);
    d.emit('image', 'tag', img.id, { name: imageRef });
  }
  containerEvent(d, c, 'commit', { comment: opts.comment ?? '', imageID: img.id, imageRef });
  if (pauseIt) life.unpause(d, c.id);
  return img;
}
