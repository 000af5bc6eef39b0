// `docker container inspect` and the generic `docker inspect` (cli/command/system/inspect.go), which
// looks each name up as a container, image, volume or network (or only the --type given).
import { isError, type ApiClient } from '../../../api/http';
import type { CommandContext } from '../../command';
import { GO_NIL_MAP, GO_NIL_SLICE, goStruct } from '../../format/gofmt';
import { typedImage } from '../image/inspect-tag';
import { typedNetwork } from '../network';
import { printInspect } from '../system/output';
import { typedVolume } from '../volume';
import { bool, daemonError, str } from './shared';

type Kind = 'container' | 'image' | 'volume' | 'network';
/** every object type the CLI knows (swarm ones included, though this daemon has none) */
const ALL_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
/** the CLI's autodetect order (swarm objects are skipped on a daemon without swarm) */
const KINDS: Kind[] = ['container', 'image', 'network', 'volume'];

const pathFor: Record<Kind, (ref: string) => string> = {
  container: (ref) => `/containers/${encodeURIComponent(ref)}/json`,
  image: (ref) => `/images/${encodeURIComponent(ref)}/json`,
  volume: (ref) => `/volumes/${encodeURIComponent(ref)}`,
  network: (ref) => `/networks/${encodeURIComponent(ref)}`,
};

type Json = Record<string, unknown>;

/**
 * `raw` plus the fields the JSON omitted (omitempty) as their Go zero values. They are non-enumerable:
 * the typed struct has them, but json.Marshal of it still omits them.
 */
function withOmitted(raw: unknown, zeros: Json): Json {
  const out: Json = { ...(raw as Json) };
  for (const [k, v] of Object.entries(zeros)) {
    if (!(k in out)) Object.defineProperty(out, k, { value: v, enumerable: false });
  }
  return out;
}

/** the slice- and map-typed fields of a section: null in the JSON is a Go nil slice / map there */
function withNils(raw: unknown, slices: string[], maps: string[]): Json {
  const out: Json = { ...(raw as Json) };
  for (const k of slices) if (out[k] === null) out[k] = GO_NIL_SLICE;
  for (const k of maps) if (out[k] === null) out[k] = GO_NIL_MAP;
  return out;
}

const CONFIG_SLICES = ['Cmd', 'Entrypoint', 'Env', 'OnBuild', 'Shell'];
const CONFIG_MAPS = ['ExposedPorts', 'Labels', 'Volumes'];
const HOST_CONFIG_SLICES = ['Binds', 'CapAdd', 'CapDrop', 'Dns', 'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd', 'Links', 'SecurityOpt', 'Mounts'];
const HOST_CONFIG_MAPS = ['PortBindings', 'Tmpfs', 'Annotations'];

/**
 * container.InspectResponse as the CLI decodes it: its sections are structs (unknown fields are template
 * errors, so printInspect falls back to the raw map) and omitted fields exist (`{{json .State.Health}}` → null).
 */
export function typedContainer(raw: Json): unknown {
  const section = (name: string, typeName: string, zeros: Json = {}, slices: string[] = [], maps: string[] = []) =>
    raw[name] === undefined || raw[name] === null
      ? raw[name]
      : goStruct(typeName, withOmitted(withNils(raw[name], slices, maps), zeros));
  return goStruct(
    'container.InspectResponse',
    withOmitted(
      {
        ...raw,
        State: section('State', '*container.State', { Health: null }),
        Config: section(
          'Config',
          '*container.Config',
          {
            ExposedPorts: GO_NIL_MAP,
            ArgsEscaped: false,
            Healthcheck: null,
            NetworkDisabled: false,
            MacAddress: '',
            StopSignal: '',
            StopTimeout: null,
            Shell: GO_NIL_SLICE,
          },
          CONFIG_SLICES,
          CONFIG_MAPS,
        ),
        HostConfig: section(
          'HostConfig',
          '*container.HostConfig',
          { Annotations: GO_NIL_MAP, Mounts: GO_NIL_SLICE, Init: null, Tmpfs: GO_NIL_MAP },
          HOST_CONFIG_SLICES,
          HOST_CONFIG_MAPS,
        ),
        NetworkSettings: section('NetworkSettings', '*container.NetworkSettings'),
      },
      { Node: null, SizeRw: null, SizeRootFs: null },
    ),
  );
}

const typedView: Record<Kind, (raw: never) => unknown> = {
  container: typedContainer,
  image: typedImage,
  network: typedNetwork,
  volume: typedVolume,
};

function lookup(api: ApiClient, kind: Kind, ref: string, size: boolean) {
  return api.request({ method: 'GET', path: pathFor[kind](ref), query: kind === 'container' && size ? { size: '1' } : undefined });
}

export function containerInspect(ctx: CommandContext): number {
  const { inv, api } = ctx;
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of inv.args) {
    const res = lookup(api, 'container', ref, bool(inv.flags, 'size'));
    if (isError(res)) errors.push(daemonError(res));
    else found.push(res.body);
  }
  return printInspect(ctx.io, found, errors, str(inv.flags, 'format'), (raw) => typedContainer(raw as Json));
}

export function inspect(ctx: CommandContext): number {
  const { inv, api, io } = ctx;
  const type = str(inv.flags, 'type');
  if (type !== '' && !KINDS.includes(type as Kind)) {
    io.err(`unknown type: "${type}": must be one of ${ALL_TYPES.map((t) => `"${t}"`).join(', ')}\n`);
    return 1;
  }
  const kinds = type ? [type as Kind] : KINDS;
  const found: unknown[] = [];
  const kindOf = new Map<unknown, Kind>();
  const errors: string[] = [];
  for (const ref of inv.args) {
    let hit: unknown;
    let miss = `Error: No such object: ${ref}`;
    for (const kind of kinds) {
      const res = lookup(api, kind, ref, bool(inv.flags, 'size'));
      if (!isError(res)) {
        hit = res.body;
        kindOf.set(hit, kind);
        break;
      }
      // with --type the daemon's own answer is the error
      if (type !== '') miss = daemonError(res);
    }
    if (hit === undefined) errors.push(miss);
    else found.push(hit);
  }
  return printInspect(io, found, errors, str(inv.flags, 'format'), (raw) => typedView[kindOf.get(raw)!](raw as never));
}
