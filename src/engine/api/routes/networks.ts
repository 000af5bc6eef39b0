// Engine API network endpoints (moby api/server/router/network): list with filters, create, inspect,
// remove, connect/disconnect a container, prune. A running container gets its endpoint at once; a
// stopped one keeps the request in its endpoint config and is attached when it starts.
import type { Daemon } from '../../daemon/daemon';
import { hasSandbox, bareName } from '../../daemon/containers/model';
import { getContainer } from '../../daemon/containers/store';
import { badRequest, forbidden } from '../../daemon/errors';
import { isPredefined, type Network } from '../../daemon/networks/model';
import {
  connect,
  createNetwork,
  disconnect,
  getNetwork,
  prunableNetworks,
  removeNetwork,
} from '../../daemon/networks/store';
import { rfc3339Nano } from '../../cli/format/time';
import { decodeFilters, filterMatch, labelsMatch, untilCutoff, type FilterArgs } from '../filters';
import type { Router } from '../router';

/** the Containers map of network inspect (the list leaves it empty, so it is built only when asked for) */
const containersOf = (n: Network) =>
  Object.fromEntries(
    Object.values(n.endpoints).map((e) => [
      e.containerId,
      {
        Name: e.name,
        EndpointID: e.endpointId,
        MacAddress: e.mac,
        IPv4Address: e.ipv4 ? `${e.ipv4}/${e.prefixLen}` : '',
        IPv6Address: '',
      },
    ]),
  );

function networkView(n: Network, withContainers: boolean): Record<string, unknown> {
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: n.enableIPv6,
    IPAM: { Driver: n.ipam.driver, Options: n.ipam.options, Config: n.ipam.config.map((c) => ({ ...c })) },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: withContainers ? containersOf(n) : {},
    Options: { ...n.options },
    Labels: { ...n.labels },
  };
}

const LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];
const PRUNE_FILTERS = ['label', 'until'];

function matches(n: Network, f: FilterArgs): boolean {
  const any = (key: string, test: (v: string) => boolean) => !f[key] || f[key]!.some(test);
  const labels = n.labels;
  return (
    any('name', (v) => filterMatch(v, n.name)) &&
    any('id', (v) => n.id.startsWith(v)) &&
    any('driver', (v) => n.driver === v) &&
    any('scope', (v) => v === 'local') &&
    any('type', (v) => (v === 'builtin') === isPredefined(n)) &&
    // moby judges `dangling` on the list view, whose Containers map is always empty: every custom network
    // counts as dangling, attached or not (observed on the reference engine)
    any('dangling', (v) => (v === 'true' || v === '1') === !isPredefined(n)) &&
    labelsMatch(labels, f.label)
  );
}

interface CreateBody {
  Name?: string;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string; IPRange?: string }[] };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

interface ConnectBody {
  Container?: string;
  EndpointConfig?: { Aliases?: string[]; IPAMConfig?: { IPv4Address?: string } };
}

export function registerNetworksRoutes(router: Router, d: Daemon): void {
  const nets = () => d.state.networks;

  router.add('GET', '/networks', ({ query }) => {
    const f = decodeFilters(query.filters);
    for (const k of Object.keys(f)) if (!LIST_FILTERS.includes(k)) throw badRequest(`invalid filter '${k}'`);
    const badType = f.type?.find((t) => t !== 'custom' && t !== 'builtin');
    if (badType !== undefined) throw badRequest(`invalid filter: 'type'='${badType}'`);
    const list = Object.values(nets().networks).filter((n) => matches(n, f));
    return { status: 200, body: list.map((n) => networkView(n, false)) };
  });

  router.add('POST', '/networks/create', ({ body }) => {
    const b = (body ?? {}) as CreateBody;
    const ipam = b.IPAM?.Config?.[0];
    const net = createNetwork(nets(), d, {
      name: b.Name ?? '',
      driver: b.Driver,
      subnet: ipam?.Subnet,
      gateway: ipam?.Gateway,
      ipRange: ipam?.IPRange,
      internal: b.Internal,
      attachable: b.Attachable,
      labels: b.Labels,
      options: b.Options,
    });
    return { status: 201, body: { Id: net.id, Warning: '' } };
  });

  router.add('GET', '/networks/{id}', ({ params }) => ({
    status: 200,
    body: networkView(getNetwork(nets(), params.id!), true),
  }));

  router.add('DELETE', '/networks/{id}', ({ params }) => {
    removeNetwork(nets(), d, params.id!);
    return { status: 204, body: null };
  });

  router.add('POST', '/networks/{id}/connect', ({ params, body }) => {
    const b = (body ?? {}) as ConnectBody;
    const net = getNetwork(nets(), params.id!);
    const c = getContainer(d.state, b.Container ?? '');
    // moby runconfig.ErrConflictSharedNetwork: a container in the host's or another container's namespace
    const mode = c.hostConfig.NetworkMode;
    if (mode === 'host' || mode.startsWith('container:')) {
      throw forbidden('container sharing network namespace with another container or host cannot be connected to any other network');
    }
    const aliases = b.EndpointConfig?.Aliases ?? [];
    const ipv4 = b.EndpointConfig?.IPAMConfig?.IPv4Address;
    if (net.name in c.endpointConfig) {
      throw forbidden(`endpoint with name ${bareName(c)} already exists in network ${net.name}`);
    }
    if (hasSandbox(c)) {
      connect(nets(), d, net.id, { containerId: c.id, containerName: bareName(c), aliases, ...(ipv4 ? { ipv4 } : {}) });
    }
    c.endpointConfig[net.name] = { Aliases: aliases, ...(ipv4 ? { IPv4Address: ipv4 } : {}) };
    return { status: 200, body: null };
  });

  router.add('POST', '/networks/{id}/disconnect', ({ params, body }) => {
    const b = (body ?? {}) as { Container?: string };
    const net = getNetwork(nets(), params.id!);
    const c = getContainer(d.state, b.Container ?? '');
    if (net.name === 'host' && c.hostConfig.NetworkMode === 'host') {
      throw forbidden('container cannot be disconnected from host network or connected to host network');
    }
    if (!(net.name in c.endpointConfig) && !(c.id in net.endpoints)) {
      throw forbidden(`container ${c.id} is not connected to network ${net.name}`);
    }
    if (c.id in net.endpoints) disconnect(nets(), d, net.id, c.id);
    delete c.endpointConfig[net.name];
    return { status: 200, body: null };
  });

  // like libnetwork, only live endpoints keep a network: stopped containers do not
  router.add('POST', '/networks/prune', ({ query }) => {
    const f = decodeFilters(query.filters);
    for (const k of Object.keys(f)) if (!PRUNE_FILTERS.includes(k)) throw badRequest(`invalid filter '${k}'`);
    const until = untilCutoff(f, d.now());
    const deleted = prunableNetworks(nets())
      .filter((n) => (until === undefined || n.created < until) && labelsMatch(n.labels, f.label))
      .map((n) => removeNetwork(nets(), d, n.id).name);
    return { status: 200, body: { NetworksDeleted: deleted.length ? deleted : null } };
  });
}
