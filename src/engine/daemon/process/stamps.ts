// Log timestamps in each server's own style. A planned line carries the style and a `{t}` placeholder;
// the time is filled in when the line is actually written, so shutdown messages show when the signal
// came, not when the plan was made.

export type StampStyle = 'nginx' | 'apache' | 'redis' | 'unix' | 'postgres' | 'mysql';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

interface DateParts {
  year: number; month: number; day: number; weekday: string; mon: string;
  hms: string; millis: number;
}

function dateParts(ms: number): DateParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: DAYS[d.getUTCDay()]!,
    mon: MONTHS[d.getUTCMonth()]!,
    hms: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    millis: d.getUTCMilliseconds(),
  };
}

export function stamp(style: StampStyle, ms: number): string {
  const d = dateParts(ms);
  const ymd = `${d.year}-${p2(d.month)}-${p2(d.day)}`;
  switch (style) {
    case 'nginx':
      return `${d.year}/${p2(d.month)}/${p2(d.day)} ${d.hms}`;
    case 'apache':
      return `${d.weekday} ${d.mon} ${p2(d.day)} ${d.hms}.${p3(d.millis)}000 ${d.year}`;
    case 'redis':
      return `${p2(d.day)} ${d.mon} ${d.year} ${d.hms}.${p3(d.millis)}`;
    case 'unix':
      return String(Math.floor(ms / 1000));
    case 'postgres':
      return `${ymd} ${d.hms}.${p3(d.millis)} UTC`;
    case 'mysql':
      return `${ymd}T${d.hms}.${p3(d.millis)}000Z`;
  }
}

/** Common Log Format time, as access logs print it: 23/Nov/2026:12:00:01 +0000 */
export function clfTime(ms: number): string {
  const d = dateParts(ms);
  return `${p2(d.day)}/${d.mon}/${d.year}:${d.hms} +0000`;
}

/** `date` in the C locale: "Mon Nov 23 11:30:00 UTC 2026" */
export function cDate(ms: number): string {
  const d = dateParts(ms);
  return `${d.weekday} ${d.mon} ${String(d.day).padStart(2, ' ')} ${d.hms} UTC ${d.year}`;
}
