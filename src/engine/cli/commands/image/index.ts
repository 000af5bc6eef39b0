// Handlers of the `docker image …` family (pull and push live with the registry commands).
import type { Handler } from '../../command';
import { builderPrune, imageBuild } from './build';
import { imageHistory } from './history';
import { imageInspect, imageTag } from './inspect-tag';
import { imageLs } from './list';
import { imagePrune, imageRm } from './remove';

export const handlers: Record<string, Handler> = {
  'image build': imageBuild,
  'builder prune': builderPrune,
  'image ls': imageLs,
  'image history': imageHistory,
  'image inspect': imageInspect,
  'image rm': imageRm,
  'image prune': imagePrune,
  'image tag': imageTag,
};
