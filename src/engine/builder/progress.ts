// BuildKit's plain progress output (moby/buildkit util/progress/progressui printer.go), which buildx
// writes to stderr when it is not a terminal: `#0` names the builder, every vertex is a block of
// `#n` lines (name, statuses, logs, then DONE / CACHED / ERROR), blocks separated by a blank line.
// Times come from the caller (the engine clock), so a transcript is reproducible.

/** tonistiigi/units Bytes with "%.2f": 58B, 1.23kB, 4.56MB */
export function progressBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(2)}${units[i]}`;
}

/** a log line's offset from its vertex's start: 3 decimals under 10s, 2 under 100s, else 1 */
function logSeconds(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? s.toFixed(3) : s < 100 ? s.toFixed(2) : s.toFixed(1);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export class Vertex {
  /** log lines as the error block repeats them (`0.213 hello`) */
  readonly logs: string[] = [];

  constructor(
    private readonly printer: PlainProgress,
    readonly id: number,
    readonly name: string,
    readonly startedAt: number,
  ) {}

  /** `#n transferring context: 58B done` / `#n exporting layers 0.1s done` (time shown above 0.01s) */
  status(text: string, durationMs = 0): void {
    const t = durationMs >= 10 ? ` ${seconds(durationMs)}s` : '';
    this.printer.line(this, `${text}${t} done`);
  }

  log(atMs: number, text: string): void {
    const line = `${logSeconds(atMs - this.startedAt)} ${text}`;
    this.logs.push(line);
    this.printer.line(this, line);
  }

  done(atMs: number): void {
    this.printer.line(this, `DONE ${seconds(atMs - this.startedAt)}s`);
  }

  /** a build check's finding, on the build-definition step */
  warn(text: string): void {
    this.printer.line(this, `WARN: ${text}`);
  }

  cached(): void {
    this.printer.line(this, 'CACHED');
  }

  error(message: string): void {
    this.printer.line(this, `ERROR: ${message}`);
  }
}

export class PlainProgress {
  private text = '';
  private next = 1;
  private current: Vertex | undefined;

  constructor() {
    this.text = '#0 building with "default" instance using docker driver\n';
  }

  vertex(name: string, at: number): Vertex {
    const v = new Vertex(this, this.next++, name, at);
    this.line(v, name);
    return v;
  }

  /** @internal a vertex's line; a blank line separates blocks of different vertices */
  line(v: Vertex, text: string): void {
    if (this.current !== v) this.text += '\n';
    this.current = v;
    this.text += `#${v.id} ${text}\n`;
  }

  /** what follows the progress after a failed step: the step's last logs framed by `------` */
  errorLogs(v: Vertex): void {
    this.text += `------\n > ${v.name}:\n${v.logs.slice(-10).map((l) => l + '\n').join('')}------\n`;
    this.current = undefined;
  }

  raw(text: string): void {
    this.text += text;
    this.current = undefined;
  }

  toString(): string {
    return this.text;
  }
}

/**
 * BuildKit solver/errdefs Source.Print: the Dockerfile lines around an error, `>>>` marking the
 * instruction's lines; a one-line error gets up to 4 lines of context, a longer one 2.
 */
export function sourceSnippet(fileName: string, text: string, startLine: number, endLine: number): string {
  const lines = text.split('\n');
  if (startLine < 1 || startLine > lines.length) return '';
  let start = startLine;
  let end = Math.min(endLine, lines.length);
  const pad = start === end ? 4 : 2;
  for (let p = 0; p < pad; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  let out = `${fileName}:${startLine}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const mark = i >= startLine && i <= endLine ? '>>>' : '   ';
    out += ` ${String(i).padStart(3)} | ${mark} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}
