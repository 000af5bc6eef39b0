// Network applets over NetServices, in the wording of the real tools: busybox wget/ping/nslookup,
// curl, and iputils ping on Debian-based images.
import type { PlannedLine } from '../../daemon/process/plan';
import { resolvePath } from '../../fs/types';
import { ForeverSignal } from '../io';
import type { HttpResult } from '../services';
import { errnoText, fail, options, out, err, type Applet } from './types';

type HttpFailure = Extract<HttpResult, { error: string }>;

/** http://host[:port]/path → parts (scheme optional, as wget and curl accept) */
function parseUrl(url: string): { host: string; port: number; path: string; url: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
  if (!m) return undefined;
  const scheme = m[1] ?? 'http';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] || '/';
  return { host: m[2]!, port, path, url: `${scheme}://${m[2]}${m[3] ? ':' + m[3] : ''}${path}` };
}

const fileNameOf = (path: string) => path.replace(/[?#].*$/, '').replace(/^.*\//, '') || 'index.html';

export const wget: Applet = (c) => {
  const o = options(c.argv.slice(1), 'qcsS', 'OTtYU');
  const target = o.operands[0];
  if (!target) return fail(c, 'missing URL');
  const url = parseUrl(target);
  if (!url) return fail(c, `bad address '${target}'`);
  const quiet = o.set.has('q');
  const resolved = c.sys.net.resolve(url.host);
  if ('error' in resolved) return fail(c, resolved.error === 'bad-address' ? `bad address '${url.host}'` : `can't connect to remote host: Network is unreachable`);
  if (!quiet) err(c, `Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${resolved.ip}:${url.port})`);
  const res = c.sys.net.http({ method: 'GET', url: url.url, headers: { 'User-Agent': 'Wget' } });
  if ('error' in res) return fail(c, wgetError(res, resolved.ip));
  if (res.status >= 400) return fail(c, `server returned error: HTTP/1.1 ${res.status} ${res.statusText}`);
  const dest = o.values['O'] ?? fileNameOf(url.path);
  if (dest === '-') {
    out(c, res.body);
    if (!quiet) err(c, `writing to stdout\n-                    100% |********************************| ${size(res.body)}  0:00:00 ETA\nwritten to stdout`);
    return 0;
  }
  const path = resolvePath(c.cwd, dest);
  if (!o.values['O'] && c.sys.fs.stat(path)) return fail(c, `can't open '${dest}': File exists`);
  try {
    c.sys.fs.writeFile(path, res.body);
  } catch (e) {
    return fail(c, `can't open '${dest}': ${errnoText(e)}`);
  }
  if (!quiet) err(c, `saving to '${dest}'\n${dest.padEnd(20).slice(0, 20)} 100% |********************************| ${size(res.body)}  0:00:00 ETA\n'${dest}' saved`);
  return 0;
};

const size = (body: string) => String(new TextEncoder().encode(body).length).padStart(5);

function wgetError(res: HttpFailure, ip: string): string {
  switch (res.error) {
    case 'bad-address': return `bad address '${res.host}'`;
    case 'refused': return `can't connect to remote host (${ip}): Connection refused`;
    case 'unreachable': return `can't connect to remote host (${ip}): Network is unreachable`;
    case 'reset': return 'error getting response: Connection reset by peer';
    default: return 'download timed out';
  }
}

const CURL_METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** Ubuntu 24.04's curl, what a learner's host most often has */
const CURL_AGENT = 'curl/8.5.0';

export const curl: Applet = (c) => {
  const args = c.argv.slice(1);
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const operands: string[] = [];
  const LONG: Record<string, string> = { '--silent': 's', '--head': 'I', '--include': 'i', '--fail': 'f', '--location': 'L', '--output': 'o', '--remote-name': 'O', '--show-error': 'S', '--verbose': 'v', '--request': 'X', '--header': 'H', '--data': 'd' };
  for (let i = 0; i < args.length; i++) {
    const a = Object.hasOwn(LONG, args[i]!) ? '-' + LONG[args[i]!] : args[i]!;
    if (!a.startsWith('-') || a === '-') operands.push(a);
    else {
      for (let k = 1; k < a.length; k++) {
        if ('oXHd'.includes(a[k]!)) {
          values[a[k]!] = a.slice(k + 1) || args[++i] || '';
          break;
        }
        flags.add(a[k]!);
      }
    }
  }
  const target = operands[0];
  if (!target) {
    err(c, "curl: try 'curl --help' or 'curl --manual' for more information");
    return 2;
  }
  const url = parseUrl(target);
  const silent = flags.has('s') && !flags.has('S');
  const failWith = (code: number, message: string) => {
    if (!silent) err(c, `curl: (${code}) ${message}`);
    return code;
  };
  if (!url) return failWith(3, `URL rejected: Malformed input to a URL function`);
  const toFile = values['o'] ?? (flags.has('O') ? fileNameOf(url.path) : undefined);
  const meter = toFile !== undefined && !flags.has('s');
  const method = flags.has('I') ? 'HEAD' : (values['X'] ?? (values['d'] !== undefined ? 'POST' : 'GET'));
  // the User-Agent servers log (nginx's access log shows it); -H adds or replaces a header
  const headers: Record<string, string> = { 'User-Agent': CURL_AGENT, Accept: '*/*' };
  const extra = values['H']?.match(/^([^:]+):\s*(.*)$/);
  if (extra) headers[extra[1]!] = extra[2]!;
  const res = c.sys.net.http({ method, url: url.url, headers, ...(values['d'] !== undefined ? { body: values['d'] } : {}) });
  if ('error' in res) {
    if (meter) err(c, CURL_METER.trimEnd() + '\n  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    switch (res.error) {
      case 'bad-address': return failWith(6, `Could not resolve host: ${url.host}`);
      case 'refused': return failWith(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
      case 'unreachable': return failWith(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
      case 'reset': return failWith(56, 'Recv failure: Connection reset by peer');
      default: return failWith(28, `Failed to connect to ${url.host} port ${url.port} after 130000 ms: Couldn't connect to server`);
    }
  }
  if (flags.has('f') && res.status >= 400) return failWith(22, `The requested URL returned error: ${res.status}`);
  const head = `HTTP/1.1 ${res.status} ${res.statusText}\r\n${Object.entries(res.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const body = flags.has('I') ? head : (flags.has('i') ? head : '') + res.body;
  if (toFile !== undefined) {
    try {
      c.sys.fs.writeFile(resolvePath(c.cwd, toFile), body);
    } catch {
      return failWith(23, `Failure writing output to destination`);
    }
    if (meter) {
      const n = String(new TextEncoder().encode(body).length);
      err(c, CURL_METER + `100 ${n.padStart(5)}  100 ${n.padStart(5)}    0     0   ${'600k'.padStart(4)}      0 --:--:-- --:--:-- --:--:--  600k`);
    }
    return 0;
  }
  out(c, body);
  return 0;
};

/** ms between echo requests */
const INTERVAL = 1000;

export const ping: Applet = (c) => {
  const o = options(c.argv.slice(1), 'qn46', 'cWwis');
  const host = o.operands[0];
  const iputils = c.userland === 'coreutils';
  if (!host) return fail(c, iputils ? 'usage error: Destination address required' : 'usage: ping [OPTIONS] HOST', iputils ? 2 : 1);
  const first = c.sys.net.ping(host);
  if ('error' in first && first.error === 'bad-address') {
    return fail(c, iputils ? `${host}: Name or service not known` : `bad address '${host}'`, iputils ? 2 : 1);
  }
  const ip = first.ip;
  out(c, iputils ? `PING ${host} (${ip}) 56(84) bytes of data.\n` : `PING ${host} (${ip}): 56 data bytes\n`);
  if ('error' in first && first.error === 'unreachable') {
    return fail(c, iputils ? 'connect: Network is unreachable' : 'sendto: Network is unreachable', iputils ? 2 : 1);
  }
  const quiet = o.set.has('q');
  const rtts: number[] = [];
  /** echo k (0-based): its reply line, or none when it got lost */
  const echo = (k: number): { line?: string; rtt?: number } => {
    const r = k === 0 ? first : c.sys.net.ping(host);
    if ('error' in r) return {};
    const time = r.rttMs.toFixed(3);
    return { rtt: r.rttMs, line: iputils ? `64 bytes from ${ip}: icmp_seq=${k + 1} ttl=${r.ttl} time=${time} ms` : `64 bytes from ${ip}: seq=${k} ttl=${r.ttl} time=${time} ms` };
  };
  const statistics = (sent: number): string[] => {
    const received = rtts.length;
    const loss = Math.round(((sent - received) / Math.max(sent, 1)) * 100);
    const min = Math.min(...rtts).toFixed(3);
    const max = Math.max(...rtts).toFixed(3);
    const avg = (rtts.reduce((s, v) => s + v, 0) / Math.max(received, 1)).toFixed(3);
    if (iputils) {
      const mdev = Math.sqrt(rtts.reduce((s, v) => s + (v - Number(avg)) ** 2, 0) / Math.max(received, 1)).toFixed(3);
      return ['', `--- ${host} ping statistics ---`, `${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${(sent - 1) * INTERVAL}ms`, ...(received ? [`rtt min/avg/max/mdev = ${min}/${avg}/${max}/${mdev} ms`] : [])];
    }
    return ['', `--- ${host} ping statistics ---`, `${sent} packets transmitted, ${received} packets received, ${loss}% packet loss`, ...(received ? [`round-trip min/avg/max = ${min}/${avg}/${max} ms`] : [])];
  };
  const count = o.values['c'] !== undefined ? Number(o.values['c']) : undefined;
  if (count !== undefined) {
    for (let k = 0; k < count; k++) {
      if (k > 0) c.sleep(INTERVAL);
      const r = echo(k);
      if (r.rtt !== undefined) rtts.push(r.rtt);
      if (r.line && !quiet) out(c, r.line + '\n');
    }
    // without any reply busybox waits out the last interval before giving up
    if (rtts.length === 0) c.sleep(INTERVAL);
    out(c, statistics(count).join('\n') + '\n');
    return rtts.length ? 0 : 1;
  }
  // no -c: one echo a second until interrupted
  const r0 = echo(0);
  if (r0.line && !quiet) out(c, r0.line + '\n');
  if (r0.rtt !== undefined) rtts.push(r0.rtt);
  const replies: (string | undefined)[] = [r0.line];
  const replyAt = (k: number) => {
    while (replies.length <= k) {
      const r = echo(replies.length);
      if (r.rtt !== undefined) rtts.push(r.rtt);
      replies.push(r.line);
    }
    return replies[k];
  };
  throw new ForeverSignal({
    memory: 300 * 1024,
    // echo k goes out k intervals after the first, which went out as the program settled
    stream: (from, to) => {
      const lines: PlannedLine[] = [];
      for (let k = Math.max(1, Math.ceil(from / INTERVAL)); k * INTERVAL < to; k++) {
        const text = replyAt(k);
        if (text && !quiet) lines.push({ at: k * INTERVAL, stream: 'stdout', text });
      }
      return lines;
    },
    interrupted: (elapsed) => {
      const sent = Math.floor(elapsed / INTERVAL) + 1;
      replyAt(sent - 1);
      rtts.length = 0;
      replies.slice(0, sent).forEach((l) => l && rtts.push(Number(/time=([\d.]+)/.exec(l)![1])));
      return { lines: statistics(sent).map((text) => ({ at: 0, stream: 'stdout' as const, text })), code: rtts.length ? 0 : 1 };
    },
  });
};

export const nslookup: Applet = (c) => {
  const name = c.argv.slice(1).find((a) => !a.startsWith('-'));
  const onlyA = c.argv.some((a) => /^-(type|query|q)=a$/i.test(a));
  if (!name) return fail(c, 'usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]');
  let server = '127.0.0.11';
  try {
    server = /^nameserver\s+(\S+)/m.exec(c.sys.fs.readFile('/etc/resolv.conf'))?.[1] ?? server;
  } catch {
    // no resolv.conf: Docker's embedded DNS
  }
  out(c, `Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const r = c.sys.net.resolve(name);
  if ('error' in r) {
    if (r.error === 'unreachable') {
      out(c, ';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
    out(c, `** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  out(c, `Non-authoritative answer:\nName:\t${name}\nAddress: ${r.ip}\n\n`);
  // without -type=a busybox also asks for AAAA, which Docker's DNS does not have
  if (!onlyA) out(c, `Non-authoritative answer:\n*** Can't find ${name}: No answer\n\n`);
  return 0;
};
