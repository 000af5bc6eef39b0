// docker plugin as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { SKIP_VERIFICATION_HELP } from './usage-texts';
import { FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG, NO_TRUNC_FLAG, filterFlag, quietFlag } from './shared-flags';

export const PLUGIN: CommandSpec[] = [
  {
    path: ['plugin'],
    usage: 'plugin',
    short: 'Manage plugins',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['plugin', 'create'],
    usage: 'plugin create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
    short:
      'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
    args: { kind: 'min', n: 2 },
    flags: [{ name: 'compress', type: 'bool', usage: 'Compress the context using gzip' }],
  },
  {
    path: ['plugin', 'disable'],
    usage: 'plugin disable [OPTIONS] PLUGIN',
    short: 'Disable a plugin',
    args: { kind: 'exact', n: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the disable of an active plugin' }],
  },
  {
    path: ['plugin', 'enable'],
    usage: 'plugin enable [OPTIONS] PLUGIN',
    short: 'Enable a plugin',
    args: { kind: 'exact', n: 1 },
    flags: [{ name: 'timeout', type: 'int', default: 30, usage: 'HTTP client timeout (in seconds)' }],
  },
  {
    path: ['plugin', 'inspect'],
    usage: 'plugin inspect [OPTIONS] PLUGIN [PLUGIN...]',
    short: 'Display detailed information on one or more plugins',
    args: { kind: 'min', n: 1 },
    flags: [FORMAT_JSON_FLAG],
  },
  {
    path: ['plugin', 'install'],
    usage: 'plugin install [OPTIONS] PLUGIN [KEY=VALUE...]',
    short: 'Install a plugin',
    args: { kind: 'min', n: 1 },
    flags: [
      { name: 'alias', type: 'string', usage: 'Local name for plugin' },
      { name: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: SKIP_VERIFICATION_HELP },
      { name: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' },
    ],
  },
  {
    path: ['plugin', 'ls'],
    aliases: [['plugin', 'list']],
    usage: 'plugin ls [OPTIONS]',
    short: 'List plugins',
    args: { kind: 'none' },
    flags: [
      filterFlag('Provide filter values (e.g. "enabled=true")'),
      FORMAT_TABLE_FLAG,
      NO_TRUNC_FLAG,
      quietFlag('Only display plugin IDs'),
    ],
  },
  {
    path: ['plugin', 'push'],
    usage: 'plugin push [OPTIONS] PLUGIN[:TAG]',
    short: 'Push a plugin to a registry',
    args: { kind: 'exact', n: 1 },
    flags: [{ name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image signing' }],
  },
  {
    path: ['plugin', 'rm'],
    aliases: [['plugin', 'remove']],
    usage: 'plugin rm [OPTIONS] PLUGIN [PLUGIN...]',
    short: 'Remove one or more plugins',
    args: { kind: 'min', n: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of an active plugin' }],
  },
  {
    path: ['plugin', 'set'],
    usage: 'plugin set PLUGIN KEY=VALUE [KEY=VALUE...]',
    short: 'Change settings for a plugin',
    args: { kind: 'min', n: 2 },
    interspersed: false,
    flags: [],
  },
  {
    path: ['plugin', 'upgrade'],
    usage: 'plugin upgrade [OPTIONS] PLUGIN [REMOTE]',
    short: 'Upgrade an existing plugin',
    args: { kind: 'range', min: 1, max: 2 },
    flags: [
      { name: 'disable-content-trust', type: 'bool', default: true, usage: SKIP_VERIFICATION_HELP },
      { name: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' },
      {
        name: 'skip-remote-check',
        type: 'bool',
        usage: 'Do not check if specified remote plugin matches existing plugin image',
      },
    ],
  },
];
