// Turns one command's output into a canonical form in which only what a faithful Engine-28 simulator
// must reproduce is left: IDs, times, pool-assigned IPs, MACs and host-dependent figures become
// placeholders, and docker tables become rows of cells so that column widths (which follow the width of
// those variable values) are compared as "laid out by docker's tabwriter" rather than character by
// character. The same rules apply to the real transcript and to the simulator's answer.
import { buildSummary, isBuildCommand } from './build-summary';

export interface Output {
  stdout: string;
  stderr: string;
  exit: number;
}

export interface Canonical extends Output {
  /** problems in the table layout of the raw stdout (empty when it is what docker's tabwriter prints) */
  layout: string[];
}

/** How identity-carrying values are named: the n of `<idn>` / `<ipn>`, shared by both sides. */
export interface Names {
  id(key: string): number;
  ip(address: string): number;
}

const HEX64 = /\b[0-9a-f]{64}\b/g;
// 12-hex tokens with at least one letter: truncated IDs, never plain numbers such as byte counts
const HEX12 = /\b(?=[0-9a-f]*[a-f])[0-9a-f]{12}\b/g;
// an ID cut by docker's Ellipsis (`7532f9f7108117…` in ps {{.Mounts}})
const HEX_CUT = /\b[0-9a-f]{12,63}(?=…)/g;
const RFC3339 = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
const GO_TIME = /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4} [A-Z]{3,4}\b/g;
const DURATION =
  /\b(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?)\b/g;
const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const SIZE = /\b\d+(?:\.\d+)?(?:B|kB|KiB|MB|MiB|GB|GiB|TB|TiB)\b/g;
const PERCENT = /\b\d+\.\d+%/g;

/** Addresses handed out from Docker's default pools (172.17.0.0/16 …, 192.168.0.0/16) depend on which
 *  networks the host already has; explicitly chosen ones (`--subnet 10.123.0.0/24`) must match exactly. */
function fromDefaultPool(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The identity-carrying values of a text, in order of appearance: IDs (by 12-char prefix) and pool IPs. */
export function identities(s: string): { ids: string[]; ips: string[] } {
  const ids = [...s.matchAll(new RegExp(`${HEX64.source}|${HEX_CUT.source}|${HEX12.source}`, 'g'))].map((m) =>
    m[0].slice(0, 12),
  );
  const ips = [...s.matchAll(IPV4)].map((m) => m[0]).filter(fromDefaultPool);
  return { ids, ips };
}

/** A fixed-width token that keeps the identity of the value it replaces. */
function placeholder(kind: string, index: number, width: number): string {
  const core = `<${kind}${index}`;
  return core.padEnd(Math.max(width - 1, core.length), '_') + '>';
}

/** Values that vary between runs of the same engine, in any text. */
export function normaliseText(s: string, names: Names): string {
  return s
    .replace(RFC3339, '<time>')
    .replace(GO_TIME, '<time>')
    .replace(DURATION, '<dur>')
    .replace(MAC, '<mac>')
    .replace(HEX64, (h) => placeholder('id', names.id(h.slice(0, 12)), h.length))
    .replace(HEX_CUT, (h) => placeholder('id', names.id(h.slice(0, 12)), h.length))
    .replace(HEX12, (h) => placeholder('id', names.id(h), h.length))
    .replace(IPV4, (ip) => (fromDefaultPool(ip) ? `<ip${names.ip(ip)}>` : ip));
}

export function canonical(cmd: string, raw: Output, names: Names): Canonical {
  const layout: string[] = [];
  // the classic builder of the recording machine and BuildKit agree on structure, not on text
  const out = isBuildCommand(cmd) ? buildSummary(raw) : raw;
  const hostFigures = /^docker (?:container )?stats\b/.test(cmd);
  const figures = (s: string): string => (hostFigures ? s.replace(SIZE, '<size>').replace(PERCENT, '<pct>') : s);
  // what a container prints (run, exec, logs …) is never a docker table, even when it looks like one (`ps`)
  const fromContainer = /^docker (?:container )?(?:run|exec|logs|start|attach)\b/.test(cmd);
  const stdout = splitBlocks(out.stdout)
    .map((block) => {
      const table = fromContainer ? undefined : parseTable(block, tableMinWidth(cmd));
      if (!table) return figures(normaliseText(block, names));
      layout.push(...table.layoutProblems);
      const header = table.rows[0] ?? [];
      const cell = (value: string, column: number, row: number): string =>
        // `docker top` columns that come from the host's process table
        row > 0 && ['PID', 'PPID', 'C', 'STIME', 'TIME'].includes(header[column] ?? '')
          ? '<n>'
          : figures(normaliseText(value, names));
      return table.rows.map((cells, r) => cells.map((v, c) => cell(v, c, r)).join(' | ')).join('\n') + '\n';
    })
    .join('');
  return { stdout, stderr: normaliseText(out.stderr, names), exit: out.exit, layout };
}

function tableMinWidth(cmd: string): number {
  return /^docker (?:container )?top\b/.test(cmd) ? 20 : 10;
}

/** Runs of non-blank lines and runs of blank lines (`system df -v` prints several tables). */
function splitBlocks(s: string): string[] {
  return s.match(/(?:[^\n]+\n?)+|\n+/g) ?? [];
}

const HEADER_CELL = /^[A-Z][A-Z0-9 %/.()_-]*$/;

interface Table {
  rows: string[][];
  layoutProblems: string[];
}

/**
 * A block is a docker table when its first line is a row of upper-case headers separated by runs of at
 * least two spaces (tabwriter pads with ≥3). Column starts are the header cells' offsets; every other line
 * is cut at those offsets. Then the block is re-rendered as docker's tabwriter would lay those cells out
 * (cell width + 3, at least minWidth; last cell unpadded), and any line that differs is a layout problem.
 */
export function parseTable(block: string, minWidth: number): Table | undefined {
  const lines = block.replace(/\n$/, '').split('\n');
  const header = lines[0] ?? '';
  const starts: number[] = [];
  const names: string[] = [];
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index);
    names.push(m[0]);
  }
  if (names.length < 2 || !names.every((n) => HEADER_CELL.test(n))) return undefined;
  const rows = lines.map((line) =>
    starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trimEnd()),
  );
  const widths = starts.slice(0, -1).map((_, c) => Math.max(minWidth, ...rows.map((r) => width(r[c] ?? '') + 3)));
  const layoutProblems: string[] = [];
  lines.forEach((line, i) => {
    const row = rows[i] ?? [];
    const expected = row.map((cell, c) => (c < widths.length ? pad(cell, widths[c] ?? 0) : cell)).join('');
    if (expected !== line) layoutProblems.push(`line ${i + 1}: got ${JSON.stringify(line)}, tabwriter gives ${JSON.stringify(expected)}`);
  });
  return { rows, layoutProblems };
}

/** display width as docker's runewidth counts it: code points (wide East-Asian runes are not used here) */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
