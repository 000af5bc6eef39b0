// Name resolution as a container's resolver sees it: /etc/hosts first (localhost, the container's own
// hostname, `--add-host` entries), then Docker's embedded DNS server (127.0.0.11), which exists only on
// user-defined networks and answers with the names, network aliases and short IDs of the containers on
// the networks this container shares. The default bridge has no embedded DNS, and the simulated host has
// no upstream resolver, so every other name is unknown.
import type { Daemon } from '../daemon';
import { HOST_NAME } from '../system-info';
import { isIpv4 } from '../networks/ipam';
import { isPredefined } from '../networks/model';
import { subnetOf } from '../networks/store';
import { containerFs } from '../containers/rootfs';
import type { Namespace } from './topology';

export type Resolution = { ip: string } | { error: 'bad-address' | 'unreachable' };

/** `--add-host name:ip`'s address: 'host-gateway' is the default bridge's gateway (dockerd's default). */
export function addHostIp(d: Daemon, ip: string): string {
  if (ip !== 'host-gateway') return ip;
  const bridge = Object.values(d.state.networks.networks).find((n) => n.name === 'bridge');
  return (bridge && subnetOf(bridge)?.gateway) || '172.17.0.1';
}

function extraHosts(d: Daemon, entries: string[] | null): Record<string, string> {
  const hosts: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const sep = entry.indexOf(':');
    if (sep > 0) hosts[entry.slice(0, sep).toLowerCase()] = addHostIp(d, entry.slice(sep + 1));
  }
  return hosts;
}

/** IPv4 entries of a hosts file, name → address (the first line naming a host wins, as glibc and musl read it). */
export function parseHosts(text: string): Record<string, string> {
  const hosts: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !isIpv4(ip)) continue;
    for (const n of names) hosts[n.toLowerCase()] ??= ip;
  }
  return hosts;
}

/** What dockerd writes into /etc/hosts, name → address (before the container's file exists). */
function generatedHosts(d: Daemon, ns: Namespace): Record<string, string> {
  if (ns.kind === 'host') return { localhost: '127.0.0.1', [HOST_NAME]: '127.0.1.1' };
  const c = ns.owner;
  const hosts: Record<string, string> = { localhost: '127.0.0.1', ...extraHosts(d, c.hostConfig.ExtraHosts) };
  if (ns.kind === 'bridge') hosts[c.config.Hostname.toLowerCase()] = ns.endpoints[0]!.endpoint.ipv4;
  return hosts;
}

/**
 * The namespace's /etc/hosts, name → address: the container's own file as it is now (a learner's edit
 * counts, as it does for the real resolver), else what dockerd writes into it.
 */
export function etcHosts(d: Daemon, ns: Namespace): Record<string, string> {
  if (ns.kind !== 'host') {
    const fs = containerFs(d, ns.owner);
    const text = fs.stat('/etc/hosts')?.type === 'file' ? fs.readFile('/etc/hosts') : '';
    if (text.trim() !== '') return parseHosts(text);
  }
  return generatedHosts(d, ns);
}

/** The embedded DNS server's answer for `name` (lower case): peers on the shared user-defined networks. */
function embeddedDns(ns: Namespace & { kind: 'bridge' }, name: string): string | undefined {
  for (const { network } of ns.endpoints) {
    if (isPredefined(network)) continue;
    for (const ep of Object.values(network.endpoints)) {
      const names = [ep.name, ...ep.aliases, ep.containerId.slice(0, 12)].map((n) => n.toLowerCase());
      if (names.includes(name) && ep.ipv4 !== '') return ep.ipv4;
    }
  }
  return undefined;
}

/** Whether the namespace has a DNS server to ask (the embedded one, or the host's upstream). */
export const hasResolver = (ns: Namespace): boolean => ns.kind !== 'none';

export function resolve(d: Daemon, ns: Namespace, host: string): Resolution {
  if (isIpv4(host)) return { ip: host };
  const name = host.toLowerCase().replace(/\.$/, '');
  const fromHosts = etcHosts(d, ns)[name];
  if (fromHosts) return { ip: fromHosts };
  if (!hasResolver(ns)) return { error: 'unreachable' };
  const ip = ns.kind === 'bridge' ? embeddedDns(ns, name) : undefined;
  return ip ? { ip } : { error: 'bad-address' };
}
