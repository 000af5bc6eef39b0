// An exec instance (POST /containers/{id}/exec creates it, /exec/{id}/start runs it), as moby keeps it.
export interface ExecRecord {
  id: string;
  containerId: string;
  argv: string[];
  user: string;
  workingDir: string;
  env: string[];
  tty: boolean;
  attachStdin: boolean;
  running: boolean;
  /** ms since epoch when a detached exec's program ends by itself (absent: runs until the container stops) */
  endsAt?: number;
  exitCode: number | null;
  pid: number;
  /** ms since epoch when its process started, and what it holds in memory (for ps, top and stats) */
  startedAt?: number;
  memory?: number;
}
