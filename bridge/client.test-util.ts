// Test helpers: a bridge on a free port with its own workspace and site, and a terminal client that
// speaks the page's protocol (with the headers a browser would send, or forged ones).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { TERMINAL_PATH, TOKEN_PROTOCOL_PREFIX, WS_PROTOCOL, type ClientMessage, type ServerMessage } from '../src/lab/real/protocol';
import { startBridge, type Bridge, type BridgeOptions } from './server';

/** the engine version, or undefined when no Docker engine answers (the integration tests then skip, visibly) */
export const dockerVersion = (() => {
  const r = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
})();

export const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8', timeout: 30_000 });

export async function testBridge(opts: Partial<BridgeOptions> = {}): Promise<Bridge> {
  const dist = mkdtempSync(join(tmpdir(), 'bridge-dist-'));
  mkdirSync(join(dist, 'lessons'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>home</body></html>');
  writeFileSync(join(tmpdir(), 'bridge-secret.txt'), 'secret');
  return startBridge({ dist, port: 0, workspace: mkdtempSync(join(tmpdir(), 'bridge-ws-')), ...opts });
}

export interface Terminal {
  ws: WebSocket;
  messages: ServerMessage[];
  send(msg: ClientMessage): void;
  /** resolves with the first message (already received or coming) that matches */
  next<T extends ServerMessage['t']>(t: T, test?: (m: Extract<ServerMessage, { t: T }>) => boolean, timeoutMs?: number): Promise<Extract<ServerMessage, { t: T }>>;
  /** resolves once the output since the last `until` contains `text` (a terminal splits its output anywhere) */
  until(text: string, timeoutMs?: number): Promise<void>;
  /** runs a line; resolves with its output and exit (or refusal) */
  run(line: string): Promise<{ output: string; code: number | null | 'refused' }>;
  closed: Promise<number>;
}

export interface ConnectOptions {
  token?: string;
  origin?: string;
  host?: string;
}

/** the upgrade's HTTP status when refused */
export function refusedStatus(bridge: Bridge, o: ConnectOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = open(bridge, o);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('the bridge accepted the connection')));
    ws.on('error', () => {});
  });
}

function open(bridge: Bridge, o: ConnectOptions): WebSocket {
  const protocols = [WS_PROTOCOL, ...(o.token === undefined ? [] : [TOKEN_PROTOCOL_PREFIX + o.token])];
  return new WebSocket(`ws://127.0.0.1:${bridge.port}${TERMINAL_PATH}`, protocols, {
    origin: o.origin ?? `http://127.0.0.1:${bridge.port}`,
    headers: o.host ? { Host: o.host } : {},
  });
}

export function connect(bridge: Bridge, o: ConnectOptions = {}): Promise<Terminal> {
  const ws = open(bridge, { token: bridge.token, ...o });
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)) as ServerMessage);
    waiters.forEach((w) => w());
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  let seen = 0;
  let untilFrom = 0;
  const term: Terminal = {
    ws,
    messages,
    closed,
    send: (msg) => ws.send(JSON.stringify(msg)),
    next(t, test = () => true, timeoutMs = 20_000) {
      type M = Extract<ServerMessage, { t: typeof t }>;
      return new Promise((resolve, reject) => {
        const check = () => {
          const i = messages.findIndex((m, k) => k >= seen && m.t === t && test(m as M));
          if (i < 0) return false;
          seen = i + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages[i] as M);
          return true;
        };
        const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`no ${t} message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(seen)).slice(0, 2000)}`))), timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    until(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const output = messages.slice(untilFrom).map((m) => (m.t === 'out' ? m.data : '')).join('');
          if (!output.includes(text)) return;
          untilFrom = messages.length;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`no ${JSON.stringify(text)} within ${timeoutMs} ms in ${JSON.stringify(messages.slice(untilFrom).filter((m) => m.t === 'out'))}`))), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async run(line) {
      const from = messages.length;
      term.send({ t: 'run', line, cols: 80, rows: 24 });
      const end = await new Promise<ServerMessage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${line}: no end`)), 30_000);
        const check = () => {
          const m = messages.slice(from).find((x) => x.t === 'exit' || x.t === 'refused');
          if (m) (clearTimeout(timer), waiters.delete(check), resolve(m));
        };
        waiters.add(check);
        check();
      });
      const output = messages.slice(from).map((m) => (m.t === 'out' ? m.data : m.t === 'refused' ? m.message : '')).join('');
      return { output, code: end.t === 'exit' ? end.code : 'refused' };
    },
  };
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve(term));
    ws.on('error', reject);
  });
}
