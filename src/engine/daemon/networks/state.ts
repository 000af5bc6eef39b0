// The serialisable part of the network controller. The predefined networks are created here, at
// daemon start, with IDs from the seeded source so a seed always gives the same `network ls`.
import type { IdSource } from '../../ids';
import type { Network, NetworkDriver } from './model';

export interface NetworkState {
  /** by network ID */
  networks: Record<string, Network>;
}

const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

function predefined(ids: IdSource, now: number, name: string, driver: NetworkDriver): Network {
  const isBridge = driver === 'bridge';
  return {
    id: ids.hex64(),
    name,
    driver,
    created: now,
    internal: false,
    attachable: false,
    enableIPv6: false,
    ipam: {
      driver: 'default',
      options: null,
      // like the reference engine, the default bridge records its pool but not its gateway (.1)
      config: isBridge ? [{ Subnet: '172.17.0.0/16' }] : [],
    },
    options: isBridge ? { ...DEFAULT_BRIDGE_OPTIONS } : {},
    labels: {},
    endpoints: {},
    ipamCursor: 0,
    userSubnet: false,
  };
}

export function newNetworkState(ids: IdSource, now: number): NetworkState {
  const nets = [
    predefined(ids, now, 'bridge', 'bridge'),
    predefined(ids, now, 'host', 'host'),
    predefined(ids, now, 'none', 'null'),
  ];
  return { networks: Object.fromEntries(nets.map((n) => [n.id, n])) };
}
