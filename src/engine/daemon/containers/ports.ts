// Host ports: a published port belongs to one container with a network sandbox at a time. Bindings with
// no host IP take both 0.0.0.0 and :: (what Engine 28 reports in NetworkSettings.Ports); an empty or
// ranged host port is served from the ephemeral range, as libnetwork's port allocator does.
import { serverError } from '../errors';
import type { DaemonState } from '../state';
import { hasSandbox, type ContainerRecord, type PortBinding, type PortMap } from './model';

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

interface Claim {
  ip: string;
  port: number;
  proto: string;
}

const overlap = (a: Claim, b: Claim) =>
  a.port === b.port && a.proto === b.proto && (a.ip === b.ip || isAny(a.ip) || isAny(b.ip));
const isAny = (ip: string) => ip === '0.0.0.0' || ip === '::';
const family = (ip: string) => (ip.includes(':') ? 6 : 4);

function claimsHeld(state: DaemonState, except: ContainerRecord): Claim[] {
  const claims: Claim[] = [];
  for (const c of Object.values(state.containers)) {
    if (c === except || !hasSandbox(c)) continue;
    for (const [key, bindings] of Object.entries(c.ports)) {
      const proto = key.split('/')[1]!;
      for (const b of bindings) claims.push({ ip: b.HostIp, port: Number(b.HostPort), proto });
    }
  }
  return claims;
}

/** Host addresses a binding occupies; overlaps are judged within one address family. */
const addressesFor = (hostIp: string): string[] => (hostIp === '' ? ['0.0.0.0', '::'] : [hostIp]);

/** Allocates every PortBindings entry (plus exposed ports under -P); throws the daemon's bind error. */
export function allocatePorts(state: DaemonState, c: ContainerRecord, endpointName: string, endpointId: string): PortMap {
  const publishes = Object.keys(c.hostConfig.PortBindings).length > 0 || (c.hostConfig.PublishAllPorts && c.config.ExposedPorts !== undefined);
  if (!publishes) return {};
  const held = claimsHeld(state, c);
  const taken = (claim: Claim) => held.some((h) => family(h.ip) === family(claim.ip) && overlap(h, claim));
  const result: PortMap = {};
  const requested: PortMap = { ...c.hostConfig.PortBindings };
  if (c.hostConfig.PublishAllPorts) {
    for (const key of Object.keys(c.config.ExposedPorts ?? {})) requested[key] ??= [{ HostIp: '', HostPort: '' }];
  }
  for (const [key, bindings] of Object.entries(requested)) {
    const proto = key.split('/')[1] ?? 'tcp';
    const out: PortBinding[] = [];
    for (const b of bindings) {
      const ips = addressesFor(b.HostIp);
      const port = choosePort(b.HostPort, (p) => ips.some((ip) => taken({ ip, port: p, proto })));
      if (port === undefined) {
        throw serverError(
          `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpointName} (${endpointId}): Bind for ${ips[0]}:${b.HostPort} failed: port is already allocated`,
        );
      }
      for (const ip of ips) {
        out.push({ HostIp: ip, HostPort: String(port) });
        held.push({ ip, port, proto });
      }
    }
    result[key] = out;
  }
  return result;
}

/** A fixed port if free; the first free port of a range or of the ephemeral range. */
function choosePort(hostPort: string, isTaken: (p: number) => boolean): number | undefined {
  let first = EPHEMERAL_FIRST;
  let last = EPHEMERAL_LAST;
  if (hostPort !== '') {
    const [a, b] = hostPort.split('-');
    first = Number(a);
    last = b === undefined ? first : Number(b);
  }
  for (let p = first; p <= last; p++) if (!isTaken(p)) return p;
  return undefined;
}
