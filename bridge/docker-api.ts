// A small Docker Engine API client: JSON requests and the /events stream, over the engine's Unix socket
// or plain TCP, found as the docker CLI finds it (DOCKER_HOST, else the default socket).
import { request, type IncomingMessage } from 'node:http';
import type { EngineStatus } from '../src/lab/real/protocol';

export interface DockerEndpoint {
  /** as the learner would write it: unix:///var/run/docker.sock, tcp://127.0.0.1:2375 */
  label: string;
  socketPath?: string;
  hostname?: string;
  port?: number;
  /** why the bridge cannot use it (ssh://, TLS…): the site still serves, the switch explains */
  unsupported?: string;
}

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export function dockerEndpoint(dockerHost = process.env.DOCKER_HOST || DEFAULT_DOCKER_HOST): DockerEndpoint {
  if (dockerHost.startsWith('unix://')) return { label: dockerHost, socketPath: dockerHost.slice('unix://'.length) };
  const tcp = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(dockerHost);
  if (tcp) return { label: dockerHost, hostname: tcp[1], port: Number(tcp[2] ?? 2375) };
  return { label: dockerHost, unsupported: `DOCKER_HOST=${dockerHost}: the bridge understands unix:// and tcp:// (without TLS)` };
}

/** a message from GET /events */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  timeNano: number;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export class DockerApi {
  constructor(readonly endpoint: DockerEndpoint) {}

  private open(method: string, path: string, query: Record<string, string> | undefined, timeoutMs: number): Promise<IncomingMessage> {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    const { socketPath, hostname, port, unsupported } = this.endpoint;
    return new Promise((resolve, reject) => {
      if (unsupported) return reject(new Error(unsupported));
      const req = request({ method, path: path + search, socketPath, hostname, port, headers: { Host: 'docker' }, timeout: timeoutMs }, resolve);
      req.on('timeout', () => req.destroy(new Error(`no answer from ${this.endpoint.label}`)));
      req.on('error', reject);
      req.end();
    });
  }

  async request<T = unknown>(method: string, path: string, query?: Record<string, string>): Promise<ApiResponse<T>> {
    const res = await this.open(method, path, query, 30_000);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // plain-text answers (the ping's "OK") stay text
    }
    return { status: res.statusCode ?? 0, body: body as T };
  }

  get<T = unknown>(path: string, query?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, query);
  }

  async status(): Promise<EngineStatus> {
    const { label, unsupported } = this.endpoint;
    if (unsupported) return { reachable: false, host: label, help: `${unsupported}. The simulator keeps working.` };
    try {
      const res = await this.get<{ Version?: string }>('/version');
      if (res.status === 200) return { reachable: true, host: this.endpoint.label, version: res.body.Version };
    } catch {
      // unreachable: explained below
    }
    return {
      reachable: false,
      host: this.endpoint.label,
      help: `No Docker engine answers at ${this.endpoint.label}. Start one (Docker Desktop, or \`sudo systemctl start docker\` on Linux), or point DOCKER_HOST at it, then restart \`npm start\`. The simulator keeps working meanwhile.`,
    };
  }

  /** follows GET /events until `stop()`; `ended` runs if the engine closes the stream or cannot be reached */
  events(onEvent: (e: EngineEvent) => void, ended: (error?: Error) => void): { stop(): void } {
    let stopped = false;
    let res: IncomingMessage | undefined;
    this.open('GET', '/events', { filters: JSON.stringify({ type: ['container', 'image', 'volume', 'network'] }) }, 0)
      .then((r) => {
        res = r;
        if (stopped) return r.destroy();
        let buffered = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => {
          buffered += chunk;
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line) onEvent(JSON.parse(line) as EngineEvent);
          }
        });
        r.on('close', () => stopped || ended());
      })
      .catch((e: Error) => stopped || ended(e));
    return {
      stop() {
        stopped = true;
        res?.destroy();
      },
    };
  }
}
