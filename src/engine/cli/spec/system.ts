// docker system as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORMAT_JSON_HELP } from './usage-texts';
import { FILTER_FLAG, FORCE_NO_PROMPT_FLAG, FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG } from './shared-flags';

export const SYSTEM: CommandSpec[] = [
  {
    path: ['system'],
    usage: 'system',
    short: 'Manage Docker',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['system', 'df'],
    usage: 'system df [OPTIONS]',
    short: 'Show docker disk usage',
    args: { kind: 'none' },
    flags: [
      FORMAT_TABLE_FLAG,
      { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
    ],
  },
  {
    path: ['system', 'events'],
    aliases: [['events']],
    usage: 'system events [OPTIONS]',
    short: 'Get real time events from the server',
    args: { kind: 'none' },
    flags: [
      FILTER_FLAG,
      { name: 'format', type: 'string', usage: FORMAT_JSON_HELP },
      { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
      { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
    ],
  },
  {
    path: ['system', 'info'],
    aliases: [['info']],
    usage: 'system info [OPTIONS]',
    short: 'Display system-wide information',
    args: { kind: 'none' },
    flags: [FORMAT_JSON_FLAG],
  },
  {
    path: ['system', 'prune'],
    usage: 'system prune [OPTIONS]',
    short: 'Remove unused data',
    args: { kind: 'none' },
    flags: [
      { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
      {
        name: 'filter',
        type: 'list',
        valueName: 'filter',
        usage: 'Provide filter values (e.g. "label=<key>=<value>")',
      },
      FORCE_NO_PROMPT_FLAG,
      { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
    ],
  },
];
