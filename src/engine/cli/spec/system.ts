// docker system as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORCE_NO_PROMPT_HELP, FORMAT_JSON_HELP, FILTER_HELP, FORMAT_TABLE_HELP } from './usage-texts';

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
      { name: 'format', type: 'string', usage: FORMAT_TABLE_HELP },
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
      { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: FILTER_HELP },
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
    flags: [{ name: 'format', short: 'f', type: 'string', usage: FORMAT_JSON_HELP }],
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
      { name: 'force', short: 'f', type: 'bool', usage: FORCE_NO_PROMPT_HELP },
      { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
    ],
  },
];
