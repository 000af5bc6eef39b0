// What a lab's session offers to parts of the lab that load separately (a build lab's editor, which only
// pages with a build lab ship): its host folder, its builds, and news after each command or reset.
import type { BuildRecord } from '../../engine/builder/state';

export interface LabHooks {
  read(path: string): string | undefined;
  write(path: string, text: string): void;
  /** the builder's records of past builds, oldest first */
  builds(): BuildRecord[];
  /** `files` is true when the host folder may have changed outside the editor (undo, reset) */
  onChange(listener: (e: { files: boolean }) => void): void;
}

const READY = 'lab-session-ready';
/** kept on the lab's element: the scripts that meet here are separate bundles, sharing only the DOM */
type LabElement = HTMLElement & { labHooks?: LabHooks };

/** the lab's session is there: hand its hooks to whoever waits for them */
export function labReady(root: LabElement, hooks: LabHooks): void {
  root.labHooks = hooks;
  root.dispatchEvent(new Event(READY));
}

/** runs `use` with the lab's hooks, now or once its engine has loaded */
export function whenLabReady(root: LabElement, use: (hooks: LabHooks) => void): void {
  if (root.labHooks) return use(root.labHooks);
  root.addEventListener(READY, () => use(root.labHooks!), { once: true });
}
