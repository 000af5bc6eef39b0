// docker trust as Docker CLI 28.2.2 defines them (generated once from its help texts).
import type { CommandSpec } from '../command';
import { FORCE_NO_PROMPT_HELP } from './usage-texts';

export const TRUST: CommandSpec[] = [
  {
    path: ['trust'],
    usage: 'trust',
    short: 'Manage trust on Docker images',
    args: { kind: 'none' },
    flags: [],
  },
  {
    path: ['trust', 'inspect'],
    usage: 'trust inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
    short: 'Return low-level information about keys and signatures',
    args: { kind: 'min', n: 1 },
    flags: [{ name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }],
  },
  {
    path: ['trust', 'revoke'],
    usage: 'trust revoke [OPTIONS] IMAGE[:TAG]',
    short: 'Remove trust for an image',
    args: { kind: 'exact', n: 1 },
    flags: [{ name: 'yes', short: 'y', type: 'bool', usage: FORCE_NO_PROMPT_HELP }],
  },
  {
    path: ['trust', 'sign'],
    usage: 'trust sign IMAGE:TAG',
    short: 'Sign an image',
    args: { kind: 'exact', n: 1 },
    flags: [{ name: 'local', type: 'bool', usage: 'Sign a locally tagged image' }],
  },
];
