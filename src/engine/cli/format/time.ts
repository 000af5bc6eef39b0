// Time as docker prints it: relative ("5 minutes ago", client-side) and Go's RFC 3339 layouts.
import { humanDuration } from './units';

/** CreatedSince / RunningFor: HumanDuration(now − then) + " ago" */
export function timeAgo(nowMs: number, thenMs: number): string {
  return humanDuration(nowMs - thenMs) + ' ago';
}

function isoParts(ms: number): { date: string; frac: string } {
  const floorMs = Math.floor(ms);
  const iso = new Date(floorMs).toISOString(); // 2024-01-02T03:04:05.678Z
  return { date: iso.slice(0, 19), frac: iso.slice(20, 23) };
}

function nanosFraction(ms: number, subMsNanos: number): string {
  return isoParts(ms).frac + String(Math.max(0, Math.min(999_999, Math.floor(subMsNanos)))).padStart(6, '0');
}

/**
 * Go time.RFC3339Nano in UTC ("2024-01-02T03:04:05.1234567Z"): trailing zeros of the fraction are
 * dropped, and so is the dot when the fraction is zero. `subMsNanos` adds precision below 1 ms.
 */
export function rfc3339Nano(ms: number, subMsNanos = 0): string {
  const frac = nanosFraction(ms, subMsNanos).replace(/0+$/, '');
  return isoParts(ms).date + (frac ? '.' + frac : '') + 'Z';
}

/** jsonmessage.RFC3339NanoFixed (`logs -t`, `events`): always nine fraction digits */
export function rfc3339NanoFixed(ms: number, subMsNanos = 0): string {
  return `${isoParts(ms).date}.${nanosFraction(ms, subMsNanos)}Z`;
}

/** Go's zero time.Time as JSON prints it (e.g. FinishedAt of a never-started container) */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
