// Flag help texts docker shares between many commands.

export const SKIP_VERIFICATION_HELP = 'Skip image verification';

export const PLATFORM_HELP = 'Set platform if server is multi-platform capable';

export const FORCE_NO_PROMPT_HELP = 'Do not prompt for confirmation';

export const DETACH_KEYS_HELP = 'Override the key sequence for detaching a container';

export const FORMAT_JSON_HELP =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

export const SIGNAL_HELP = 'Signal to send to the container';

export const FILTER_HELP = 'Filter output based on conditions provided';

export const FORMAT_TABLE_HELP =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

export const NO_TRUNC_HELP = "Don't truncate output";

export const PRUNE_FILTER_HELP = 'Provide filter values (e.g. "until=<timestamp>")';
