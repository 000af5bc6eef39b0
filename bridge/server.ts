// The bridge: one HTTP server on loopback that serves the built course and, under /bridge/, lets a lab
// terminal drive the learner's real Docker engine. Static files are public; every bridge request needs
// the token `npm start` printed, an expected Host (DNS rebinding) and, for WebSockets, our own Origin.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BRIDGE_PREFIX, SECURITY_LESSON, STATUS_PATH, TERMINAL_PATH, TOKEN_FRAGMENT, TOKEN_PROTOCOL_PREFIX, WS_PROTOCOL, type EngineStatus, type ServerMessage } from '../src/lab/real/protocol';
import { pipeSpawner, ptySpawner, type Spawner } from './child';
import { DockerApi, dockerEndpoint } from './docker-api';
import { readEngineSnapshot } from './engine-state';
import { LinePolicy } from './policy';
import { staticSite } from './static-site';
import { DEFAULT_LIMITS, TerminalSession, type Limits } from './terminal-session';
import { SessionTracker } from './tracker';

export const LOOPBACK = '127.0.0.1';

export interface BridgeOptions {
  /** the built site */
  dist: string;
  /** the first port to try (the next ones when taken); 0 picks a free one */
  port: number;
  /** where bind mounts may point; created when missing */
  workspace?: string;
  /** lifts the flag and mount refusals */
  unsafe?: boolean;
  /** DOCKER_HOST's form; defaults to the environment's */
  dockerHost?: string;
  limits?: Partial<Limits>;
  /** false forces the pipe fallback (as on a machine where node-pty could not be built) */
  usePty?: boolean;
}

export interface Bridge {
  port: number;
  /** the address to open, token in the fragment */
  url: string;
  token: string;
  workspace: string;
  tty: boolean;
  engineStatus(): Promise<EngineStatus>;
  close(): Promise<void>;
}

export const defaultWorkspace = () => join(homedir(), '.dockhand', 'workspace');

const digest = (s: string) => createHash('sha256').update(s).digest();
/** constant time, whatever the lengths */
const sameToken = (given: string | undefined, token: string) => given !== undefined && timingSafeEqual(digest(given), digest(token));

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (p: number, triesLeft: number) => {
      server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' && triesLeft > 0 && p !== 0 ? attempt(p + 1, triesLeft - 1) : reject(e)));
      server.listen(p, LOOPBACK, () => resolve((server.address() as { port: number }).port));
    };
    attempt(port, 10);
  });
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const workspace = opts.workspace ?? defaultWorkspace();
  mkdirSync(workspace, { recursive: true });
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const api = new DockerApi(dockerEndpoint(opts.dockerHost));
  const tracker = new SessionTracker();
  const pty = opts.usePty === false ? undefined : await ptySpawner();
  const spawn: Spawner = pty ?? pipeSpawner;
  const sessions = new Set<TerminalSession>();
  const serveStatic = staticSite(opts.dist);

  let port = 0;
  const allowedHosts = () => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);
  const hostOk = (req: IncomingMessage) => allowedHosts().includes(req.headers.host ?? '');

  const server = createServer((req, res) => {
    if (!req.url?.startsWith(BRIDGE_PREFIX)) {
      serveStatic(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!hostOk(req)) return void res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
    if (!sameToken(bearer, token)) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('The bridge needs its token');
    if (req.url === STATUS_PATH && req.method === 'GET') {
      api.status().then((engine) => res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ engine, tty: Boolean(pty), workspace, unsafe: Boolean(opts.unsafe) })));
      return;
    }
    res.writeHead(404).end();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false) });
  const reject = (socket: Duplex, status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const given = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
    if (req.url !== TERMINAL_PATH) return reject(socket, '404 Not Found');
    if (!hostOk(req)) return reject(socket, '421 Misdirected Request');
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return reject(socket, '403 Forbidden');
    if (!sameToken(given, token)) return reject(socket, '401 Unauthorized');
    if (sessions.size >= limits.maxSessions) return reject(socket, '429 Too Many Requests');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new TerminalSession(ws, { policy, tracker, api, spawn, tty: Boolean(pty), workspace, limits, changed: queueState });
      sessions.add(session);
      ws.on('close', () => sessions.delete(session));
      api.status().then((engine) => {
        session.send({ t: 'hello', engine, tty: Boolean(pty), workspace, unsafe: Boolean(opts.unsafe) });
        if (engine.reachable) queueState();
      });
    });
  });

  // the engine's state goes to every terminal after each event (coalesced) and each command
  let stateTimer: NodeJS.Timeout | undefined;
  const broadcast = (msg: ServerMessage) => sessions.forEach((s) => s.send(msg));
  function queueState(): void {
    clearTimeout(stateTimer);
    stateTimer = setTimeout(() => {
      if (sessions.size === 0) return;
      readEngineSnapshot(api).then((s) => broadcast({ t: 'state', ...s }), () => {});
    }, 100);
  }
  let events: { stop(): void } | undefined;
  let retry: NodeJS.Timeout | undefined;
  const follow = () => {
    events = api.events(
      (e) => {
        tracker.observe(e);
        queueState();
      },
      () => {
        // the engine went away (or was never there): say so, and look again shortly
        api.status().then((engine) => !closing && broadcast({ t: 'engine', engine }));
        if (!closing) retry = setTimeout(follow, 3000);
      },
    );
  };
  let closing = false;
  follow();

  port = await listen(server, opts.port);
  // the refusals link to the lesson on this very server, so the policy exists once the port is known
  // (no terminal can connect before)
  const policy = new LinePolicy({ workspace, unsafe: Boolean(opts.unsafe), maxLineLength: limits.maxLineLength, lessonUrl: `http://${LOOPBACK}:${port}${SECURITY_LESSON}` });

  return {
    port,
    url: `http://${LOOPBACK}:${port}/#${TOKEN_FRAGMENT}=${token}`,
    token,
    workspace,
    tty: Boolean(pty),
    engineStatus: () => api.status(),
    close: async () => {
      closing = true;
      clearTimeout(retry);
      clearTimeout(stateTimer);
      events?.stop();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
