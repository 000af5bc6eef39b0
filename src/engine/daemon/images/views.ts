// The Engine API's JSON views of images: GET /images/json summaries (with moby's list filters),
// GET /images/{name}/history and GET /images/{name}/json (Engine 28 / API 1.50 field order; Config is
// the OCI image config, so unset fields are omitted).
import { parseNormalizedNamed, familiarName, familiarString, type NamedRef } from '../../registry/reference';
import { sha256Hex } from '../../registry/sha256';
import { GO_ZERO_TIME, rfc3339Nano } from '../../cli/format/time';
import { boolFilter, labelsMatch, untilCutoff, type FilterArgs } from '../../api/filters';
import { badRequest } from '../errors';
import { chainIds, imageSize, type Image } from './model';
import type { ImageState } from './state';
import { childrenOf, findImage } from './store';

export interface ImageSummary {
  Containers: number;
  Created: number;
  Id: string;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[];
  RepoTags: string[];
  SharedSize: number;
  Size: number;
}

/** path.Match with `*`, `?` and `[...]` classes; `*` does not cross '/'. */
function globMatch(pattern: string, s: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(s);
}

/** reference.FamiliarMatch: the pattern may match the familiar name or the familiar name:tag. */
function familiarMatch(pattern: string, ref: NamedRef): boolean {
  return globMatch(pattern, familiarName(ref)) || globMatch(pattern, familiarString(ref));
}

const IMAGE_FILTERS = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

/** moby daemon/images/image_list.go Images(): newest first, one summary per image. */
export function listImages(
  state: ImageState,
  filters: FilterArgs,
  all: boolean,
  nowMs: number,
  containerCounts = new Map<string, number>(),
): ImageSummary[] {
  for (const key of Object.keys(filters)) if (!IMAGE_FILTERS.includes(key)) throw badRequest(`invalid filter '${key}'`);
  const dangling = boolFilter(filters, 'dangling');
  const beforeImg = filters.before?.[0] !== undefined ? findImage(state, filters.before[0]) : undefined;
  const sinceImg = filters.since?.[0] !== undefined ? findImage(state, filters.since[0]) : undefined;
  const refPatterns = filters.reference ?? [];
  const until = untilCutoff(filters, nowMs);
  const out: ImageSummary[] = [];
  const images = Object.values(state.images).sort((a, b) => b.created - a.created);
  for (const img of images) {
    if (beforeImg && img.created >= beforeImg.created) continue;
    if (sinceImg && img.created <= sinceImg.created) continue;
    if (until !== undefined && img.created >= until) continue;
    if (!labelsMatch(img.config.Labels, filters.label)) continue;
    const untagged = img.repoTags.length === 0 && img.repoDigests.length === 0;
    if (dangling !== undefined && dangling !== (img.repoTags.length === 0)) continue;
    if (!all && untagged && childrenOf(state, img).length > 0) continue;
    let repoTags = img.repoTags;
    let repoDigests = img.repoDigests;
    if (refPatterns.length > 0) {
      const keep = (r: string) => refPatterns.some((p) => familiarMatch(p, parseNormalizedNamed(r)));
      repoTags = repoTags.filter(keep);
      repoDigests = repoDigests.filter(keep);
      if (repoTags.length === 0 && repoDigests.length === 0) continue;
    }
    out.push({
      Containers: containerCounts.get(img.id) ?? -1,
      Created: Math.floor(img.created / 1000),
      Id: img.id,
      Labels: img.config.Labels ?? null,
      ParentId: img.parent,
      RepoDigests: [...repoDigests],
      RepoTags: [...repoTags],
      SharedSize: -1,
      Size: imageSize(img),
    });
  }
  return out;
}

export interface HistoryItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** moby image_history.go: newest entry first; IDs for the image and its local parents, else <missing>. */
export function imageHistory(state: ImageState, img: Image): HistoryItem[] {
  let layer = 0;
  const items: HistoryItem[] = img.history.map((h) => ({
    Comment: h.comment ?? '',
    Created: Math.floor(h.created / 1000),
    CreatedBy: h.createdBy,
    Id: '<missing>',
    Size: h.emptyLayer ? 0 : (img.layers[layer++]?.size ?? 0),
    Tags: null,
  }));
  items.reverse();
  let cur: Image | undefined = img;
  for (const item of items) {
    if (!cur) break;
    item.Id = cur.id;
    item.Tags = cur.repoTags.length > 0 ? [...cur.repoTags] : null;
    cur = cur.parent ? state.images[cur.parent] : undefined;
  }
  return items;
}

const OVERLAY_ROOT = '/var/lib/docker/overlay2';
/** overlay2 cache directory of a layer chain: stable per chain ID */
const cacheDir = (chainId: string) => `${OVERLAY_ROOT}/${sha256Hex('cache ' + chainId)}`;

/** The OCI image config with docker's extensions, unset fields omitted, in the Go struct's order. */
function ociConfig(img: Image): Record<string, unknown> {
  const c = img.config;
  const entries: [string, unknown][] = [
    ['User', c.User],
    ['ExposedPorts', c.ExposedPorts],
    ['Env', c.Env],
    ['Entrypoint', c.Entrypoint],
    ['Cmd', c.Cmd],
    ['Volumes', c.Volumes],
    ['WorkingDir', c.WorkingDir],
    ['Labels', c.Labels],
    ['StopSignal', c.StopSignal],
    ['ArgsEscaped', c.ArgsEscaped],
    ['Healthcheck', c.Healthcheck],
    ['OnBuild', c.OnBuild],
    ['Shell', c.Shell],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== '' && v !== false));
}

export function inspectImage(img: Image): Record<string, unknown> {
  const chains = chainIds(img);
  const top = chains[chains.length - 1];
  const data: Record<string, string> = {};
  if (top) {
    const lowers = chains
      .slice(0, -1)
      .reverse()
      .map((c) => `${cacheDir(c)}/diff`);
    if (lowers.length) data.LowerDir = lowers.join(':');
    data.MergedDir = `${cacheDir(top)}/merged`;
    data.UpperDir = `${cacheDir(top)}/diff`;
    data.WorkDir = `${cacheDir(top)}/work`;
  }
  return {
    Id: img.id,
    RepoTags: [...img.repoTags],
    RepoDigests: [...img.repoDigests],
    Parent: img.parent,
    Comment: img.comment,
    Created: rfc3339Nano(img.created),
    DockerVersion: img.dockerVersion,
    Author: img.author,
    Config: ociConfig(img),
    Architecture: img.architecture,
    ...(img.variant ? { Variant: img.variant } : {}),
    Os: img.os,
    Size: imageSize(img),
    GraphDriver: { Data: data, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: img.layers.map((l) => l.diffId) },
    Metadata: { LastTagTime: img.lastTagTime ? rfc3339Nano(img.lastTagTime) : GO_ZERO_TIME },
  };
}
