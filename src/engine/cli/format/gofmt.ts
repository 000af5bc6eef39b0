// Go's fmt and encoding/json, reproduced where docker's output depends on them: `%g` rounding
// (round-half-even on the exact binary value, unlike JavaScript's toPrecision), `%v` of values,
// Printf's verbs and its error notations (`%!d(string=x)`), and json.Marshal.
import { quoteGo } from './text';

/** Go `%.<prec>g` for a float64 */
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const p = Math.max(prec, 1);
  const { digits, exp } = roundedDigits(Math.abs(x), p);
  const trimmed = digits.replace(/0+$/, '') || '0';
  return (x < 0 ? '-' : '') + (exp < -4 || exp >= p ? expForm(trimmed, exp) : plainForm(trimmed, exp));
}

function expForm(digits: string, exp: number): string {
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function plainForm(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return frac ? `${int}.${frac}` : int;
}

/** `prec` significant decimal digits of x (> 0), rounded half-to-even on the exact value */
function roundedDigits(x: number, prec: number): { digits: string; exp: number } {
  // toExponential(99) is exact for every value whose tie could matter (short dyadic fractions)
  const [m, e] = x.toExponential(99).split('e') as [string, string];
  const all = m.replace('.', '');
  let exp = Number(e);
  const head = all.slice(0, prec);
  const rest = all.slice(prec);
  const first = rest[0] ?? '0';
  const roundUp = first > '5' || (first === '5' && (!/^50*$/.test(rest) || Number(head[head.length - 1]) % 2 === 1));
  if (!roundUp) return { digits: head, exp };
  let inc = (BigInt(head) + 1n).toString();
  if (inc.length > prec) {
    exp++;
    inc = inc.slice(0, prec);
  }
  return { digits: inc.padStart(prec, '0'), exp };
}

/** `%v` of a float64: strconv 'g' with the shortest digits, exponent form from 1e+06 on (like Go) */
export function formatFloatShortest(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [m, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  const digits = m.replace('.', '').replace('-', '');
  return (x < 0 ? '-' : '') + (exp < -4 || exp >= 6 ? expForm(digits, exp) : plainForm(digits, exp));
}

/**
 * Go values as the template and fmt see them. JavaScript values map onto Go kinds: integers are
 * `int`, other numbers `float64`, arrays `[]interface {}`, plain objects `map[string]interface {}`.
 * A GoStruct is a struct of the named type: unknown fields are errors, not "<no value>".
 */
export class GoStruct {
  constructor(
    readonly typeName: string,
    /** field values; getters stay lazy (evaluated only when a template uses them) */
    readonly fields: Record<string, unknown>,
    /** docker's list contexts marshal through a map: sorted keys, HTML-escaped */
    readonly marshalAsMap = false,
  ) {}

  toJSON(): unknown {
    return this.fields;
  }
}

/**
 * Nil slices and maps of a typed Go struct: fmt prints them as `[]` / `map[]` (not "<no value>"), while
 * json.Marshal still writes null.
 */
export const GO_NIL_SLICE: readonly unknown[] = Object.freeze(Object.defineProperty([], 'toJSON', { value: () => null }));
export const GO_NIL_MAP: Readonly<Record<string, unknown>> = Object.freeze(Object.defineProperty({}, 'toJSON', { value: () => null }));

export function isStruct(v: unknown): v is GoStruct {
  return v instanceof GoStruct;
}

export function goStruct(typeName: string, fields: object, opts: { marshalAsMap?: boolean } = {}): GoStruct {
  return new GoStruct(typeName, fields as Record<string, unknown>, opts.marshalAsMap ?? false);
}

export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') && v.length > 0 ? '[]string' : '[]interface {}';
  if (isStruct(v)) return v.typeName;
  return 'map[string]interface {}';
}

/** fmt's `%v` */
export function formatValue(v: unknown, top = true): string {
  if (v === undefined || v === null) return top ? '<no value>' : '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloatShortest(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => formatValue(x, false)).join(' ') + ']';
  if (typeof v === 'object') {
    if (isStruct(v))
      return (
        '{' +
        Object.values(v.fields)
          .filter((x) => typeof x !== 'function') // methods are not part of the struct's value
          .map((x) => formatValue(x, false))
          .join(' ') +
        '}'
      );
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return 'map[' + keys.map((k) => `${k}:${formatValue(obj[k], false)}`).join(' ') + ']';
  }
  return String(v);
}

/** fmt.Sprint: spaces between operands when neither side is a string */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a, false);
  });
  return out;
}

/** fmt.Sprintln: always spaces, then a newline */
export function sprintln(args: unknown[]): string {
  return args.map((a) => formatValue(a, false)).join(' ') + '\n';
}

/**
 * Go json.Marshal. docker's `json` template function disables HTML escaping, except inside values whose
 * MarshalJSON already escaped (the list contexts: marshalAsMap, keys sorted like a Go map).
 */
export function goJson(v: unknown, opts: { escapeHTML?: boolean; indent?: string } = {}): string {
  if (isStruct(v) && v.marshalAsMap) {
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v.fields).sort()) sorted[k] = v.fields[k];
    return goJson(sorted, { ...opts, escapeHTML: true });
  }
  const s = JSON.stringify(v === undefined ? null : v, null, opts.indent) ?? 'null';
  let out = s.replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  if (opts.escapeHTML) out = out.replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16));
  return out;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || s.length >= spec.width) return s;
  const n = spec.width - s.length;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function badVerb(verb: string, arg: unknown): string {
  return arg === undefined || arg === null ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeName(arg)}=${formatValue(arg, false)})`;
}

function signed(s: string, spec: Spec): string {
  if (s.startsWith('-')) return s;
  return (spec.plus ? '+' : spec.space ? ' ' : '') + s;
}

/** JavaScript stops at 100 fraction digits; Go goes on (the extra digits of a double are zeros there) */
function withZeros(s: string, prec: number, exponent: boolean): string {
  if (prec <= 100) return s;
  const zeros = '0'.repeat(prec - 100);
  if (!exponent) return s + zeros;
  const e = s.indexOf('e');
  return s.slice(0, e) + zeros + s.slice(e);
}

function formatVerb(verb: string, arg: unknown, spec: Spec): string {
  const isNum = typeof arg === 'number';
  const isInt = isNum && Number.isInteger(arg);
  switch (verb) {
    case 'v':
      return pad(isNum ? signed(formatValue(arg, false), spec) : formatValue(arg, false), spec, isNum);
    case 's':
      if (typeof arg === 'string') return pad(spec.prec !== undefined ? [...arg].slice(0, spec.prec).join('') : arg, spec, false);
      if (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) return pad(formatValue(arg, false), spec, false);
      return badVerb(verb, arg);
    case 'q':
      if (typeof arg === 'string') return pad(quoteGo(arg), spec, false);
      if (isInt) return pad(`'${String.fromCodePoint(arg as number)}'`, spec, false);
      return badVerb(verb, arg);
    case 'd':
      return isInt ? pad(signed(String(arg), spec), spec, true) : badVerb(verb, arg);
    case 'x':
    case 'X': {
      let s: string;
      if (isInt) s = (arg as number).toString(16);
      else if (typeof arg === 'string') s = [...new TextEncoder().encode(arg)].map((b) => b.toString(16).padStart(2, '0')).join('');
      else return badVerb(verb, arg);
      if (verb === 'X') s = s.toUpperCase();
      return pad(s, spec, true);
    }
    case 'f':
    case 'F':
    case 'e':
    case 'g':
      if (!isNum) return badVerb(verb, arg);
      {
        const x = arg as number;
        const s =
          verb === 'g'
            ? spec.prec === undefined
              ? formatFloatShortest(x)
              : formatG(x, spec.prec)
            : verb === 'e'
              ? withZeros(x.toExponential(Math.min(spec.prec ?? 6, 100)), spec.prec ?? 6, true).replace(/e([+-])(\d)$/, 'e$10$2')
              : withZeros(x.toFixed(Math.min(spec.prec ?? 6, 100)), spec.prec ?? 6, false);
        return pad(signed(s, spec), spec, true);
      }
    case 't':
      return typeof arg === 'boolean' ? pad(String(arg), spec, false) : badVerb(verb, arg);
    case 'c':
      return isInt ? pad(String.fromCodePoint(arg as number), spec, false) : badVerb(verb, arg);
    case 'T':
      return pad(goTypeName(arg), spec, false);
    default:
      return badVerb(verb, arg);
  }
}

/** fmt.Sprintf with the verbs docker users write: %s %d %v %q %f %g %e %x %t %c %T %%, flags, width, precision */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '0') spec.zero = true;
      else if (f === ' ') spec.space = true;
      else if (f === '#') spec.sharp = true;
      else break;
    }
    // Go's parsenum: a number that grows past 1e6 while digits remain swallows the rest of the format
    const num = (): number | undefined => {
      let n: number | undefined;
      while (i < format.length && format[i]! >= '0' && format[i]! <= '9') {
        if ((n ?? 0) > 1e6) {
          i = format.length;
          return undefined;
        }
        n = (n ?? 0) * 10 + Number(format[i++]);
      }
      return n;
    };
    spec.width = num();
    if (format[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatVerb(verb, args[argi++], spec);
  }
  if (argi < args.length) {
    out +=
      '%!(EXTRA ' +
      args
        .slice(argi)
        .map((a) => `${goTypeName(a)}=${formatValue(a, false)}`)
        .join(', ') +
      ')';
  }
  return out;
}
