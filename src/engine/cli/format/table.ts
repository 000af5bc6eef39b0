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
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths = lines.map((cells) => cells.map(displayWidth));
  // Go's tabwriter recurses column by column; equivalently, a cell's column width is the widest cell of
  // that column over the run of consecutive lines that all have the column (iterative: no stack limits).
  const padded: number[][] = lines.map((cells) => new Array<number>(Math.max(0, cells.length - 1)).fill(0));
  const maxCols = lines.reduce((m, c) => Math.max(m, c.length - 1), 0);
  for (let c = 0; c < maxCols; c++) {
    let i = 0;
    while (i < lines.length) {
      if (c >= lines[i]!.length - 1) {
        i++;
        continue;
      }
      let end = i;
      let width = minWidth;
      for (; end < lines.length && c < lines[end]!.length - 1; end++) width = Math.max(width, widths[end]![c]! + padding);
      for (let k = i; k < end; k++) padded[k]![c] = width;
      i = end;
    }
  }
  const out = lines.map((cells, i) => {
    let s = '';
    for (let j = 0; j < cells.length - 1; j++) s += cells[j] + ' '.repeat(padded[i]![j]! - widths[i]![j]!);
    return s + cells[cells.length - 1];
  });
  // the text after the final '\n' is a last, unterminated line: Go writes it without a newline
  const last = out.pop() ?? '';
  return out.map((l) => l + '\n').join('') + last;
}
