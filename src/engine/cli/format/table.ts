// docker's fork of Go's text/tabwriter (minwidth 10, tabwidth 1, padding 3, padchar ' ', no flags), with
// cell widths measured in display cells. Cells are tab-terminated; the text after a line's last tab is
// not part of any column and is written unpadded.
import { displayWidth } from './text';

export interface TabwriterOptions {
  minWidth?: number;
  padding?: number;
}

/** Lay out rows of cells (the last cell of each row unpadded). Every line ends with '\n'. */
export function tabwrite(rows: string[][], opts: TabwriterOptions = {}): string {
  let text = '';
  for (const r of rows) text += r.join('\t') + '\n';
  return tabwriteText(text, opts);
}

/** Lay out raw text the way docker's tabwriter does (TABs separate cells, LFs lines). */
export function tabwriteText(text: string, opts: TabwriterOptions = {}): string {
  const minWidth = opts.minWidth ?? 10;
  const padding = opts.padding ?? 3;
  const lines = text.split('\n');
  const cells: string[][] = new Array(lines.length);
  const widths: number[][] = new Array(lines.length);
  let maxCols = 0;
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!.split('\t');
    cells[i] = row;
    const w = new Array<number>(row.length - 1);
    for (let j = 0; j < row.length - 1; j++) w[j] = cellWidth(row[j]!);
    widths[i] = w;
    if (row.length - 1 > maxCols) maxCols = row.length - 1;
  }
  // Go's tabwriter recurses column by column; equivalently, a cell's column width is the widest cell of
  // that column over the run of consecutive lines that all have the column (iterative: no stack limits).
  const padded: number[][] = widths.map((w) => new Array<number>(w.length));
  for (let c = 0; c < maxCols; c++) {
    let i = 0;
    while (i < lines.length) {
      if (c >= widths[i]!.length) {
        i++;
        continue;
      }
      let end = i;
      let width = minWidth;
      for (; end < lines.length && c < widths[end]!.length; end++) width = Math.max(width, widths[end]![c]! + padding);
      for (let k = i; k < end; k++) padded[k]![c] = width;
      i = end;
    }
  }
  let out = '';
  const last = lines.length - 1;
  for (let i = 0; i <= last; i++) {
    const row = cells[i]!;
    const w = widths[i]!;
    const p = padded[i]!;
    for (let j = 0; j < w.length; j++) out += row[j]! + spaces(p[j]! - w[j]!);
    out += row[row.length - 1]!;
    // the text after the final '\n' is a last, unterminated line: Go writes it without a newline
    if (i < last) out += '\n';
  }
  return out;
}

/** padding strings, made once: a table of a thousand rows pads seven thousand cells with a few widths */
const SPACES: string[] = [];
const spaces = (n: number): string => (n < 256 ? (SPACES[n] ??= ' '.repeat(n)) : ' '.repeat(n));

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** displayWidth, with the common all-ASCII cell measured by one native regex test */
const cellWidth = (s: string): number => (PRINTABLE_ASCII.test(s) ? s.length : displayWidth(s));
