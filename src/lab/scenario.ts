// A lab's scenario: the starting state and the task, as authors write it in content/labs/<id>.yaml (the
// schema lives in src/content.config.ts; Lab.astro hands the parsed data to the page). The success check
// is data too: conditions on the panel's view model and the last command's output.
import type { LabViewModel } from './view-model';

export type SuccessCondition =
  | { container: string; state: string }
  | { absent: string }
  | { image: string }
  | { volume: string }
  | { output: string };

export interface Scenario {
  id: string;
  title: string;
  /** the task, one or two sentences */
  goal: string;
  /** images present from the start, e.g. busybox:latest */
  images: string[];
  /** commands run before the learner arrives (containers already running…); not in their history */
  setup: string[];
  /** commands a learner can click to have typed for them */
  suggested: string[];
  /** files in the host folder, relative to it (a build lab shows them in its editor) */
  files: Record<string, string>;
  /** all must hold at once for the goal to count as reached; empty = no check */
  success: SuccessCondition[];
}

/** the playground: nothing but busybox, no task */
export const PLAYGROUND: Scenario = {
  id: 'playground',
  title: 'Playground',
  goal: '',
  images: ['busybox:latest'],
  setup: [],
  suggested: ['docker run -d --name web busybox sleep 3600', 'docker ps', 'docker pause web', 'docker logs web'],
  files: {},
  success: [],
};

export function conditionHolds(c: SuccessCondition, vm: LabViewModel, lastOutput: string): boolean {
  if ('container' in c) return vm.containers.some((x) => x.name === c.container && x.state === c.state);
  if ('absent' in c) return !vm.containers.some((x) => x.name === c.absent);
  if ('image' in c) {
    const ref = c.image.includes(':') ? c.image : `${c.image}:latest`;
    return vm.images.some((i) => i.tags.includes(ref));
  }
  if ('volume' in c) return vm.volumes.some((v) => v.name === c.volume);
  return new RegExp(c.output, 'm').test(lastOutput);
}

export function goalReached(s: Scenario, vm: LabViewModel, lastOutput: string): boolean {
  return s.success.length > 0 && s.success.every((c) => conditionHolds(c, vm, lastOutput));
}
