// `docker container inspect` and the generic `docker inspect` (cli/command/system/inspect.go), which
// looks each name up as a container, image, volume or network (or only the --type given).
import { isError, type ApiClient } from '../../../api/http';
import type { CommandContext } from '../../command';
import { printInspect } from '../system/output';
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
  return printInspect(ctx.io, found, errors, str(inv.flags, 'format'));
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
  const errors: string[] = [];
  for (const ref of inv.args) {
    let hit: unknown;
    let miss = `Error: No such object: ${ref}`;
    for (const kind of kinds) {
      const res = lookup(api, kind, ref, bool(inv.flags, 'size'));
      if (!isError(res)) {
        hit = res.body;
        break;
      }
      // with --type the daemon's own answer is the error
      if (type !== '') miss = daemonError(res);
    }
    if (hit === undefined) errors.push(miss);
    else found.push(hit);
  }
  return printInspect(io, found, errors, str(inv.flags, 'format'));
}
