// The CREATED BY texts BuildKit writes into image history (frontend/dockerfile/dockerfile2llb
// convert.go commitToHistory): steps that change files end in ` # buildkit`; values are printed with
// Go's %q / %v verbs, which is why CMD shows as `CMD ["node" "app.js"]` and VOLUME as `VOLUME [/data]`.
import type { HealthConfig } from '../daemon/images/model';

/** Go %q of a string (strconv.Quote) for the printable ASCII the lessons use */
export const goQuote = (s: string): string => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');

/** Go %q of a []string: ["a" "b"] */
export const goQuoteList = (xs: readonly string[]): string => `[${xs.map(goQuote).join(' ')}]`;

/** Go time.Duration.String for whole multiples the lessons use (30s, 1m30s, 500ms, 0s) */
export function goDuration(ns: number | undefined): string {
  if (!ns) return '0s';
  if (ns < 1e9) return ns % 1e6 === 0 ? `${ns / 1e6}ms` : `${ns / 1e3}µs`;
  let s = ns / 1e9;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${Number(s.toFixed(9))}s`;
}

/** Go %q of an int is a quoted rune: 3 → '\x03' */
const goRune = (n: number): string =>
  n >= 32 && n < 127 ? `'${String.fromCharCode(n)}'` : `'\\x${n.toString(16).padStart(2, '0')}'`;

/** `HEALTHCHECK %q` of a *HealthConfig: &{["CMD-SHELL" "…"] "30s" "0s" "0s" "0s" '\x03'} */
export function healthcheckText(h: HealthConfig): string {
  const durations = [h.Interval, h.Timeout, h.StartPeriod, h.StartInterval].map((d) => goQuote(goDuration(d)));
  return `HEALTHCHECK &{${goQuoteList(h.Test ?? [])} ${durations.join(' ')} ${goRune(h.Retries ?? 0)}}`;
}

/** `RUN …`: build args in scope first (`|2 A=1 B=2`), then the argv as run */
export function runText(argv: readonly string[], buildArgs: readonly [string, string][]): string {
  const args = buildArgs.length ? [`|${buildArgs.length}`, ...buildArgs.map(([k, v]) => `${k}=${v}`)] : [];
  return `RUN ${[...args, ...argv].join(' ')} # buildkit`;
}

/** `EXPOSE map[3000/tcp:{} 53/udp:{}]`: Go prints a map with its keys sorted */
export const exposeText = (ports: readonly string[]): string =>
  `EXPOSE map[${[...ports].sort().map((p) => `${p}:{}`).join(' ')}]`;
