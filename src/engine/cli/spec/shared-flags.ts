// Flags docker defines identically on many commands (same name, shorthand, type and help text).
import type { FlagSpec } from '../command';
import { FILTER_HELP, FORCE_NO_PROMPT_HELP, FORMAT_JSON_HELP, FORMAT_TABLE_HELP, NO_TRUNC_HELP, PRUNE_FILTER_HELP } from './usage-texts';

/** `--format` of list commands (table, json or a template) */
export const FORMAT_TABLE_FLAG: FlagSpec = { name: 'format', type: 'string', usage: FORMAT_TABLE_HELP };

/** `-f, --format` of inspect commands (json or a template) */
export const FORMAT_JSON_FLAG: FlagSpec = { name: 'format', short: 'f', type: 'string', usage: FORMAT_JSON_HELP };

/** `-f, --force` of prune-style commands: skip the confirmation prompt */
export const FORCE_NO_PROMPT_FLAG: FlagSpec = { name: 'force', short: 'f', type: 'bool', usage: FORCE_NO_PROMPT_HELP };

export const NO_TRUNC_FLAG: FlagSpec = { name: 'no-trunc', type: 'bool', usage: NO_TRUNC_HELP };

/** `-f, --filter` of list commands, with the command's own example in the help text */
export const filterFlag = (usage: string): FlagSpec => ({ name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage });

export const FILTER_FLAG: FlagSpec = filterFlag(FILTER_HELP);

/** `--filter` of prune commands */
export const PRUNE_FILTER_FLAG: FlagSpec = { name: 'filter', type: 'list', valueName: 'filter', usage: PRUNE_FILTER_HELP };

/** `-q, --quiet`: the same flag everywhere, with a help text per command */
export const quietFlag = (usage: string): FlagSpec => ({ name: 'quiet', short: 'q', type: 'bool', usage });
