// All command handlers, keyed by canonical command path ('container stop', 'image ls', 'version').
import type { Handler } from '../command';
import { handlers as container } from './container';
import { handlers as image } from './image';
import { handlers as network } from './network';
import { handlers as registry } from './registry';
import { handlers as system } from './system';
import { handlers as volume } from './volume';

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...container,
  ...image,
  ...network,
  ...registry,
  ...system,
  ...volume,
};
