// A container's network sandbox: endpoints on its networks (addresses from engine-objects' IPAM) and
// its published host ports. It exists while the container runs or is paused; a stop releases it.
import { connect, disconnect, endpointsOf, findNetwork } from '../networks/store';
import { DaemonError, notFound } from '../errors';
import type { Daemon } from '../daemon';
import { bareName, type ContainerRecord } from './model';
import { allocatePorts } from './ports';

/** The network a NetworkMode names ('default' is the bridge). */
export const primaryNetworkName = (mode: string): string => (mode === 'default' || mode === '' ? 'bridge' : mode);

export function attachSandbox(d: Daemon, c: ContainerRecord): void {
  const nets = d.state.networks;
  try {
    for (const [name, cfg] of Object.entries(c.endpointConfig)) {
      if (!findNetwork(nets, name)) throw notFound(`network ${name} not found`);
      try {
        connect(nets, d, name, {
          containerId: c.id,
          containerName: bareName(c),
          aliases: cfg.Aliases,
          ...(cfg.IPv4Address ? { ipv4: cfg.IPv4Address } : {}),
        });
      } catch (e) {
        // Engine 28.1+ wraps start-time networking failures (as it does port conflicts, ports.ts)
        if (e instanceof DaemonError) throw new DaemonError(e.status, `failed to set up container networking: ${e.message}`);
        throw e;
      }
    }
    const first = endpointsOf(nets, c.id)[0];
    const publishes = first !== undefined && first.network.driver === 'bridge';
    c.ports = publishes ? allocatePorts(d.state, c, bareName(c), first.endpoint.endpointId) : {};
    c.sandboxId = d.ids.hex64();
  } catch (e) {
    releaseSandbox(d, c);
    throw e;
  }
}

export function releaseSandbox(d: Daemon, c: ContainerRecord): void {
  for (const { network } of endpointsOf(d.state.networks, c.id)) disconnect(d.state.networks, d, network.id, c.id);
  c.ports = {};
  c.sandboxId = '';
}

/** The container's address on its first network ('' when it has none). */
export const primaryIp = (d: Daemon, c: ContainerRecord): string => endpointsOf(d.state.networks, c.id)[0]?.endpoint.ipv4 ?? '';
