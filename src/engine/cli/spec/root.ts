// The `docker` root command: global options (parsed before the command name) and the grouped
// command listing of `docker --help`.
import type { FlagSpec } from '../command';

export const ROOT_USAGE = '[OPTIONS] COMMAND';
export const ROOT_SHORT = 'A self-sufficient runtime for containers';

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'config', type: 'string', default: '/root/.docker', usage: 'Location of client config files' },
  {
    name: 'context',
    short: 'c',
    type: 'string',
    usage:
      'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
  {
    name: 'log-level',
    short: 'l',
    type: 'string',
    default: 'info',
    usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
  },
  { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { name: 'tlscacert', type: 'string', default: '/root/.docker/ca.pem', usage: 'Trust certs signed only by this CA' },
  { name: 'tlscert', type: 'string', default: '/root/.docker/cert.pem', usage: 'Path to TLS certificate file' },
  { name: 'tlskey', type: 'string', default: '/root/.docker/key.pem', usage: 'Path to TLS key file' },
  { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
  { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
];

/** `docker --help` sections in order, each listing top-level command names in docker's order */
export const ROOT_SECTIONS: { title: string; names: string[] }[] = [
  {
    title: 'Common Commands',
    names: ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'],
  },
  {
    title: 'Management Commands',
    names: ['builder', 'container', 'context', 'image', 'manifest', 'network', 'plugin', 'system', 'trust', 'volume'],
  },
  { title: 'Swarm Commands', names: ['swarm'] },
  {
    title: 'Commands',
    names: [
      'attach',
      'commit',
      'cp',
      'create',
      'diff',
      'events',
      'export',
      'history',
      'import',
      'inspect',
      'kill',
      'load',
      'logs',
      'pause',
      'port',
      'rename',
      'restart',
      'rm',
      'rmi',
      'save',
      'start',
      'stats',
      'stop',
      'tag',
      'top',
      'unpause',
      'update',
      'wait',
    ],
  },
];
