// Output shared by the object commands (images, volumes, networks, system): daemon errors, `inspect`
// printing (JSON array or a template per object), prune confirmation, and natural sort.
import type { ApiResponse } from '../../../api/http';
import type { Output } from '../../command';
import { goJson } from '../../format/gofmt';
import { GoTemplate, TemplateError } from '../../format/template';

export const daemonErrorLine = (res: ApiResponse): string =>
  `Error response from daemon: ${(res.body as { message: string }).message}`;

/** A request the daemon refused: its error line on stderr, and the CLI's exit status 1. */
export function daemonFailure(io: Output, res: ApiResponse): number {
  io.err(daemonErrorLine(res) + '\n');
  return 1;
}

/**
 * The client library refuses an empty name before any request (docker/client trimID), e.g.
 * `invalid network name or ID: value is empty`. Undefined when the name is usable.
 */
export const emptyIdError = (kind: 'image' | 'volume' | 'network' | 'container', name: string): string | undefined =>
  name.trim() === '' ? `invalid ${kind} name or ID: value is empty` : undefined;

/**
 * docker's inspect.Inspect: found objects as an indented JSON array (or one template line each), then
 * every error (lookups first, then template failures) and exit 1 if there was any. A template that
 * produced nothing at all still flushes one empty line; a template that does not parse exits 64.
 * Templates run against the CLI's typed Go struct, where fields the JSON omits (omitempty) still exist
 * with zero values: `typed` turns the JSON into that view. When that fails (or there is no typed view),
 * the CLI runs the template again on the raw JSON map with missingkey=error (TemplateInspector's
 * tryRawInspectFallback), so a missing key is an error rather than "<no value>".
 */
export function printInspect<T>(
  io: Output,
  found: T[],
  lookupErrors: string[],
  format: string,
  typed?: (raw: T) => unknown,
): number {
  const errors = [...lookupErrors];
  if (format === '' || format === 'json') {
    io.out(goJson(found, { indent: '    ' }) + '\n');
  } else {
    let tmpl: GoTemplate;
    try {
      tmpl = GoTemplate.parse(format);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      io.err(`template parsing error: ${e.message}\n`);
      return 64;
    }
    let buffer = '';
    for (const item of found) {
      try {
        buffer += executeInspectTemplate(tmpl, item, typed) + '\n';
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        errors.push(`template parsing error: ${e.message}`);
      }
    }
    io.out(buffer === '' ? '\n' : buffer);
  }
  for (const e of errors) io.err(e + '\n');
  return errors.length > 0 ? 1 : 0;
}

function executeInspectTemplate<T>(tmpl: GoTemplate, raw: T, typed?: (raw: T) => unknown): string {
  if (typed) {
    try {
      return tmpl.execute(typed(raw));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
    }
  }
  return tmpl.execute(raw, { missingKey: 'error' });
}

/**
 * The prune prompt. The simulator's stdin is never a terminal and holds no answer, so like the real CLI
 * reading EOF it prints the question, takes it as "no", and the command ends successfully.
 */
export function declinePrompt(io: Output, warning: string): number {
  io.out(`${warning}\nAre you sure you want to continue? [y/N] `);
  return 0;
}

/** sortorder.NaturalLess: digit runs compare by value ("vol2" < "vol10"). */
export function naturalLess(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const dx = x.replace(/^0+/, '');
      const dy = y.replace(/^0+/, '');
      if (dx.length !== dy.length) return dx.length - dy.length;
      if (dx !== dy) return dx < dy ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** `label` maps as list columns show them: `k=v` pairs, comma-joined (sorted for a stable order). */
export const joinLabels = (labels: Record<string, string> | null | undefined): string =>
  Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
