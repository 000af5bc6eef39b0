// The `filters` query parameter as the Engine API carries it: JSON `{"key":{"value":true}}` (docker's
// filters.Args). Both sides use these helpers so CLI `--filter k=v` flags and route handlers agree.
import { badRequest } from '../daemon/errors';

export type FilterArgs = Record<string, string[]>;

/**
 * `--filter` flag values (`dangling=true`, `label=a=b`) → args. The CLI parser has already refused values
 * without '=' (opts.FilterOpt), so each splits at its first '='.
 */
export function parseFilterFlags(values: string[] | undefined): FilterArgs {
  const args: FilterArgs = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    (args[v.slice(0, eq).toLowerCase()] ??= []).push(v.slice(eq + 1));
  }
  return args;
}

/** The query string value, or undefined when there are no filters. */
export function encodeFilters(args: FilterArgs): string | undefined {
  const keys = Object.keys(args);
  if (keys.length === 0) return undefined;
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, Object.fromEntries(args[k]!.map((v) => [v, true]))])));
}

export function decodeFilters(q: string | undefined): FilterArgs {
  if (!q) return {};
  const raw = JSON.parse(q) as Record<string, Record<string, boolean>>;
  return Object.fromEntries(Object.entries(raw).map(([k, vs]) => [k, Object.keys(vs)]));
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * moby timetypes.GetTimestamp for `until`/`since` filter values, in ms: a Go duration (`24h`, `1h30m`)
 * counts back from now, a number is Unix seconds, anything else an RFC 3339 date. Undefined when invalid.
 */
export function filterTimestamp(value: string, nowMs: number): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length > 0 && parts.map((p) => p[0]).join('') === value) {
    return nowMs - parts.reduce((ms, p) => ms + Number(p[1]) * DURATION_UNITS[p[2]!]!, 0);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

/** filters.Args.Match: an exact match, or an (unanchored) regular expression; a bad pattern matches nothing. */
export function filterMatch(pattern: string, value: string): boolean {
  if (pattern === value) return true;
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** `label=key` / `label=key=value` filters against a label map: every spec must hold. */
export function labelsMatch(labels: Record<string, string> | null | undefined, specs: string[] | undefined): boolean {
  const have = labels ?? {};
  return (specs ?? []).every((spec) => {
    const eq = spec.indexOf('=');
    return eq < 0 ? spec in have : have[spec.slice(0, eq)] === spec.slice(eq + 1);
  });
}

/** The `until` filter's cutoff in ms (objects created before it pass); undefined when absent. */
export function untilCutoff(filters: FilterArgs, nowMs: number): number | undefined {
  const value = filters.until?.[0];
  if (value === undefined) return undefined;
  const t = filterTimestamp(value, nowMs);
  if (t === undefined) throw badRequest(`failed to parse value as time or duration: "${value}"`);
  return t;
}

/** A boolean filter (`dangling=true`): undefined when absent; moby's error for anything but true/false/1/0. */
export function boolFilter(filters: FilterArgs, key: string): boolean | undefined {
  const values = filters[key];
  if (values === undefined) return undefined;
  const v = values[0]!.toLowerCase();
  if (values.length > 1 || !['true', 'false', '1', '0'].includes(v))
    throw badRequest(`invalid filter '${key}=[${values.join(' ')}]'`);
  return v === 'true' || v === '1';
}
