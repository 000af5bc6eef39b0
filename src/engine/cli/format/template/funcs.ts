// The functions a docker --format template can call: Go's builtins and docker/cli's basicFunctions
// (json, split, join, title, lower, upper, pad, truncate), plus the header variants docker uses for
// table headers.
import { formatValue, goJson, goTypeName, isStruct, sprint, sprintf, sprintln, utf8Length } from '../gofmt';

export type Fn = (args: unknown[]) => unknown;
/** Go parameter types the caller checks before a call ('any' accepts everything) */
export type Param = 'any' | 'string' | 'int' | '[]string';

export interface FuncDef {
  params: Param[];
  /** the last param repeats (Go's ...T) */
  variadic?: boolean;
  fn: Fn;
}

export class FuncError extends Error {}

export function accepts(p: Param, v: unknown): boolean {
  switch (p) {
    case 'any':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case '[]string':
      return Array.isArray(v); // lenient: docker's typed structs hold []string where we hold arrays
  }
}

/** strings.Title: upper-case the first letter of every word */
function title(s: string): string {
  let prevSep = true;
  let out = '';
  for (const ch of s) {
    out += prevSep ? ch.toUpperCase() : ch;
    prevSep = !/[\p{L}\p{N}_]/u.test(ch) && (/[\s\p{P}\p{S}]/u.test(ch) || ch.charCodeAt(0) < 0x80);
  }
  return out;
}

export function truthy(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isStruct(v)) return true;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function basicKind(v: unknown): 'number' | 'string' | 'boolean' {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return typeof v as 'number' | 'string' | 'boolean';
  throw new FuncError('invalid type for comparison');
}

function eq(args: unknown[]): boolean {
  const [a, ...rest] = args;
  for (const b of rest) {
    if (a === undefined || a === null || b === undefined || b === null) {
      if ((a ?? null) === (b ?? null)) return true;
      continue;
    }
    if (basicKind(a) !== basicKind(b)) throw new FuncError('incompatible types for comparison');
    if (a === b) return true;
  }
  return false;
}

function lt(args: unknown[]): boolean {
  const [a, b] = args;
  const ka = basicKind(a);
  if (ka === 'boolean' || basicKind(b) === 'boolean') throw new FuncError('invalid type for comparison');
  if (ka !== basicKind(b)) throw new FuncError('incompatible types for comparison');
  return (a as number | string) < (b as number | string);
}

function indexInto(item: unknown, key: unknown): unknown {
  if (Array.isArray(item) || typeof item === 'string') {
    if (typeof key !== 'number' || !Number.isInteger(key)) throw new FuncError(`cannot index slice/array with type ${goTypeName(key)}`);
    const length = typeof item === 'string' ? utf8Length(item) : item.length;
    if (key < 0 || key >= length) throw new FuncError(`index out of range: ${key}`);
    return typeof item === 'string' ? new TextEncoder().encode(item)[key] : item[key];
  }
  if (typeof item === 'object' && item !== null && !isStruct(item)) {
    if (typeof key !== 'string') throw new FuncError(`value has type ${goTypeName(key)}; should be string`);
    return Object.prototype.hasOwnProperty.call(item, key) ? (item as Record<string, unknown>)[key] : undefined;
  }
  if (item === undefined || item === null) throw new FuncError('index of untyped nil');
  throw new FuncError(`can't index item of type ${goTypeName(item)}`);
}

function slice(args: unknown[]): unknown {
  const [item, ...idx] = args;
  if (typeof item !== 'string' && !Array.isArray(item)) throw new FuncError(`can't slice item of type ${goTypeName(item)}`);
  const length = typeof item === 'string' ? utf8Length(item) : item.length;
  const [i = 0, j = length] = idx as number[];
  if (idx.length > 2) throw new FuncError('too many slice indexes: ' + idx.length);
  if (i < 0 || j > length || i > j) throw new FuncError(`index out of range: ${i > j ? i : j}`);
  return typeof item === 'string' ? new TextDecoder().decode(new TextEncoder().encode(item).slice(i, j)) : item.slice(i, j);
}

function len(args: unknown[]): number {
  const v = args[0];
  if (typeof v === 'string') return utf8Length(v);
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null && !isStruct(v)) return Object.keys(v).length;
  throw new FuncError(`len of type ${goTypeName(v)}`);
}

const S = (fn: (s: string) => string): FuncDef => ({ params: ['string'], fn: (a) => fn(a[0] as string) });

export const FUNCS: Record<string, FuncDef> = {
  // Go's builtins (and/or are evaluated lazily by the caller)
  not: { params: ['any'], fn: (a) => !truthy(a[0]) },
  len: { params: ['any'], fn: len },
  index: { params: ['any', 'any'], variadic: true, fn: (a) => a.slice(1).reduce(indexInto, a[0]) },
  slice: { params: ['any', 'int'], variadic: true, fn: slice },
  print: { params: ['any'], variadic: true, fn: sprint },
  printf: { params: ['string', 'any'], variadic: true, fn: (a) => sprintf(a[0] as string, a.slice(1)) },
  println: { params: ['any'], variadic: true, fn: sprintln },
  eq: { params: ['any', 'any'], variadic: true, fn: eq },
  ne: { params: ['any', 'any'], fn: (a) => !eq(a) },
  lt: { params: ['any', 'any'], fn: lt },
  le: { params: ['any', 'any'], fn: (a) => lt(a) || eq(a) },
  gt: { params: ['any', 'any'], fn: (a) => !lt(a) && !eq(a) },
  ge: { params: ['any', 'any'], fn: (a) => !lt(a) },
  // docker/cli templates.basicFunctions
  json: { params: ['any'], fn: (a) => goJson(a[0]) },
  split: { params: ['string', 'string'], fn: (a) => (a[0] as string).split(a[1] as string) },
  join: { params: ['[]string', 'string'], fn: (a) => (a[0] as unknown[]).map((x) => formatValue(x, false)).join(a[1] as string) },
  title: S(title),
  lower: S((s) => s.toLowerCase()),
  upper: S((s) => s.toUpperCase()),
  pad: { params: ['string', 'int', 'int'], fn: (a) => padWithSpace(a[0] as string, a[1] as number, a[2] as number) },
  truncate: { params: ['string', 'int'], fn: (a) => truncateBytes(a[0] as string, a[1] as number) },
};

/** docker's HeaderFunctions: header rows keep the column names intact */
export const HEADER_OVERRIDES: Record<string, Fn> = Object.fromEntries(
  ['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate'].map((n) => [n, (a: unknown[]) => a[0]]),
);

export const FUNC_NAMES: ReadonlySet<string> = new Set([...Object.keys(FUNCS), 'and', 'or']);

function padWithSpace(s: string, prefix: number, suffix: number): string {
  if (s === '') return s;
  if (prefix < 0 || suffix < 0) throw new FuncError('strings: negative Repeat count');
  if (prefix + suffix > 2 ** 20) throw new FuncError("padding exceeds the simulator's limit of 1 MiB");
  return ' '.repeat(prefix) + s + ' '.repeat(suffix);
}

function truncateBytes(s: string, n: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length < n) return s;
  if (n < 0) throw new FuncError(`slice bounds out of range [:${n}]`);
  return new TextDecoder().decode(bytes.slice(0, n));
}
