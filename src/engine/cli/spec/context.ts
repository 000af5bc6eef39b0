// docker context as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec, FlagSpec } from '../command';
import { FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG, quietFlag } from './shared-flags';

/** `context create` and `context update`: the same endpoint settings */
const ENDPOINT_FLAGS: FlagSpec[] = [
  { name: 'description', type: 'string', usage: 'Description of the context' },
  {
    name: 'docker',
    type: 'string',
    valueName: 'stringToString',
    defaultText: '[]',
    usage: 'set the docker endpoint',
  },
];

const endpointLong = (verb: 'create' | 'update'): string => {
  const title = verb === 'create' ? 'Create' : 'Update';
  return `${title} a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context's Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context ${verb} my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"`;
};

export const CONTEXT: CommandSpec[] = [
  {
    path: ['context'],
    usage: 'context',
    short: 'Manage contexts',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['context', 'create'],
    usage: 'context create [OPTIONS] CONTEXT',
    short: 'Create a context',
    long: endpointLong('create'),
    args: { kind: 'exact', n: 1 },
    flags: [
      ...ENDPOINT_FLAGS,
      { name: 'from', type: 'string', usage: 'create context from a named context' },
    ],
  },
  {
    path: ['context', 'export'],
    usage: 'context export [OPTIONS] CONTEXT [FILE|-]',
    short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
    args: { kind: 'range', min: 1, max: 2 },
    flags: [],
  },
  {
    path: ['context', 'import'],
    usage: 'context import CONTEXT FILE|-',
    short: 'Import a context from a tar or zip file',
    args: { kind: 'exact', n: 2 },
    flags: [],
  },
  {
    path: ['context', 'inspect'],
    usage: 'context inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
    short: 'Display detailed information on one or more contexts',
    args: { kind: 'any' },
    flags: [FORMAT_JSON_FLAG],
  },
  {
    path: ['context', 'ls'],
    aliases: [['context', 'list']],
    usage: 'context ls [OPTIONS]',
    short: 'List contexts',
    args: { kind: 'none' },
    flags: [
      FORMAT_TABLE_FLAG,
      quietFlag('Only show context names'),
    ],
  },
  {
    path: ['context', 'rm'],
    aliases: [['context', 'remove']],
    usage: 'context rm CONTEXT [CONTEXT...]',
    short: 'Remove one or more contexts',
    args: { kind: 'min', n: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a context in use' }],
  },
  {
    path: ['context', 'show'],
    usage: 'context show',
    short: 'Print the name of the current context',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['context', 'update'],
    usage: 'context update [OPTIONS] CONTEXT',
    short: 'Update a context',
    long: endpointLong('update'),
    args: { kind: 'exact', n: 1 },
    flags: [
      ...ENDPOINT_FLAGS,
    ],
  },
  {
    path: ['context', 'use'],
    usage: 'context use CONTEXT',
    short: 'Set the current docker context',
    args: { kind: 'exact', n: 1 },
    flags: [],
  },
];
