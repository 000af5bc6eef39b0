// docker builder as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORCE_NO_PROMPT_FLAG } from './shared-flags';

export const BUILDER: CommandSpec[] = [
  {
    path: ['builder'],
    usage: 'builder',
    short: 'Manage builds',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['builder', 'prune'],
    usage: 'builder prune',
    short: 'Remove build cache',
    args: { kind: 'none' },
    flags: [
      { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
      { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
      FORCE_NO_PROMPT_FLAG,
      { name: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache' },
    ],
  },
];
