// Networks as libnetwork keeps them: a driver, an IPAM pool per network, and one endpoint per attached
// container (its IP, MAC and DNS aliases). The predefined bridge/host/none networks exist from daemon
// start; user networks draw their subnets from docker's default address pools.

export type NetworkDriver = 'bridge' | 'host' | 'null';

export interface IpamConfig {
  /** CIDR, '172.18.0.0/16' */
  Subnet: string;
  Gateway?: string;
  IPRange?: string;
}

export interface Endpoint {
  /** 64-hex endpoint ID (`network rm` quotes its 12-char prefix) */
  endpointId: string;
  containerId: string;
  /** the container's name without '/' */
  name: string;
  /** '172.18.0.2', '' on host/none */
  ipv4: string;
  /** prefix length of the subnet, for '172.18.0.2/16' */
  prefixLen: number;
  mac: string;
  /** user-given aliases (`--alias`, `--network-alias`) */
  aliases: string[];
  /** whether the IP was requested with `--ip` (kept across restarts) */
  staticIp: boolean;
}

export interface Network {
  id: string;
  name: string;
  driver: NetworkDriver;
  /** ms since epoch */
  created: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  ipam: { driver: 'default'; options: Record<string, string> | null; config: IpamConfig[] };
  options: Record<string, string>;
  labels: Record<string, string>;
  /** by container ID, in connection order */
  endpoints: Record<string, Endpoint>;
  /** the last IPv4 address handed out (as a number): IPAM allocates serially after it */
  ipamCursor: number;
  /** created with `--subnet`: only then may containers ask for a fixed `--ip` */
  userSubnet: boolean;
}

export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'] as const;

export const isPredefined = (n: Network): boolean => (PREDEFINED_NETWORKS as readonly string[]).includes(n.name);
