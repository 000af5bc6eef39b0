// The network controller (libnetwork + daemon/network.go): find, create, remove and prune networks,
// connect and disconnect container endpoints with IPAM, and the exact refusal for each illegal move.
import { conflict, forbidden, notFound, badRequest } from '../errors';
import type { ObjectsContext } from '../objects-context';
import {
  allocate,
  cidrString,
  contains,
  defaultGateway,
  ipToNum,
  isIpv4,
  nextFreePool,
  numToIp,
  overlaps,
  parseCidr,
  type Cidr,
} from './ipam';
import { isPredefined, PREDEFINED_NETWORKS, type Endpoint, type IpamConfig, type Network } from './model';
import type { NetworkState } from './state';

/** moby FindNetwork: full ID, then exact name, then a unique ID prefix. */
export function findNetwork(state: NetworkState, idOrName: string): Network | undefined {
  const all = Object.values(state.networks);
  const byId = state.networks[idOrName];
  if (byId) return byId;
  const byName = all.find((n) => n.name === idOrName);
  if (byName) return byName;
  const byPrefix = all.filter((n) => n.id.startsWith(idOrName));
  return byPrefix.length === 1 && idOrName !== '' ? byPrefix[0] : undefined;
}

export function getNetwork(state: NetworkState, idOrName: string): Network {
  const n = findNetwork(state, idOrName);
  if (!n) throw notFound(`network ${idOrName} not found`);
  return n;
}

export interface NetworkCreateOptions {
  name: string;
  driver?: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

const subnetsInUse = (state: NetworkState): Cidr[] =>
  Object.values(state.networks).flatMap((n) => n.ipam.config.map((c) => parseCidr(c.Subnet)!));

function ipamConfigFor(state: NetworkState, opts: NetworkCreateOptions): IpamConfig {
  if (!opts.subnet) {
    if (opts.gateway) throw badRequest('ipam-driver: gateway address requires a subnet');
    const pool = nextFreePool(subnetsInUse(state));
    if (!pool)
      throw forbidden(
        'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
      );
    return { Subnet: cidrString(pool), Gateway: defaultGateway(pool) };
  }
  const subnet = parseCidr(opts.subnet);
  if (!subnet) throw badRequest(`Invalid subnet ${opts.subnet} : invalid CIDR address: ${opts.subnet}`);
  if (subnetsInUse(state).some((s) => overlaps(s, subnet))) {
    throw forbidden('Pool overlaps with other one on this address space');
  }
  const cfg: IpamConfig = { Subnet: opts.subnet };
  if (opts.ipRange) cfg.IPRange = opts.ipRange;
  if (opts.gateway) {
    if (!isIpv4(opts.gateway)) throw badRequest(`Invalid gateway address ${opts.gateway}`);
    if (!contains(subnet, ipToNum(opts.gateway))) throw forbidden(`no matching subnet for gateway ${opts.gateway}`);
    cfg.Gateway = opts.gateway;
  }
  return cfg;
}

export function createNetwork(state: NetworkState, ctx: ObjectsContext, opts: NetworkCreateOptions): Network {
  const driver = opts.driver || 'bridge';
  if ((PREDEFINED_NETWORKS as readonly string[]).includes(opts.name)) {
    throw forbidden(`operation is not permitted on predefined ${opts.name} network`);
  }
  if (Object.values(state.networks).some((n) => n.name === opts.name)) {
    throw conflict(`network with name ${opts.name} already exists`);
  }
  if (driver === 'host' || driver === 'null') throw forbidden(`only one instance of "${driver}" network is allowed`);
  if (driver !== 'bridge') throw notFound(`plugin "${driver}" not found`);
  const net: Network = {
    id: ctx.ids.hex64(),
    name: opts.name,
    driver: 'bridge',
    created: ctx.now(),
    internal: opts.internal ?? false,
    attachable: opts.attachable ?? false,
    enableIPv6: false,
    ipam: { driver: 'default', options: {}, config: [ipamConfigFor(state, opts)] },
    options: { ...opts.options },
    labels: { ...opts.labels },
    endpoints: {},
    ipamCursor: 0,
    userSubnet: Boolean(opts.subnet),
  };
  state.networks[net.id] = net;
  ctx.emit('network', 'create', net.id, { name: net.name, type: net.driver });
  return net;
}

export function removeNetwork(state: NetworkState, ctx: ObjectsContext, idOrName: string): Network {
  const net = getNetwork(state, idOrName);
  if (isPredefined(net)) throw forbidden(`${net.name} is a pre-defined network and cannot be removed`);
  const eps = Object.values(net.endpoints);
  if (eps.length > 0) {
    const list = eps.map((e) => `name:"${e.name}" id:"${e.endpointId.slice(0, 12)}"`).join(', ');
    throw forbidden(`error while removing network: network ${net.name} has active endpoints (${list})`);
  }
  delete state.networks[net.id];
  ctx.emit('network', 'destroy', net.id, { name: net.name, type: net.driver });
  return net;
}

/** Networks with no endpoints that a prune may remove (user-defined only). */
export const prunableNetworks = (state: NetworkState): Network[] =>
  Object.values(state.networks).filter((n) => !isPredefined(n) && Object.keys(n.endpoints).length === 0);

export interface ConnectRequest {
  containerId: string;
  /** container name without '/' */
  containerName: string;
  aliases?: string[];
  /** `--ip` */
  ipv4?: string;
}

type Subnet = { cidr: Cidr; gateway: string };

/** parsed subnets by their config entry (lists and inspect ask for every endpoint's gateway) */
const parsedSubnets = new WeakMap<IpamConfig, { from: IpamConfig; subnet: Subnet }>();

/** The network's (first) IPv4 subnet and gateway, or undefined for host/none. */
export function subnetOf(net: Network): Subnet | undefined {
  const cfg = net.ipam.config[0];
  if (!cfg) return undefined;
  const cached = parsedSubnets.get(cfg);
  if (cached && cached.from.Subnet === cfg.Subnet && cached.from.Gateway === cfg.Gateway) return cached.subnet;
  const cidr = parseCidr(cfg.Subnet)!;
  const subnet = { cidr, gateway: cfg.Gateway ?? defaultGateway(cidr) };
  parsedSubnets.set(cfg, { from: { ...cfg }, subnet });
  return subnet;
}

/**
 * The addresses a network's endpoints hold, derived from `endpoints` and kept beside it (never
 * snapshotted: a restored network is a new object and is indexed afresh); connect and disconnect,
 * the only writers of `endpoints`, keep it current. Allocation then costs no scan of every endpoint.
 */
const heldAddresses = new WeakMap<Network, Set<number>>();

function addressesHeld(net: Network): Set<number> {
  let held = heldAddresses.get(net);
  if (!held) {
    held = new Set(Object.values(net.endpoints).filter((e) => e.ipv4 !== '').map((e) => ipToNum(e.ipv4)));
    heldAddresses.set(net, held);
  }
  return held;
}

/** A locally administered unicast MAC derived from the endpoint ID (Engine 28 uses random MACs). */
function macFor(endpointId: string): string {
  const bytes = endpointId
    .match(/../g)!
    .slice(0, 6)
    .map((h) => parseInt(h, 16));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function networksOf(state: NetworkState, containerId: string): Network[] {
  return Object.values(state.networks).filter((n) => containerId in n.endpoints);
}

function pickAddress(net: Network, req: ConnectRequest): { ip: number; staticIp: boolean } | undefined {
  const sub = subnetOf(net);
  if (!sub) return undefined;
  const held = addressesHeld(net);
  const gateway = ipToNum(sub.gateway);
  const used = { has: (ip: number) => ip === gateway || held.has(ip) };
  if (req.ipv4) {
    if (!net.userSubnet) {
      throw badRequest(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    }
    const ip = ipToNum(req.ipv4);
    if (!isIpv4(req.ipv4) || !contains(sub.cidr, ip)) {
      throw forbidden(`no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`);
    }
    if (used.has(ip)) throw forbidden('Address already in use');
    return { ip, staticIp: true };
  }
  const ip = allocate(sub.cidr, used, net.ipamCursor);
  if (ip === undefined) {
    throw forbidden(`no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`);
  }
  net.ipamCursor = ip;
  return { ip, staticIp: false };
}

/** Attaches a container to a network, allocating its address. Returns the new endpoint. */
export function connect(state: NetworkState, ctx: ObjectsContext, idOrName: string, req: ConnectRequest): Endpoint {
  const net = getNetwork(state, idOrName);
  if (req.containerId in net.endpoints) {
    throw forbidden(`endpoint with name ${req.containerName} already exists in network ${net.name}`);
  }
  const current = networksOf(state, req.containerId);
  if (current.length > 0) {
    if (net.driver === 'null' || current.some((n) => n.driver === 'null')) {
      throw forbidden(
        'container cannot be connected to multiple networks with one of the networks in private (none) mode',
      );
    }
    if (net.driver === 'host' || current.some((n) => n.driver === 'host')) {
      throw forbidden('container cannot be disconnected from host network or connected to host network');
    }
  }
  if (req.aliases?.length && isPredefined(net)) {
    throw badRequest('network-scoped alias is supported only for containers in user defined networks');
  }
  const addr = pickAddress(net, req);
  const endpointId = ctx.ids.hex64();
  const ep: Endpoint = {
    endpointId,
    containerId: req.containerId,
    name: req.containerName,
    ipv4: addr ? numToIp(addr.ip) : '',
    prefixLen: addr ? subnetOf(net)!.cidr.prefix : 0,
    mac: addr ? macFor(endpointId) : '',
    aliases: [...(req.aliases ?? [])],
    staticIp: addr?.staticIp ?? false,
  };
  net.endpoints[req.containerId] = ep;
  if (ep.ipv4 !== '') addressesHeld(net).add(ipToNum(ep.ipv4));
  ctx.emit('network', 'connect', net.id, { container: req.containerId, name: net.name, type: net.driver });
  return ep;
}

/** Detaches a container, releasing its address. */
export function disconnect(state: NetworkState, ctx: ObjectsContext, idOrName: string, containerId: string): Network {
  const net = getNetwork(state, idOrName);
  if (!(containerId in net.endpoints)) {
    throw forbidden(`container ${containerId} is not connected to network ${net.name}`);
  }
  const ep = net.endpoints[containerId]!;
  delete net.endpoints[containerId];
  if (ep.ipv4 !== '') addressesHeld(net).delete(ipToNum(ep.ipv4));
  ctx.emit('network', 'disconnect', net.id, { container: containerId, name: net.name, type: net.driver });
  return net;
}

/** Every network a container currently has an endpoint on (for stop/rm cleanup and inspect). */
export const endpointsOf = (state: NetworkState, containerId: string): { network: Network; endpoint: Endpoint }[] =>
  networksOf(state, containerId).map((network) => ({ network, endpoint: network.endpoints[containerId]! }));
