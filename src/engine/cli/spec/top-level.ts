// docker top-level commands as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FILTER_FLAG, FORMAT_JSON_FLAG, NO_TRUNC_FLAG } from './shared-flags';

export const TOP_LEVEL: CommandSpec[] = [
  {
    path: ['login'],
    usage: 'login [OPTIONS] [SERVER]',
    short: 'Authenticate to a registry',
    long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
    args: { kind: 'max', n: 1 },
    flags: [
      { name: 'password', short: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
      { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
      { name: 'username', short: 'u', type: 'string', usage: 'Username' },
    ],
  },
  {
    path: ['logout'],
    usage: 'logout [SERVER]',
    short: 'Log out from a registry',
    long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
    args: { kind: 'max', n: 1 },
    flags: [],
  },
  {
    path: ['search'],
    usage: 'search [OPTIONS] TERM',
    short: 'Search Docker Hub for images',
    args: { kind: 'exact', n: 1 },
    flags: [
      FILTER_FLAG,
      { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
      { name: 'limit', type: 'int', usage: 'Max number of search results' },
      NO_TRUNC_FLAG,
    ],
  },
  {
    path: ['version'],
    usage: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: { kind: 'none' },
    flags: [FORMAT_JSON_FLAG],
  },
  {
    path: ['inspect'],
    usage: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: { kind: 'min', n: 1 },
    flags: [
      FORMAT_JSON_FLAG,
      { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
      { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
    ],
  },
];
