// docker/cli opts.MountOpt.Set: one `--mount` value → a mount, or the error pflag reports as
// `invalid argument "<value>" for "--mount" flag: <error>` while parsing flags. The mount type itself is
// not checked here: the daemon refuses unknown types.
import type { MountRequest } from '../daemon/containers/model';

export class MountOptError extends Error {}

/** strconv.ParseBool */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** keys of the per-type option groups: using one with another mount type is an error */
const GROUP_KEYS: Record<'bind' | 'volume' | 'tmpfs', string[]> = {
  bind: ['bind-propagation', 'bind-nonrecursive', 'bind-recursive'],
  volume: ['volume-nocopy', 'volume-subpath', 'volume-label', 'volume-driver', 'volume-opt'],
  tmpfs: ['tmpfs-size', 'tmpfs-mode'],
};
const OTHER_KEYS = ['consistency', 'image-subpath'];

export function parseMountOpt(spec: string): MountRequest {
  const fail = (msg: string): never => {
    throw new MountOptError(msg);
  };
  let type = 'volume';
  let source: string | undefined;
  let target = '';
  let readOnly: boolean | undefined;
  const groups = new Set<keyof typeof GROUP_KEYS>();
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readOnly = true;
      else if (key === 'volume-nocopy') groups.add('volume');
      else if (key === 'bind-nonrecursive') groups.add('bind');
      else fail(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    if (key === 'type') type = value.toLowerCase();
    else if (key === 'source' || key === 'src') source = value;
    else if (key === 'target' || key === 'dst' || key === 'destination') target = value;
    else if (key === 'readonly' || key === 'ro') readOnly = parseBool(value) ?? fail(`invalid value for ${key}: ${value}`);
    else {
      const group = (Object.keys(GROUP_KEYS) as (keyof typeof GROUP_KEYS)[]).find((g) => GROUP_KEYS[g].includes(key));
      if (group) groups.add(group);
      else if (!OTHER_KEYS.includes(key)) fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (type === '') fail('type is required');
  if (target === '') fail('target is required');
  for (const g of ['volume', 'bind', 'tmpfs'] as const) {
    if (groups.has(g) && type !== g) fail(`cannot mix '${g}-*' options with mount type '${type}'`);
  }
  return { Type: type as MountRequest['Type'], ...(source !== undefined ? { Source: source } : {}), Target: target, ...(readOnly !== undefined ? { ReadOnly: readOnly } : {}) };
}
