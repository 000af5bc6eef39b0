// `--help` texts, byte-identical to docker 28.2.2 (cobra usage template + docker's customisations).
import type { CommandSpec } from './command';
import { flagUsages } from './flag-usages';
import { ROOT_SECTIONS, ROOT_SHORT, ROOT_USAGE, GLOBAL_FLAGS } from './spec/root';
import { displayPath, isManagement, specFor, subcommands, usageLine } from './spec';

/** cobra's command listing: names padded to the longest (at least 11), then the short text */
function commandList(entries: [string, string][]): string {
  const pad = Math.max(11, ...entries.map(([n]) => n.length));
  return entries.map(([n, s]) => `  ${n.padEnd(pad)} ${s}\n`).join('');
}

export function commandHelp(spec: CommandSpec, typed: readonly string[]): string {
  const shown = displayPath(spec, typed).join(' ');
  const mgmt = isManagement(spec);
  let out = `Usage:  ${mgmt ? `docker ${shown} COMMAND` : usageLine(spec, typed)}\n\n${spec.long ?? spec.short}\n`;
  if (spec.aliases?.length) {
    out += `\nAliases:\n  ${[spec.path, ...spec.aliases].map((p) => 'docker ' + p.join(' ')).join(', ')}\n`;
  }
  const flags = sortedFlags(spec);
  if (flags.length) out += `\nOptions:\n${flagUsages(flags)}`;
  if (mgmt) {
    out += `\nCommands:\n${commandList(subcommands(spec).map(([name, s]) => [name, s.short]))}`;
    out += `\nRun 'docker ${shown} COMMAND --help' for more information on a command.\n`;
  }
  return out;
}

export function rootHelp(): string {
  let out = `Usage:  docker ${ROOT_USAGE}\n\n${ROOT_SHORT}\n`;
  for (const section of ROOT_SECTIONS) {
    out += `\n${section.title}:\n${commandList(section.names.map((n) => [n, specFor([n])?.short ?? '']))}`;
  }
  out += `\nGlobal Options:\n${flagUsages(GLOBAL_FLAGS)}`;
  out += `\nRun 'docker COMMAND --help' for more information on a command.\n`;
  out += `\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n`;
  return out;
}

/** pflag lists flags sorted by name */
function sortedFlags(spec: CommandSpec) {
  return [...spec.flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
