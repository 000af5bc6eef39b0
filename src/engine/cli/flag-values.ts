// Converting a flag's text to its typed value, with the exact error texts of the Go parsers pflag and
// docker's option types use (strconv, time.ParseDuration, go-units RAMInBytes, big.Rat).
import type { FlagSpec, FlagValue } from './command';
import { quoteGo } from './format/text';

export class FlagValueError extends Error {}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function parseBool(s: string): boolean {
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new FlagValueError(`strconv.ParseBool: parsing ${quoteGo(s)}: invalid syntax`);
}

/** strconv.ParseInt / ParseUint with base 0 (0x, 0o, 0b and leading-0 octal prefixes, '_' separators) */
export function parseInteger(s: string, bits: number, signed: boolean): number {
  const fn = signed ? 'ParseInt' : 'ParseUint';
  const fail = (why: string): never => {
    throw new FlagValueError(`strconv.${fn}: parsing ${quoteGo(s)}: ${why}`);
  };
  const m = /^([+-]?)(0[xX][0-9a-fA-F](_?[0-9a-fA-F])*|0[bB][01](_?[01])*|0[oO]?[0-7](_?[0-7])*|[1-9](_?[0-9])*|0)$/.exec(s);
  if (!m || (!signed && m[1])) return fail('invalid syntax');
  let body = m[2]!.replace(/_/g, '');
  if (/^0[0-7]/.test(body)) body = '0o' + body.slice(1);
  else if (/^0[oO]/.test(body)) body = '0o' + body.slice(2);
  let v = BigInt(body);
  if (m[1] === '-') v = -v;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  if (v > max || v < min) fail('value out of range');
  return Number(v);
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration → milliseconds */
export function parseDuration(s: string): number {
  const quoted = quoteGo(s);
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new FlagValueError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') throw new FlagValueError(`time: invalid duration ${quoted}`);
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new FlagValueError(`time: missing unit in duration ${quoted}`);
    const factor = DURATION_UNITS[unit];
    if (factor === undefined) throw new FlagValueError(`time: unknown unit ${quoteGo(unit)} in duration ${quoted}`);
    total += Number(num[0]) * factor;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes (docker's opts.MemBytes) → bytes */
export function parseBytes(s: string): number {
  const sep = Math.max(...[...'0123456789. '].map((c) => s.lastIndexOf(c)));
  if (sep < 0) throw new FlagValueError(`invalid size: '${s}'`);
  const num = s[sep] === ' ' ? s.slice(0, sep) : s.slice(0, sep + 1);
  let sfx = s.slice(sep + 1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(num))
    throw new FlagValueError(`strconv.ParseFloat: parsing ${quoteGo(num)}: invalid syntax`);
  let size = Number(num);
  if (size < 0) throw new FlagValueError(`invalid size: '${s}'`);
  if (sfx === '') return Math.trunc(size);
  const bad = (): never => {
    throw new FlagValueError(`invalid suffix: '${sfx}'`);
  };
  if (sfx.length > 3) bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? bad() : Math.trunc(size);
  const mul = BINARY[sfx[0]!];
  if (mul === undefined) bad();
  size *= mul!;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) bad();
  return Math.trunc(size);
}

/** docker's opts.NanoCPUs: a rational number with at most 9 decimals → the number of CPUs */
export function parseDecimal(s: string): number {
  let v: number;
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(s);
  if (frac) v = Number(frac[1]) / Number(frac[2]);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) v = Number(s);
  else throw new FlagValueError(`failed to parse ${s} as a rational number`);
  if (frac && Number(frac[2]) === 0) throw new FlagValueError(`failed to parse ${s} as a rational number`);
  if (!Number.isInteger(Math.round(v * 1e9 * 1e6) / 1e6)) throw new FlagValueError('value is too precise');
  return v;
}

/** the initial value of a flag before the user sets it */
export function defaultValue(f: FlagSpec): FlagValue {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : f.default;
  switch (f.type) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'int':
    case 'uint':
    case 'duration':
    case 'bytes':
    case 'decimal':
      return 0;
    default:
      return [];
  }
}

/** Applies one occurrence of a flag: returns the new value (repeatable types accumulate). */
export function applyFlag(f: FlagSpec, raw: string, current: FlagValue, firstTime: boolean): FlagValue {
  switch (f.type) {
    case 'bool':
      return parseBool(raw);
    case 'string':
      return raw;
    case 'int':
      return parseInteger(raw, 64, true);
    case 'uint':
      return parseInteger(raw, f.valueName === 'uint16' ? 16 : 64, false);
    case 'duration':
      return parseDuration(raw);
    case 'bytes':
      // opts.MemSwapBytes: "-1" means unlimited swap
      return f.name === 'memory-swap' && raw === '-1' ? -1 : parseBytes(raw);
    case 'decimal':
      return parseDecimal(raw);
    case 'stringSlice': {
      // pflag replaces the default on first use, then appends; values are comma-separated
      const prev = firstTime ? [] : (current as string[]);
      return [...prev, ...(raw === '' ? [] : raw.split(','))];
    }
    case 'list':
      // opts.FilterOpt ignores empty values
      if (f.valueName === 'filter' && raw !== '' && !raw.includes('='))
        throw new FlagValueError('bad format of filter (expected name=value)');
      return [...(firstTime ? [] : (current as string[])), raw];
    case 'stringArray':
      return [...(firstTime ? [] : (current as string[])), raw];
  }
}
