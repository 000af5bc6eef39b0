// docker swarm as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { quietFlag } from './shared-flags';

export const SWARM: CommandSpec[] = [
  { path: ['swarm'], usage: 'swarm', short: 'Manage Swarm', args: { kind: 'none' }, flags: [] },
  {
    path: ['swarm', 'ca'],
    usage: 'swarm ca [OPTIONS]',
    short: 'Display and rotate the root CA',
    args: { kind: 'none' },
    flags: [
      {
        name: 'ca-cert',
        type: 'string',
        valueName: 'pem-file',
        usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster',
      },
      {
        name: 'ca-key',
        type: 'string',
        valueName: 'pem-file',
        usage: 'Path to the PEM-formatted root CA key to use for the new cluster',
      },
      {
        name: 'cert-expiry',
        type: 'duration',
        defaultText: '2160h0m0s',
        usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      },
      {
        name: 'detach',
        short: 'd',
        type: 'bool',
        usage: 'Exit immediately instead of waiting for the root rotation to converge',
      },
      {
        name: 'external-ca',
        type: 'list',
        valueName: 'external-ca',
        usage: 'Specifications of one or more certificate signing endpoints',
      },
      quietFlag('Suppress progress output'),
      {
        name: 'rotate',
        type: 'bool',
        usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated',
      },
    ],
  },
  {
    path: ['swarm', 'init'],
    usage: 'swarm init [OPTIONS]',
    short: 'Initialize a swarm',
    args: { kind: 'none' },
    flags: [
      { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format:\n"<ip|interface>[:port]")' },
      {
        name: 'autolock',
        type: 'bool',
        usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)',
      },
      {
        name: 'availability',
        type: 'string',
        default: 'active',
        usage: 'Availability of the node ("active", "pause", "drain")',
      },
      {
        name: 'cert-expiry',
        type: 'duration',
        defaultText: '2160h0m0s',
        usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      },
      {
        name: 'data-path-addr',
        type: 'string',
        usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
      },
      {
        name: 'data-path-port',
        type: 'uint',
        valueName: 'uint32',
        usage:
          'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
      },
      {
        name: 'default-addr-pool',
        type: 'string',
        valueName: 'ipNetSlice',
        defaultText: '[]',
        usage: 'default address pool in CIDR format',
      },
      {
        name: 'default-addr-pool-mask-length',
        type: 'uint',
        valueName: 'uint32',
        default: 24,
        usage: 'default address pool subnet mask length',
      },
      {
        name: 'dispatcher-heartbeat',
        type: 'duration',
        defaultText: '5s',
        usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)',
      },
      {
        name: 'external-ca',
        type: 'list',
        valueName: 'external-ca',
        usage: 'Specifications of one or more certificate signing endpoints',
      },
      { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
      {
        name: 'listen-addr',
        type: 'string',
        valueName: 'node-addr',
        defaultText: '0.0.0.0:2377',
        usage: 'Listen address (format:\n"<ip|interface>[:port]")',
      },
      { name: 'max-snapshots', type: 'uint', usage: 'Number of additional Raft snapshots to retain' },
      {
        name: 'snapshot-interval',
        type: 'uint',
        default: 10000,
        usage: 'Number of log entries between Raft snapshots',
      },
      { name: 'task-history-limit', type: 'int', default: 5, usage: 'Task history retention limit' },
    ],
  },
  {
    path: ['swarm', 'join'],
    usage: 'swarm join [OPTIONS] HOST:PORT',
    short: 'Join a swarm as a node and/or manager',
    args: { kind: 'exact', n: 1 },
    flags: [
      { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format:\n"<ip|interface>[:port]")' },
      {
        name: 'availability',
        type: 'string',
        default: 'active',
        usage: 'Availability of the node ("active", "pause", "drain")',
      },
      {
        name: 'data-path-addr',
        type: 'string',
        usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
      },
      {
        name: 'listen-addr',
        type: 'string',
        valueName: 'node-addr',
        defaultText: '0.0.0.0:2377',
        usage: 'Listen address (format:\n"<ip|interface>[:port]")',
      },
      { name: 'token', type: 'string', usage: 'Token for entry into the swarm' },
    ],
  },
  {
    path: ['swarm', 'join-token'],
    usage: 'swarm join-token [OPTIONS] (worker|manager)',
    short: 'Manage join tokens',
    args: { kind: 'exact', n: 1 },
    flags: [
      quietFlag('Only display token'),
      { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
    ],
  },
  {
    path: ['swarm', 'leave'],
    usage: 'swarm leave [OPTIONS]',
    short: 'Leave the swarm',
    args: { kind: 'none' },
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' },
    ],
  },
  { path: ['swarm', 'unlock'], usage: 'swarm unlock', short: 'Unlock swarm', args: { kind: 'none' }, flags: [] },
  {
    path: ['swarm', 'unlock-key'],
    usage: 'swarm unlock-key [OPTIONS]',
    short: 'Manage the unlock key',
    args: { kind: 'none' },
    flags: [
      quietFlag('Only display token'),
      { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
    ],
  },
  {
    path: ['swarm', 'update'],
    usage: 'swarm update [OPTIONS]',
    short: 'Update the swarm',
    args: { kind: 'none' },
    flags: [
      { name: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
      {
        name: 'cert-expiry',
        type: 'duration',
        defaultText: '2160h0m0s',
        usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      },
      {
        name: 'dispatcher-heartbeat',
        type: 'duration',
        defaultText: '5s',
        usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)',
      },
      {
        name: 'external-ca',
        type: 'list',
        valueName: 'external-ca',
        usage: 'Specifications of one or more certificate signing endpoints',
      },
      { name: 'max-snapshots', type: 'uint', usage: 'Number of additional Raft snapshots to retain' },
      {
        name: 'snapshot-interval',
        type: 'uint',
        default: 10000,
        usage: 'Number of log entries between Raft snapshots',
      },
      { name: 'task-history-limit', type: 'int', default: 5, usage: 'Task history retention limit' },
    ],
  },
];
