// Where a packet goes. A container's network namespace is the host's (`--network host`), a private one
// with only loopback (`none`, or a container whose sandbox is gone), or one with an endpoint on each of
// its bridge networks. Routing follows the bridge driver: peers on a shared network are reachable, other
// bridges are isolated (packets dropped), the host answers on every gateway address, and there is no
// internet behind the simulated host.
import type { Daemon } from '../daemon';
import { hasSandbox, type ContainerRecord } from '../containers/model';
import { findContainer } from '../containers/store';
import { contains, ipToNum, isIpv4 } from '../networks/ipam';
import type { Endpoint, Network } from '../networks/model';
import { endpointsOf, subnetOf } from '../networks/store';

export type Namespace =
  | { kind: 'host' }
  | { kind: 'none'; owner: ContainerRecord }
  | { kind: 'bridge'; owner: ContainerRecord; endpoints: { network: Network; endpoint: Endpoint }[] };

/** The network namespace a container's processes live in (`container:<id>` shares the other one's). */
export function namespaceOf(d: Daemon, c: ContainerRecord): Namespace {
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host') return { kind: 'host' };
  if (mode.startsWith('container:')) {
    const joined = findContainer(d.state, mode.slice('container:'.length));
    return joined && hasSandbox(joined) ? namespaceOf(d, joined) : { kind: 'none', owner: c };
  }
  const endpoints = endpointsOf(d.state.networks, c.id).filter((e) => e.endpoint.ipv4 !== '');
  return endpoints.length > 0 ? { kind: 'bridge', owner: c, endpoints } : { kind: 'none', owner: c };
}

/** Who receives a packet, and the source address it sees (what an access log prints). */
export type Destination = { kind: 'container'; c: ContainerRecord; clientIp: string } | { kind: 'host'; clientIp: string };

/** Why a packet gets nowhere: no route (`sendto: Network is unreachable`) or dropped on the way (silence). */
export type RouteFailure = 'unreachable' | 'timeout';

export const isLoopback = (ip: string): boolean => ip.startsWith('127.');

function bridges(d: Daemon): Network[] {
  return Object.values(d.state.networks.networks).filter((n) => n.driver === 'bridge');
}

/** The host's own addresses besides loopback: the gateway of every bridge network. */
function isHostAddress(d: Daemon, ip: string): Network | undefined {
  return bridges(d).find((n) => subnetOf(n)?.gateway === ip);
}

/** The running container holding `ip` on some bridge network. */
function holderOf(d: Daemon, ip: string): { network: Network; endpoint: Endpoint; c: ContainerRecord } | undefined {
  for (const network of bridges(d)) {
    for (const endpoint of Object.values(network.endpoints)) {
      const c = endpoint.ipv4 === ip ? d.state.containers[endpoint.containerId] : undefined;
      if (c) return { network, endpoint, c };
    }
  }
  return undefined;
}

/** Routes a packet from namespace `from` to the IPv4 address `ip`. */
export function route(d: Daemon, from: Namespace, ip: string): Destination | RouteFailure {
  if (!isIpv4(ip)) return 'unreachable';
  if (isLoopback(ip)) return from.kind === 'host' ? { kind: 'host', clientIp: '127.0.0.1' } : { kind: 'container', c: from.owner, clientIp: '127.0.0.1' };
  if (from.kind === 'none') return 'unreachable';
  const hostNet = isHostAddress(d, ip);
  const holder = holderOf(d, ip);
  if (from.kind === 'host') {
    if (hostNet) return { kind: 'host', clientIp: ip };
    // the host routes to every bridge; the packet arrives from the bridge's gateway address
    return holder ? { kind: 'container', c: holder.c, clientIp: subnetOf(holder.network)!.gateway } : 'timeout';
  }
  const own = from.endpoints.find((e) => e.endpoint.ipv4 === ip);
  if (own) return { kind: 'container', c: from.owner, clientIp: ip };
  const shared = holder && from.endpoints.find((e) => e.network.id === holder.network.id);
  if (holder && shared) return { kind: 'container', c: holder.c, clientIp: shared.endpoint.ipv4 };
  const external = from.endpoints.find((e) => !e.network.internal);
  if (hostNet && (external || from.endpoints.some((e) => e.network.id === hostNet.id))) {
    return { kind: 'host', clientIp: (from.endpoints.find((e) => e.network.id === hostNet.id) ?? from.endpoints[0]!).endpoint.ipv4 };
  }
  // an address on one of our own subnets that nobody holds gets no ARP reply: the packet is lost
  const onLink = from.endpoints.some((e) => contains(subnetOf(e.network)!.cidr, ipToNum(ip)));
  if (onLink || external) return 'timeout';
  return 'unreachable';
}
