// docker volume as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORCE_NO_PROMPT_FLAG, FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG, filterFlag, quietFlag } from './shared-flags';

export const VOLUME: CommandSpec[] = [
  {
    path: ['volume'],
    usage: 'volume COMMAND',
    short: 'Manage volumes',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['volume', 'create'],
    usage: 'volume create [OPTIONS] [VOLUME]',
    short: 'Create a volume',
    args: { kind: 'max', n: 1 },
    flags: [
      { name: 'driver', short: 'd', type: 'string', default: 'local', usage: 'Specify volume driver name' },
      { name: 'label', type: 'list', usage: 'Set metadata for a volume' },
      { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
      {
        name: 'opt',
        short: 'o',
        type: 'list',
        valueName: 'map',
        defaultText: 'map[]',
        usage: 'Set driver specific options',
      },
    ],
  },
  {
    path: ['volume', 'inspect'],
    usage: 'volume inspect [OPTIONS] VOLUME [VOLUME...]',
    short: 'Display detailed information on one or more volumes',
    args: { kind: 'min', n: 1 },
    flags: [FORMAT_JSON_FLAG],
  },
  {
    path: ['volume', 'ls'],
    aliases: [['volume', 'list']],
    usage: 'volume ls [OPTIONS]',
    short: 'List volumes',
    args: { kind: 'none' },
    flags: [
      filterFlag('Provide filter values (e.g. "dangling=true")'),
      FORMAT_TABLE_FLAG,
      quietFlag('Only display volume names'),
    ],
  },
  {
    path: ['volume', 'prune'],
    usage: 'volume prune [OPTIONS]',
    short: 'Remove unused local volumes',
    args: { kind: 'none' },
    flags: [
      { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
      { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
      FORCE_NO_PROMPT_FLAG,
    ],
  },
  {
    path: ['volume', 'rm'],
    aliases: [['volume', 'remove']],
    usage: 'volume rm [OPTIONS] VOLUME [VOLUME...]',
    short: 'Remove one or more volumes',
    long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
    args: { kind: 'min', n: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  },
];
