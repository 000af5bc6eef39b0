// Handlers of the container commands, plus the generic `docker inspect` and `docker events`.
import type { Handler } from '../../command';
import { containerExec } from './exec';
import { containerCommit, containerCp, containerDiff } from './files';
import { containerInspect, inspect } from './inspect';
import {
  containerAttach,
  containerKill,
  containerPause,
  containerRename,
  containerRestart,
  containerRm,
  containerStart,
  containerStop,
  containerUnpause,
  containerWait,
} from './lifecycle';
import { containerLogs } from './logs';
import { containerPort, containerStats, containerTop } from './observe';
import { containerPrune, events } from './prune-events';
import { containerLs } from './ps';
import { containerCreate, containerRun } from './run';

export const handlers: Record<string, Handler> = {
  'container run': containerRun,
  'container create': containerCreate,
  'container attach': containerAttach,
  'container start': containerStart,
  'container stop': containerStop,
  'container restart': containerRestart,
  'container kill': containerKill,
  'container pause': containerPause,
  'container unpause': containerUnpause,
  'container rm': containerRm,
  'container rename': containerRename,
  'container wait': containerWait,
  'container ls': containerLs,
  'container logs': containerLogs,
  'container exec': containerExec,
  'container inspect': containerInspect,
  'container top': containerTop,
  'container stats': containerStats,
  'container port': containerPort,
  'container prune': containerPrune,
  'container diff': containerDiff,
  'container cp': containerCp,
  'container commit': containerCommit,
  inspect,
  'system events': events,
};
