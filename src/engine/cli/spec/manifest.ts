// docker manifest as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';

export const MANIFEST: CommandSpec[] = [
  {
    path: ['manifest'],
    usage: 'manifest COMMAND',
    short: 'Manage Docker image manifests and manifest lists',
    long: 'The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.\n\nEXPERIMENTAL:\n  docker manifest is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['manifest', 'annotate'],
    usage: 'manifest annotate [OPTIONS] MANIFEST_LIST MANIFEST',
    short: 'Add additional information to a local image manifest',
    long: 'Add additional information to a local image manifest\n\nEXPERIMENTAL:\n  docker manifest annotate is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'exact', n: 2 },
    flags: [
      { name: 'arch', type: 'string', usage: 'Set architecture' },
      { name: 'os', type: 'string', usage: 'Set operating system' },
      { name: 'os-features', type: 'stringSlice', valueName: 'strings', usage: 'Set operating system feature' },
      { name: 'os-version', type: 'string', usage: 'Set operating system version' },
      { name: 'variant', type: 'string', usage: 'Set architecture variant' },
    ],
  },
  {
    path: ['manifest', 'create'],
    usage: 'manifest create MANIFEST_LIST MANIFEST [MANIFEST...]',
    short: 'Create a local manifest list for annotating and pushing to a registry',
    long: 'Create a local manifest list for annotating and pushing to a registry\n\nEXPERIMENTAL:\n  docker manifest create is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'min', n: 2 },
    interspersed: false,
    flags: [
      { name: 'amend', short: 'a', type: 'bool', usage: 'Amend an existing manifest list' },
      { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
    ],
  },
  {
    path: ['manifest', 'inspect'],
    usage: 'manifest inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
    short: 'Display an image manifest, or manifest list',
    long: 'Display an image manifest, or manifest list\n\nEXPERIMENTAL:\n  docker manifest inspect is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'range', min: 1, max: 2 },
    flags: [
      { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
      { name: 'verbose', short: 'v', type: 'bool', usage: 'Output additional info including layers and platform' },
    ],
  },
  {
    path: ['manifest', 'push'],
    usage: 'manifest push [OPTIONS] MANIFEST_LIST',
    short: 'Push a manifest list to a repository',
    long: 'Push a manifest list to a repository\n\nEXPERIMENTAL:\n  docker manifest push is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'exact', n: 1 },
    flags: [
      { name: 'insecure', type: 'bool', usage: 'Allow push to an insecure registry' },
      { name: 'purge', short: 'p', type: 'bool', usage: 'Remove the local manifest list after push' },
    ],
  },
  {
    path: ['manifest', 'rm'],
    usage: 'manifest rm MANIFEST_LIST [MANIFEST_LIST...]',
    short: 'Delete one or more manifest lists from local storage',
    long: 'Delete one or more manifest lists from local storage\n\nEXPERIMENTAL:\n  docker manifest rm is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/',
    args: { kind: 'min', n: 1 },
    flags: [],
  },
];
