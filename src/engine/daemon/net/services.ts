// NetServices over the daemon's state: what a process inside a container (or on the simulated host)
// reaches with ping, nslookup, wget and curl. Resolution (dns.ts) and routing (topology.ts) decide where
// a packet goes; a TCP connection then needs a running, unpaused server process listening on the port,
// whose HTTP handler answers and writes its access log into that container's log.
import type { HttpResult, NetServices } from '../../shell/services';
import type { Daemon } from '../daemon';
import { appendLog, logDueLines, programContext } from '../containers/runtime';
import { hasSandbox, type ContainerRecord, type ProcessRun } from '../containers/model';
import type { Listener, Stream } from '../process/plan';
import { tcpHandler } from './tcp-handlers';
import { subnetOf, endpointsOf } from '../networks/store';
import { resolve } from './dns';
import { httpHandler, STATUS_TEXT } from './http-handlers';
import { isLoopback, namespaceOf, route, type Namespace } from './topology';

/** A float in [0, 1) from the daemon's seed and the packet's particulars: varied, yet reproducible. */
function noise(seed: number, ...parts: (string | number)[]): number {
  let h = seed ^ 0x9e3779b9;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return ((h ^ (h >>> 12)) >>> 0) / 0x100000000;
}

/**
 * Echo requests sent so far per daemon: successive pings within one instant get different times. Kept
 * beside the state, not in it (a restored engine starts counting again; the times stay plausible).
 */
const echoes = new WeakMap<Daemon, number>();

/** Round-trip times as busybox ping shows them on one machine: a few tens of µs over loopback, more over a bridge. */
function rtt(d: Daemon, from: Namespace, ip: string): number {
  const n = (echoes.get(d) ?? 0) + 1;
  echoes.set(d, n);
  const base = isLoopback(ip) ? 0.03 : 0.06;
  const ms = base + noise(d.ids.seed, d.now(), n, from.kind === 'host' ? 'host' : from.owner.id, ip) * (isLoopback(ip) ? 0.12 : 0.4);
  return Math.round(ms * 1000) / 1000;
}

interface Url {
  host: string;
  port: number;
  path: string;
}

/** 'http://web:8080/a?b' (scheme optional, as curl takes it); undefined for what no URL parser accepts. */
export function parseUrl(url: string): Url | undefined {
  const m = /^(?:http:\/\/)?([^/:?#\s]+)(?::(\d{1,5}))?([/?][^#\s]*)?$/i.exec(url);
  if (!m) return undefined;
  const port = m[2] === undefined ? 80 : Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  const path = m[3] ?? '/';
  return { host: m[1]!, port, path: path.startsWith('?') ? `/${path}` : path };
}

/** The listener of a container's main process on `port` reachable from `clientIp` (undefined: none). */
function listenerOf(c: ContainerRecord, port: number, clientIp: string) {
  return c.process?.plan.listens?.find((l) => l.port === port && (l.address === undefined || !isLoopback(l.address) || isLoopback(clientIp)));
}

/** Where a connection to the host's `port` ends up: a published port's container, or a host-network server. */
function hostListener(d: Daemon, port: number, loopback: boolean): { c: ContainerRecord; port: number; clientIp: string } | undefined {
  for (const c of Object.values(d.state.containers)) {
    if (!hasSandbox(c)) continue;
    if (c.hostConfig.NetworkMode === 'host' && listenerOf(c, port, '127.0.0.1')) return { c, port, clientIp: '127.0.0.1' };
    for (const [key, bindings] of Object.entries(c.ports)) {
      const [containerPort, proto] = key.split('/');
      const bound = bindings.some((b) => Number(b.HostPort) === port && (b.HostIp !== '127.0.0.1' || loopback));
      if (proto !== 'tcp' || !bound) continue;
      // docker-proxy forwards from the bridge's gateway address
      const first = endpointsOf(d.state.networks, c.id)[0];
      return { c, port: Number(containerPort), clientIp: (first && subnetOf(first.network)?.gateway) || '172.17.0.1' };
    }
  }
  return undefined;
}

export interface RequestSpec {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

type ConnectError = 'bad-address' | 'refused' | 'unreachable' | 'timeout' | 'reset';

/** An accepted connection: the serving container, its listener, and the source address it sees. */
interface Connection {
  c: ContainerRecord & { process: ProcessRun };
  listener: Listener;
  clientIp: string;
}

/**
 * Connects from namespace `from` to `host:port` as TCP does: resolve, route, then a running, unpaused
 * process listening there. Through a published port docker-proxy accepts first, so a missing server
 * shows as a reset rather than a refusal.
 */
function connect(d: Daemon, from: Namespace, host: string, port: number): Connection | { error: ConnectError; host: string; port: number } {
  const r = resolve(d, from, host);
  if ('error' in r) return { error: 'bad-address', host, port };
  const fail = (error: ConnectError) => ({ error, host: r.ip, port });
  const dest = route(d, from, r.ip);
  if (typeof dest === 'string') return fail(dest);
  let target = dest.kind === 'container' ? { c: dest.c, port, clientIp: dest.clientIp, viaProxy: false } : undefined;
  if (dest.kind === 'host') {
    const published = hostListener(d, port, isLoopback(r.ip));
    if (!published) return fail('refused');
    target = { ...published, viaProxy: published.c.hostConfig.NetworkMode !== 'host' };
  }
  const { c, clientIp, viaProxy } = target!;
  const noServer = viaProxy ? 'reset' : 'refused';
  if (!c.state.Running || c.state.Restarting || !c.process) return fail(noServer);
  // a frozen process never accepts: the client waits until it gives up
  if (c.state.Paused) return fail('timeout');
  const listener = listenerOf(c, target!.port, clientIp);
  if (!listener) return fail(noServer);
  return { c: c as Connection['c'], listener, clientIp };
}

/** The serving process's view for a handler, at d.now(). */
function serverView(d: Daemon, conn: Connection) {
  const now = d.now();
  const ctx = programContext(d, conn.c, now);
  return { fs: ctx.sys.fs, env: ctx.env, options: conn.listener.options ?? {}, now, served: conn.c.process.served ?? 0 };
}

/** After a request: count it and write the server's log lines at d.now(). */
function served(d: Daemon, conn: Connection, log: { stream: Stream; text: string }[]): void {
  const now = d.now();
  conn.c.process.served = (conn.c.process.served ?? 0) + 1;
  logDueLines(conn.c, now);
  appendLog(conn.c, log.map((l) => ({ at: 0, ...l })), now);
}

function httpExchange(d: Daemon, conn: Connection, spec: RequestSpec, path: string): HttpResult {
  const handler = httpHandler(conn.listener.handler);
  // a server speaking another protocol drops a client that opens with an HTTP request
  if (!handler) return { error: 'reset', host: '', port: conn.listener.port };
  const view = serverView(d, conn);
  const clientPort = 32768 + Math.floor(noise(d.ids.seed, view.now, view.served, conn.c.id) * 28000);
  const method = spec.method.toUpperCase();
  const reply = handler({ method, path, headers: spec.headers ?? {}, body: spec.body ?? '', clientIp: conn.clientIp, clientPort }, view);
  served(d, conn, reply.log);
  return { status: reply.status, statusText: STATUS_TEXT[reply.status] ?? '', headers: reply.headers, body: method === 'HEAD' ? '' : reply.body };
}

const resolveIp = (d: Daemon, from: Namespace, host: string): string => {
  const r = resolve(d, from, host);
  return 'ip' in r ? r.ip : host;
};

/** The network as seen from namespace `ns` (of a container, or the host's). */
function servicesFor(d: Daemon, ns: () => Namespace): NetServices {
  return {
    resolve: (name) => resolve(d, ns(), name),
    ping(host) {
      const from = ns();
      const r = resolve(d, from, host);
      if ('error' in r) return { error: 'bad-address' };
      const dest = route(d, from, r.ip);
      if (typeof dest === 'string') return { ip: r.ip, error: dest };
      return { ip: r.ip, ttl: 64, rttMs: rtt(d, from, r.ip) };
    },
    http(req) {
      const url = parseUrl(req.url);
      if (!url) return { error: 'bad-address', host: req.url, port: 80 };
      const conn = connect(d, ns(), url.host, url.port);
      if ('error' in conn) return conn;
      const headers = { Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, ...req.headers };
      const result = httpExchange(d, conn, { ...req, headers }, url.path);
      return 'error' in result ? { ...result, host: resolveIp(d, ns(), url.host), port: url.port } : result;
    },
    exchange(host, port, request) {
      const conn = connect(d, ns(), host, port);
      if ('error' in conn) return conn;
      const handler = tcpHandler(conn.listener.handler);
      if (!handler) return { error: 'reset', host: resolveIp(d, ns(), host), port };
      const out = handler(request, serverView(d, conn));
      served(d, conn, out.log);
      return { ip: resolveIp(d, ns(), host), reply: out.reply };
    },
  };
}

/** The network as container `c`'s processes see it (looked up at each call: containers come and go). */
export const containerNet = (d: Daemon, c: ContainerRecord): NetServices => servicesFor(d, () => namespaceOf(d, c));

/**
 * The network as the simulated host sees it: `curl localhost:8080` reaches the container port published
 * there (and nothing that is not published), or a `--network host` server listening on 8080 itself.
 */
export const hostNet = (d: Daemon): NetServices => servicesFor(d, () => ({ kind: 'host' }));
