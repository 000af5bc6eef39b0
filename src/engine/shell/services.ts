// What a shell (or any program) inside a container — or on the simulated host — can reach beyond its
// own variables: the file system, the network as that container sees it, the process table. The
// daemon builds one per process from the container's state; the host side builds one over the host
// folder. Programs never touch daemon state directly, so the shell stays testable on its own.
import type { FileSystem } from '../fs/types';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** argv joined by spaces, as `ps` prints it */
  command: string;
  /** ms since epoch */
  startedAt: number;
  /** resident set size, bytes */
  rss: number;
  /** virtual size, bytes */
  vsz: number;
  stat: 'S' | 'R' | 'Z' | 'T';
  tty: string;
}

export type HttpResult =
  | { status: number; statusText: string; headers: Record<string, string>; body: string }
  /**
   * 'reset': a published port whose container does not listen there — docker-proxy accepts, then drops
   * the connection (curl: (56) Recv failure: Connection reset by peer)
   */
  | { error: 'bad-address' | 'refused' | 'unreachable' | 'timeout' | 'reset'; host: string; port: number };

export interface NetServices {
  /** embedded DNS / /etc/hosts / literal IPs, as this container sees them */
  resolve(name: string): { ip: string } | { error: 'bad-address' | 'unreachable' };
  /**
   * one ICMP echo round trip; rttMs is what ping prints. 'unreachable': no route (`ping: sendto: Network
   * is unreachable`); 'timeout': the echo went out and nothing came back (100% packet loss)
   */
  ping(host: string): { ip: string; ttl: number; rttMs: number } | { error: 'bad-address' } | { ip: string; error: 'unreachable' | 'timeout' };
  /** an HTTP request to a server process (another container's port, or a published port from the host) */
  http(req: { method: string; url: string; headers?: Record<string, string>; body?: string }): HttpResult;
  /**
   * One request/reply over a plain TCP connection in the server's own protocol (`redis-cli -h cache
   * ping` sends ['ping'] and reads 'PONG'); absent where no such servers exist
   */
  exchange?(host: string, port: number, request: string[]): { ip: string; reply: TcpReply } | { error: 'bad-address' | 'refused' | 'unreachable' | 'timeout' | 'reset'; host: string; port: number };
}

/** A protocol reply: a status or bulk string, an integer, nil, an error, or an array of these. */
export type TcpReply = { string: string } | { integer: number } | { nil: true } | { error: string } | { array: TcpReply[] };

export interface SystemServices {
  fs: FileSystem;
  net: NetServices;
  hostname: string;
  user: { name: string; uid: number; gid: number };
  /** what `ps`/`top` inside the container list, the caller's own shell included */
  processes(): ProcessInfo[];
  /** kill(2): '' on success, else the errno text ('No such process', 'Operation not permitted') */
  kill(pid: number, signal: string): string;
}
