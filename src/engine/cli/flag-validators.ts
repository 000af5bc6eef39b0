// docker/cli's per-item validators for repeatable options (opts.ListOpts / MapOpts validators), by
// flag name: the CLI rejects these values while parsing flags, before any API call, with exit 125.
import { parseBytes } from './flag-values';
import { MountOptError, parseMountOpt } from './mount-opt';

type Validator = (value: string) => string | undefined;

const ULIMIT_NAMES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
]);
const SYSCTLS = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);
const DOMAIN = /^(:?(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))$/;
const WHITESPACE = /[ \t\n\v\f\r]/;

function cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

/** net.ParseIP: dotted IPv4 or IPv6 (with optional embedded IPv4) */
export function isIP(s: string): boolean {
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  if (v4.test(s)) return true;
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  const hasV4 = tail.includes('.');
  if (hasV4 && !v4.test(tail)) return false;
  const head = hasV4 ? s.slice(0, lastColon + 1) + '0:0' : s;
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => g.some((x) => !/^[0-9a-fA-F]{1,4}$/.test(x)))) return false;
  const n = groups.reduce((a, g) => a + g.length, 0);
  return halves.length === 2 ? n < 8 : n === 8;
}

/** a device rule "path:value" whose path must be under /dev/ */
function devicePair(v: string, checkValue: (value: string) => boolean, invalid: string): string | undefined {
  const [path, value, ok] = cut(v, ':');
  if (!ok || path === '') return `bad format: ${v}`;
  if (!path.startsWith('/dev/')) return `bad format for device path: ${v}`;
  return checkValue(value) ? undefined : invalid;
}

const isUint = (s: string, max: bigint) => /^\d+$/.test(s) && BigInt(s) <= max;

function ulimit(v: string): string | undefined {
  const eq = v.indexOf('=');
  if (eq < 0) return `invalid ulimit argument: ${v}`;
  const [name, limits] = [v.slice(0, eq), v.slice(eq + 1)];
  if (!ULIMIT_NAMES.has(name)) return `invalid ulimit type: ${name}`;
  const parts = limits.split(':');
  if (parts.length > 2) return `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``;
  for (const p of [...parts].reverse()) {
    if (!/^[+-]?\d+$/.test(p)) return `strconv.ParseInt: parsing ${JSON.stringify(p)}: invalid syntax`;
  }
  const soft = Number(parts[0]);
  const hard = Number(parts[1] ?? parts[0]);
  if (hard !== -1 && soft > hard) return `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`;
  return undefined;
}

const VALIDATORS: Record<string, Validator> = {
  attach: (v) => (/^(stdin|stdout|stderr)$/i.test(v) ? undefined : 'valid streams are STDIN, STDOUT and STDERR'),
  env: (v) => (cut(v, '=')[0] === '' ? `invalid environment variable: ${v}` : undefined),
  label: (v) => {
    const key = cut(v, '=')[0].replace(/^[ \t\n\v\f\r]+/, '');
    if (key === '') return `invalid label '${v}': empty name`;
    return WHITESPACE.test(key) ? `label '${key}' contains whitespaces` : undefined;
  },
  link: (v) => (v === '' ? 'empty string specified for links' : v.split(':').length > 2 ? `bad format for links: ${v}` : undefined),
  dns: (v) => (isIP(v.trim()) ? undefined : `IP address is not correctly formatted: ${v}`),
  'dns-search': (v) => {
    const d = v.replace(/^ +| +$/g, '');
    if (d === '.') return undefined;
    return /[a-zA-Z]/.test(d) && DOMAIN.test(d) && d.length < 255 ? undefined : `${d} is not a valid domain`;
  },
  'add-host': (v) => {
    let [host, addr, ok] = cut(v, '=');
    if (!ok) [host, addr, ok] = cut(v, ':');
    if (!ok || host === '' || host.includes(':')) return `bad format for add-host: ${JSON.stringify(v)}`;
    if (addr === 'host-gateway') return undefined;
    const ip = addr.length > 2 && addr.startsWith('[') && addr.endsWith(']') ? addr.slice(1, -1) : addr;
    return isIP(ip.trim()) ? undefined : `invalid IP address in add-host: ${JSON.stringify(ip)}`;
  },
  sysctl: (v) => {
    const [k, , ok] = cut(v, '=');
    if (ok && k !== '' && (SYSCTLS.has(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.'))) return undefined;
    return `sysctl '${v}' is not allowed`;
  },
  ulimit,
  'blkio-weight-device': (v) =>
    devicePair(
      v,
      (w) => isUint(w, 65535n) && (Number(w) === 0 || (Number(w) >= 10 && Number(w) <= 1000)),
      `invalid weight for device: ${v}`,
    ),
  'device-read-bps': (v) => devicePair(v, isRate, bpsError(v)),
  'device-write-bps': (v) => devicePair(v, isRate, bpsError(v)),
  'device-read-iops': (v) => devicePair(v, (r) => isUint(r, 2n ** 64n - 1n), iopsError(v)),
  'device-write-iops': (v) => devicePair(v, (r) => isUint(r, 2n ** 64n - 1n), iopsError(v)),
  'device-cgroup-rule': (v) => (/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(v) ? undefined : `invalid device cgroup format '${v}'`),
  mount: (v) => {
    try {
      parseMountOpt(v);
      return undefined;
    } catch (e) {
      if (e instanceof MountOptError) return e.message;
      throw e;
    }
  },
};

function isRate(r: string): boolean {
  try {
    return parseBytes(r) >= 0;
  } catch {
    return false;
  }
}

const bpsError = (v: string) =>
  `invalid rate for device: ${v}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`;
const iopsError = (v: string) =>
  `invalid rate for device: ${v}. The correct format is <device-path>:<number>. Number must be a positive integer`;

/** docker's validation of one value of a repeatable flag; the error text, or undefined when valid */
export function validateListItem(flagName: string, value: string): string | undefined {
  return VALIDATORS[flagName]?.(value);
}
