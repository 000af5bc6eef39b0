// Handlers of `docker system …`, `docker info` and `docker version`.
import type { Handler } from '../../command';
import { systemDf, systemPrune } from './df-prune';
import { info, version } from './info-version';

export const handlers: Record<string, Handler> = {
  'system df': systemDf,
  'system prune': systemPrune,
  'system info': info,
  version,
};
