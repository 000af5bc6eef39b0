// docker/go-units: the human-readable durations and sizes docker prints in tables and prune summaries.
import { formatG } from './gofmt';

/** go-units HumanDuration: "Less than a second", "About a minute", "3 hours", "2 weeks" … */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function scaled(size: number, base: number, units: string[], precision: number): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return formatG(size, precision) + units[i];
}

/** HumanSizeWithPrecision: powers of 1000, `%.<precision>g`, no space ("1.98MB") */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  return scaled(bytes, 1000, DECIMAL_UNITS, precision);
}

/** HumanSize (`%.4g`), used by prune's "Total reclaimed space" */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** BytesSize: powers of 1024 ("1.156MiB"), used by `stats` memory */
export function bytesSize(bytes: number): string {
  return scaled(bytes, 1024, BINARY_UNITS, 4);
}
