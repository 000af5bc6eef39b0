// docker's formatter.Context for list commands (ps, images, volume ls, network ls, history, stats …):
// `table …` → header row + tabwriter, `json` → one JSON object per line, any other template → one line
// per item, empty or `table` → the command's default table (or the quiet format with -q).
import type { Output } from '../command';
import { goStruct } from './gofmt';
import { tabwriteText, type TabwriterOptions } from './table';
import { GoTemplate, TemplateError } from './template';

/** a list a browser tab can still lay out; real docker would print on */
const MAX_LIST_OUTPUT = 16 * 2 ** 20;

export interface FormatListOptions {
  /** the --format value ('' → default table) */
  format?: string;
  /** the command's default, e.g. 'table {{.ID}}\t{{.Image}}…' */
  defaultTable: string;
  /** -q: with no custom format, print `quietFormat` per item */
  quiet?: boolean;
  /** default '{{.ID}}' */
  quietFormat?: string;
  /** one object per row; getters are evaluated only when the template uses them */
  items: object[];
  /** column titles by field name: { ID: 'CONTAINER ID', Image: 'IMAGE', … } */
  header: Record<string, string>;
  /** the Go type named in "can't evaluate field X in type T", e.g. '*formatter.ContainerContext' */
  typeName: string;
  tabwriter?: TabwriterOptions;
}

export interface FormatListResult {
  out: string;
  /** the whole error line as docker prints it ("template parsing error: template: :1: …") */
  error?: string;
}

/** The template the format string stands for, as docker's preFormat rewrites it. */
function resolveListFormat(opts: Pick<FormatListOptions, 'format' | 'defaultTable' | 'quiet' | 'quietFormat'>): string {
  const f = opts.format ?? '';
  if (f === '' || f === 'table') return opts.quiet ? (opts.quietFormat ?? '{{.ID}}') : opts.defaultTable;
  return f;
}

export function formatList(opts: FormatListOptions): FormatListResult {
  const format = resolveListFormat(opts);
  const isTable = format.startsWith('table');
  let body = isTable ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format;
  body = body.replace(/^ +| +$/g, '').replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  try {
    const tmpl = GoTemplate.parse(body);
    let rows = '';
    for (const item of opts.items) {
      rows += tmpl.execute(goStruct(opts.typeName, item, { marshalAsMap: true })) + '\n';
      if (rows.length > MAX_LIST_OUTPUT) return { out: '', error: "template output exceeds the simulator's limit of 16 MiB" };
    }
    if (!isTable) return { out: rows };
    let head: string;
    try {
      head = tmpl.execute(opts.header, { header: true });
    } catch (e) {
      // docker ignores header execution errors and keeps what was written
      head = e instanceof TemplateError ? '' : String(e);
    }
    return { out: tabwriteText(head + '\n' + rows, opts.tabwriter) };
  } catch (e) {
    if (e instanceof TemplateError) return { out: '', error: `template parsing error: ${e.message}` };
    throw e;
  }
}

/** Prints a list command's answer as docker does: the rows, then any template error on stderr. Returns the exit code. */
export function printList(io: Output, opts: FormatListOptions): number {
  const result = formatList(opts);
  io.out(result.out);
  if (!result.error) return 0;
  io.err(result.error + '\n');
  return 1;
}
