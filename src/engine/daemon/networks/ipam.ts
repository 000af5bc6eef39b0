// IPv4 address management as libnetwork's default IPAM does it: subnets come from docker's default
// address pools (172.17–31.0.0/16, then 192.168.0.0/16 in /20 steps), the first host address is the
// gateway, and container addresses are handed out serially (a released address is not reused at once).

export interface Cidr {
  /** network address as an unsigned 32-bit number */
  base: number;
  prefix: number;
}

export const ipToNum = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

export const numToIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const isIpv4 = (s: string): boolean => IPV4_RE.test(s);

/** Parses 'a.b.c.d/n'; undefined when malformed. The base is masked to the network address. */
export function parseCidr(s: string): Cidr | undefined {
  const [ip, p, ...rest] = s.split('/');
  if (rest.length || !ip || !p || !isIpv4(ip) || !/^\d+$/.test(p) || Number(p) > 32) return undefined;
  const prefix = Number(p);
  return { base: (ipToNum(ip) & mask(prefix)) >>> 0, prefix };
}

const mask = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
export const cidrString = (c: Cidr): string => `${numToIp(c.base)}/${c.prefix}`;
const size = (c: Cidr) => 2 ** (32 - c.prefix);

export const contains = (c: Cidr, ip: number): boolean => ip >= c.base && ip < c.base + size(c);
export const overlaps = (a: Cidr, b: Cidr): boolean => contains(a, b.base) || contains(b, a.base);

/** docker's default address pools, in the order the daemon tries them */
function* defaultPools(): Generator<Cidr> {
  for (let b = 17; b <= 31; b++) yield { base: ipToNum(`172.${b}.0.0`), prefix: 16 };
  for (let c = 0; c < 256; c += 16) yield { base: ipToNum(`192.168.${c}.0`), prefix: 20 };
}

/** The first default pool that overlaps none of `taken`. */
export function nextFreePool(taken: Cidr[]): Cidr | undefined {
  for (const pool of defaultPools()) if (!taken.some((t) => overlaps(t, pool))) return pool;
  return undefined;
}

/** The gateway docker picks: the first host address. */
export const defaultGateway = (c: Cidr): string => numToIp(c.base + 1);

/**
 * Next free host address after `cursor` (serial allocation, wrapping once), skipping the network and
 * broadcast addresses and everything in `used`. Undefined when the subnet is full.
 */
export function allocate(c: Cidr, used: { has(ip: number): boolean }, cursor: number): number | undefined {
  const first = c.base + 1;
  const last = c.base + size(c) - 2;
  const span = last - first + 1;
  if (span <= 0) return undefined;
  const start = cursor >= first && cursor <= last ? cursor + 1 : first;
  for (let i = 0; i < span; i++) {
    const ip = first + ((start - first + i) % span);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
