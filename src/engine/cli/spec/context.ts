// docker context as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORMAT_JSON_HELP, FORMAT_TABLE_HELP } from './usage-texts';

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
    long: 'Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
    args: { kind: 'exact', n: 1 },
    flags: [
      { name: 'description', type: 'string', usage: 'Description of the context' },
      {
        name: 'docker',
        type: 'string',
        valueName: 'stringToString',
        defaultText: '[]',
        usage: 'set the docker endpoint',
      },
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
    flags: [{ name: 'format', short: 'f', type: 'string', usage: FORMAT_JSON_HELP }],
  },
  {
    path: ['context', 'ls'],
    aliases: [['context', 'list']],
    usage: 'context ls [OPTIONS]',
    short: 'List contexts',
    args: { kind: 'none' },
    flags: [
      { name: 'format', type: 'string', usage: FORMAT_TABLE_HELP },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show context names' },
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
    long: 'Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
    args: { kind: 'exact', n: 1 },
    flags: [
      { name: 'description', type: 'string', usage: 'Description of the context' },
      {
        name: 'docker',
        type: 'string',
        valueName: 'stringToString',
        defaultText: '[]',
        usage: 'set the docker endpoint',
      },
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
