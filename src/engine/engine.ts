// The public face of the simulated Docker engine: feed it command lines, read back exactly what the
// Docker CLI would print. No DOM, no Astro: this runs in the browser, in Node and in tests alike.
import type { ApiResponse, ApiTraceEntry } from './api/http';
import type { FollowHandle, Output } from './cli/command';
import type { Clock } from './clock';
import type { DockerEvent } from './daemon/events';
import type { FileSystem } from './fs/types';
import type { NetServices } from './shell/services';

/** A run of output on one stream; in order, the chunks are what a terminal shows (pull progress before the ID). */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exit: number;
  /** stdout and stderr interleaved as they were written */
  output: OutputChunk[];
  /** Engine API calls the command made, in order */
  trace: ApiTraceEntry[];
  /** present when the command keeps streaming (`logs -f`, an attached `run`) and exec asked for it */
  follow?: (io: Output) => FollowHandle;
  /** present when the command opened an interactive session (`run -it`, `exec -it`, `start -ai`) */
  session?: InteractiveStream;
  /** the line asked the terminal to clear its screen (`clear`); the escape sequence is not in the output */
  clear?: true;
}

/**
 * An interactive session as a TTY presents it (runtime issue #4): the lab terminal attaches to it, a
 * test drives it. Output arrives through onData synchronously while `write` runs, and later as
 * simulated time passes (tick).
 */
export interface InteractiveStream {
  /**
   * Keystrokes or pasted text. The session's line discipline buffers up to each newline and does not
   * echo (the terminal edits the line); '\x03' is Ctrl-C (SIGINT to the foreground program), '\x04' on
   * an empty line is Ctrl-D (end of input).
   */
  write(data: string): void;
  /** output as the TTY shows it (lines end in CRLF), prompts included */
  onData(listener: (text: string) => void): () => void;
  /** the session ended (shell `exit`, end of input, container stopped or removed) with the process's status */
  onExit(listener: (code: number) => void): () => void;
  resize(cols: number, rows: number): void;
  /** the terminal went away: the session's process gets SIGHUP */
  close(): void;
}

export interface ExecOptions {
  /** the caller can keep a stream open: commands that follow return `follow` instead of stopping */
  follow?: boolean;
  /** shell variables for `$VAR` expansion (default: the host shell's variables) */
  env?: Readonly<Record<string, string>>;
  /**
   * The caller's input is a terminal (default: `follow`): `run -it`, `exec -it`, `start -ai` and
   * `attach` return `session`. Without one they answer as docker does: "the input device is not a TTY".
   */
  tty?: boolean;
}

/** The learner's machine around the docker CLI: the host folder and the host shell's place in it. */
export interface HostAccess {
  /** the host folder (the build context and the source of bind mounts); read and write it freely */
  readonly fs: FileSystem;
  /** the host shell's working directory, e.g. /home/learner/project */
  cwd(): string;
  /** bash's prompt for it: `learner@dockhand:~/project$ ` */
  prompt(): string;
  /** the lines run so far, oldest first (what `history` prints) */
  history(): readonly string[];
}

export interface EngineOptions {
  /** seed for IDs and other randomness (default 1) */
  seed?: number;
  /** default: a ManualClock starting at a fixed date */
  clock?: Clock;
  /** image references already present locally, e.g. ['busybox:latest'] (pulled silently) */
  images?: string[];
}

export interface Engine {
  /** run one terminal line: a `docker …` command, or a host shell line (`ls`, `docker ps -q | wc -l`); never throws */
  exec(line: string, opts?: ExecOptions): ExecResult;
  /** the whole engine state as plain JSON; restore(snapshot()) gives an engine that answers the same */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  subscribe(listener: (e: DockerEvent) => void): () => void;
  readonly clock: Clock;
  /**
   * A GET on the Engine API outside any command, left out of the command trace: the lab's state panel
   * reads /containers/json etc. with it (the same calls a real daemon answers).
   */
  read<T = unknown>(path: string, query?: Record<string, string>): ApiResponse<T>;
  /** runs what is due by now (sleeps ending, restart back-off, follow-stream output): a UI calls it on a timer */
  tick(): void;
  /**
   * The network as the simulated host sees it (the host shell's curl/wget/ping): `localhost:PORT` reaches
   * the container port published there or a `--network host` server, container IPs are routed directly.
   */
  hostNet(): NetServices;
  /** the host folder and shell (lines that are not plain `docker …` commands run there) */
  readonly host: HostAccess;
}
