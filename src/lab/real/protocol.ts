// What a lab terminal in real-daemon mode and the bridge (bridge/) say to each other: one WebSocket per
// terminal, JSON messages. Types and constants only, so the Node server and the page share them.
import type { ContainerInspect, EngineData } from '../view-model';

/** `npm start` prints the site's address with `#dockhand-token=…`; the page keeps it in sessionStorage */
export const TOKEN_FRAGMENT = 'dockhand-token';
export const TOKEN_STORAGE_KEY = 'dockhand:bridge-token';
/** every bridge endpoint lives under this path; everything else is the static site */
export const BRIDGE_PREFIX = '/bridge/';
export const TERMINAL_PATH = '/bridge/terminal';
export const STATUS_PATH = '/bridge/status';
/**
 * A browser's WebSocket cannot send headers, and the token must stay out of URLs (logs, history), so it
 * travels as a second subprotocol; the server only ever selects the first.
 */
export const WS_PROTOCOL = 'dockhand';
export const TOKEN_PROTOCOL_PREFIX = 'dockhand-token.';
/** the lesson that explains why the bridge refuses some flags */
export const SECURITY_LESSON = '/lessons/best-practices-security/';

export interface EngineStatus {
  reachable: boolean;
  /** where the bridge looks for the engine (DOCKER_HOST or the default socket) */
  host: string;
  version?: string;
  /** what to do when it is not reachable */
  help?: string;
}

export type TrackedKind = 'container' | 'image' | 'volume' | 'network';
export interface Tracked {
  kind: TrackedKind;
  /** what the Engine API removes it by: an ID, or an image reference */
  id: string;
  name: string;
}

export type ClientMessage =
  | { t: 'run'; line: string; cols: number; rows: number }
  /** keystrokes for the running command (its terminal, or its stdin without one) */
  | { t: 'input'; data: string }
  | { t: 'resize'; cols: number; rows: number }
  | { t: 'cleanup-list' }
  | { t: 'cleanup' };

export type ServerMessage =
  | { t: 'hello'; engine: EngineStatus; tty: boolean; workspace: string; unsafe: boolean }
  | { t: 'out'; data: string }
  /** the command ended; code null when a signal ended it */
  | { t: 'exit'; code: number | null }
  /** the line was not run; nothing else follows for it */
  | { t: 'refused'; message: string }
  | { t: 'state'; data: EngineData; inspect: Record<string, ContainerInspect> }
  | { t: 'engine'; engine: EngineStatus }
  | { t: 'cleanup-list'; items: Tracked[] }
  | { t: 'cleanup-done'; removed: Tracked[]; failed: { item: Tracked; error: string }[] };
