// One lab terminal connected to the bridge: runs one checked command line at a time, streams its output
// at a bounded rate, passes keystrokes and resizes on, and ends the child's process group when the
// terminal goes away or stays idle too long.
import type WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../src/lab/real/protocol';
import type { Child, Spawner } from './child';
import type { DockerApi } from './docker-api';
import { OutputPacer, SLICE_MS } from './output-pacer';
import type { LinePolicy } from './policy';
import type { SessionTracker } from './tracker';

export interface Limits {
  maxLineLength: number;
  maxSessions: number;
  /** output relayed per second and terminal; a faster command is slowed down, not cut */
  outputBytesPerSecond: number;
  /** a terminal with no message from the page for this long is closed */
  idleMs: number;
}

export const DEFAULT_LIMITS: Limits = { maxLineLength: 4096, maxSessions: 8, outputBytesPerSecond: 1_000_000, idleMs: 30 * 60_000 };

/** output the WebSocket has not sent yet beyond which the pacer waits */
const MAX_BUFFERED = 1 << 20;
/** output queued beyond this pauses the command */
const MAX_QUEUED = 4 << 20;
export const CLOSE_IDLE = 4000;

export interface SessionContext {
  policy: LinePolicy;
  tracker: SessionTracker;
  api: DockerApi;
  spawn: Spawner;
  /** false without node-pty: commands that want a terminal are refused */
  tty: boolean;
  workspace: string;
  limits: Limits;
  /** the command ended: the engine state may have changed */
  changed(): void;
}

const clampSize = (n: unknown, fallback: number) => (Number.isInteger(n) && (n as number) > 0 && (n as number) <= 1000 ? (n as number) : fallback);

export class TerminalSession {
  private child: Child | undefined;
  private endCommand = () => {};
  private idleTimer: NodeJS.Timeout | undefined;
  private pacer: OutputPacer | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: SessionContext,
  ) {
    this.touch();
    ws.on('message', (raw) => {
      this.touch();
      let msg: ClientMessage;
      try {
        msg = JSON.parse(String(raw)) as ClientMessage;
      } catch {
        return;
      }
      this.handle(msg).catch((e: Error) => this.send({ t: 'out', data: `\r\nbridge error: ${e.message}\r\n` }));
    });
    ws.on('close', () => this.end());
  }

  send(msg: ServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.ws.close(CLOSE_IDLE, 'idle for too long'), this.ctx.limits.idleMs);
  }

  private async handle(msg: ClientMessage): Promise<void> {
    switch (msg.t) {
      case 'run':
        return this.run(String(msg.line), clampSize(msg.cols, 80), clampSize(msg.rows, 24));
      case 'input':
        return this.child?.write(String(msg.data));
      case 'resize':
        return this.child?.resize(clampSize(msg.cols, 80), clampSize(msg.rows, 24));
      case 'cleanup-list':
        return this.send({ t: 'cleanup-list', items: await this.ctx.tracker.list(this.ctx.api) });
      case 'cleanup': {
        const result = await this.ctx.tracker.cleanUp(this.ctx.api);
        this.ctx.changed();
        return this.send({ t: 'cleanup-done', ...result });
      }
    }
  }

  private run(line: string, cols: number, rows: number): void {
    if (this.child) return this.send({ t: 'refused', message: 'A command is still running in this terminal (one at a time).\n' });
    const verdict = this.ctx.policy.check(line);
    if (!verdict.ok) return this.send({ t: 'refused', message: verdict.message });
    if (verdict.tty && !this.ctx.tty) {
      return this.send({ t: 'refused', message: 'Refused by the Dockhand bridge: -t needs a pseudo-terminal, and node-pty (an optional dependency that needs a C++ compiler) is not installed. Leave out -t, or install the build tools and run `npm install` again.\n' });
    }
    this.endCommand = this.ctx.tracker.commandStarted();
    const pacer = new OutputPacer({
      bytesPerSecond: this.ctx.limits.outputBytesPerSecond,
      maxQueued: MAX_QUEUED,
      send: (data) => this.send({ t: 'out', data }),
      congested: () => this.ws.bufferedAmount > MAX_BUFFERED,
      pause: () => this.child?.pause(),
      resume: () => this.child?.resume(),
    });
    this.pacer = pacer;
    this.child = this.ctx.spawn({
      argv: verdict.argv,
      cwd: this.ctx.workspace,
      cols,
      rows,
      onData: (data) => pacer.push(data),
      onExit: (code) => this.exited(code),
    });
  }

  /** the exit follows the last of the output, which the pacer may still hold */
  private exited(code: number | null): void {
    if (this.pacer && !this.pacer.drained) {
      setTimeout(() => this.exited(code), SLICE_MS);
      return;
    }
    this.child = undefined;
    this.pacer = undefined;
    this.endCommand();
    this.send({ t: 'exit', code });
    this.ctx.changed();
  }

  /** the terminal went away: nothing it started keeps running */
  private end(): void {
    clearTimeout(this.idleTimer);
    this.pacer?.stop();
    this.child?.kill();
    this.endCommand();
  }
}
