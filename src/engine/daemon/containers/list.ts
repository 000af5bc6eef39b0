// GET /containers/json: moby daemon/list.go — which containers, newest first, the filters and their
// errors, and the summary each row carries (Command, Status, Ports … as the CLI formats them).
import { humanDuration } from '../../cli/format/units';
import type { Daemon } from '../daemon';
import { badRequest, notFound } from '../errors';
import { imageSize } from '../images/model';
import { findImage } from '../images/store';
import { endpointsOf, findNetwork } from '../networks/store';
import type { Network } from '../networks/model';
import { statusOf, type ContainerRecord, type StateFlags } from './model';
import { findContainer } from './store';
import { inspectNetworks, networksByName, portsView } from './inspect';

export type { FilterArgs as Filters } from '../../api/filters';
import type { FilterArgs as Filters } from '../../api/filters';
import { rwSize } from './rootfs';

const ACCEPTED = ['ancestor', 'before', 'exited', 'expose', 'health', 'id', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume', 'is-task'];
const STATUSES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** moby State.String(): the STATUS column. */
export function statusText(s: StateFlags, now: number): string {
  switch (statusOf(s)) {
    case 'paused':
      return `Up ${humanDuration(now - s.StartedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
    case 'running':
      return `Up ${humanDuration(now - s.StartedAt)}`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      return `Exited (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
  }
}

/** container/view.go: Path and args, an arg with a space wrapped in single quotes. */
export const commandLine = (c: ContainerRecord): string =>
  [c.path, ...c.args].map((a, i) => (i > 0 && a.includes(' ') ? `'${a}'` : a)).join(' ');

/** A `name=`/`id=` filter value as a regular expression (a pattern that does not compile matches as text). */
function regexMatcher(pattern: string): (s: string) => boolean {
  try {
    const re = new RegExp(pattern);
    return (s) => re.test(s);
  } catch {
    return (s) => s.includes(pattern);
  }
}

function labelMatch(labels: Record<string, string>, f: string): boolean {
  const eq = f.indexOf('=');
  return eq < 0 ? f in labels : labels[f.slice(0, eq)] === f.slice(eq + 1);
}

type Predicate = (c: ContainerRecord) => boolean;

function predicates(d: Daemon, f: Filters): Predicate[] {
  for (const k of Object.keys(f)) if (!ACCEPTED.includes(k)) throw badRequest(`invalid filter '${k}'`);
  // compiled once per value, not once per container
  const matchers = new Map<string, (s: string) => boolean>();
  const matcher = (v: string) => {
    let m = matchers.get(v);
    if (!m) matchers.set(v, (m = regexMatcher(v)));
    return m;
  };
  const any = (key: string, test: (v: string, c: ContainerRecord) => boolean): Predicate | undefined =>
    f[key]?.length ? (c) => f[key]!.some((v) => test(v, c)) : undefined;
  for (const s of f['status'] ?? []) if (!STATUSES.includes(s)) throw badRequest(`invalid filter 'status=${s}'`);
  for (const key of ['publish', 'expose']) {
    for (const v of f[key] ?? []) {
      const port = v.split('/')[0]!;
      if (!/^\d+(-\d+)?$/.test(port)) throw badRequest(`error while looking up for ${key} ${v}: strconv.ParseUint: parsing ${JSON.stringify(port.split('-')[0])}: invalid syntax`);
    }
  }
  for (const h of f['health'] ?? []) if (!['starting', 'healthy', 'unhealthy', 'none'].includes(h)) throw badRequest(`Unrecognised filter value for health: ${h}`);
  const exited = (f['exited'] ?? []).map((v) => {
    if (!/^-?\d+$/.test(v)) throw badRequest(`strconv.Atoi: parsing "${v}": invalid syntax`);
    return Number(v);
  });
  const created = (key: string) => {
    const ref = f[key]?.[0];
    if (ref === undefined) return undefined;
    const other = findContainer(d.state, ref);
    if (!other) throw notFound(`no such container ${ref}`);
    return other.created;
  };
  const before = created('before');
  const since = created('since');
  const ancestors = (f['ancestor'] ?? []).map((a) => findImage(d.state.images, a)?.id).filter((x): x is string => !!x);
  const list: (Predicate | undefined)[] = [
    any('status', (v, c) => statusOf(c.state) === v),
    any('name', (v, c) => matcher(v)(c.name) || matcher(v)(c.name.slice(1))),
    any('id', (v, c) => matcher(v)(c.id)),
    any('label', (v, c) => labelMatch(c.config.Labels, v)),
    any('health', (v) => v === 'none'),
    f['ancestor']?.length ? (c) => ancestors.includes(c.imageId) : undefined,
    exited.length ? (c) => statusOf(c.state) === 'exited' && exited.includes(c.state.ExitCode) : undefined,
    any('network', (v, c) => endpointsOf(d.state.networks, c.id).some(({ network }) => network.name === v || network.id.startsWith(v)) || (findNetwork(d.state.networks, v)?.name ?? '\0') in c.endpointConfig),
    any('volume', (v, c) => c.mounts.some((m) => m.Name === v || m.Destination === v || m.Source === v)),
    any('publish', (v, c) => portFilter(v, Object.entries(c.ports).flatMap(([k, bs]) => bs.map((b) => `${b.HostPort}/${k.split('/')[1]}`)))),
    any('expose', (v, c) => portFilter(v, Object.keys(c.config.ExposedPorts ?? {}))),
    any('is-task', (v) => v === 'false'),
    before !== undefined ? (c) => c.created < before : undefined,
    since !== undefined ? (c) => c.created > since : undefined,
  ];
  return list.filter((p): p is Predicate => p !== undefined);
}

/** `publish=80`, `80/tcp`, `8000-8080/tcp` against "port/proto" entries. */
function portFilter(v: string, entries: string[]): boolean {
  const [range, proto = 'tcp'] = v.split('/');
  const [lo, hi = lo] = range!.split('-').map(Number);
  return entries.some((e) => {
    const [p, pr] = e.split('/');
    return pr === proto && Number(p) >= lo! && Number(p) <= hi!;
  });
}

export interface ListOptions {
  all: boolean;
  limit: number;
  size: boolean;
  filters: Filters;
}

export function listContainers(d: Daemon, opts: ListOptions) {
  const preds = predicates(d, opts.filters);
  const now = d.now();
  // newest first; insertion order breaks ties of equal creation time
  let rows = Object.values(d.state.containers).reverse().sort((a, b) => b.created - a.created);
  const explicitStatus = (opts.filters['status']?.length ?? 0) > 0;
  if (!opts.all && opts.limit <= 0 && !explicitStatus) rows = rows.filter((c) => c.state.Running);
  rows = rows.filter((c) => preds.every((p) => p(c)));
  if (opts.limit > 0) rows = rows.slice(0, opts.limit);
  const networkNamed = networksByName(d);
  const imageOf = new Map<string, string | undefined>();
  const taggedImage = (ref: string) => {
    if (!imageOf.has(ref)) imageOf.set(ref, findImageQuiet(d, ref));
    return imageOf.get(ref);
  };
  return rows.map((c) => summary(d, c, now, opts.size, networkNamed, taggedImage(c.config.Image)));
}

function summary(d: Daemon, c: ContainerRecord, now: number, size: boolean, networkNamed: (name: string) => Network | undefined, tagged: string | undefined) {
  const img = d.state.images.images[c.imageId];
  // moby reads NetworkSettings.Ports: nothing for a stopped container, exposed-only ports without IP
  const ports = Object.entries(portsView(c)).flatMap(([key, bindings]) => {
    const [priv, type] = key.split('/');
    if (!bindings) return [{ PrivatePort: Number(priv), Type: type! }];
    return bindings.map((b) => ({ IP: b.HostIp, PrivatePort: Number(priv), PublicPort: Number(b.HostPort), Type: type! }));
  });
  // the IMAGE column: the reference as given, unless that tag now points at another image
  return {
    Id: c.id,
    Names: [c.name],
    Image: tagged === c.imageId ? c.config.Image : c.imageId,
    ImageID: c.imageId,
    Command: commandLine(c),
    Created: Math.floor(c.created / 1000),
    Ports: ports,
    ...(size ? { SizeRw: rwSize(c), SizeRootFs: (img ? imageSize(img) : 0) + rwSize(c) } : {}),
    Labels: c.config.Labels,
    State: statusOf(c.state),
    Status: statusText(c.state, now),
    HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
    NetworkSettings: { Networks: inspectNetworks(c, networkNamed) },
    Mounts: c.mounts,
  };
}

function findImageQuiet(d: Daemon, ref: string): string | undefined {
  try {
    return findImage(d.state.images, ref)?.id;
  } catch {
    return undefined;
  }
}
