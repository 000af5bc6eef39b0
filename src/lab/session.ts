// One lab's session, DOM-free: the engine prepared from a scenario, the commands run since the last
// reset (for undo, share and restoring after a reload) and the shell history. Undo restores the
// snapshot taken before the last command; reset rebuilds the scenario from scratch.
import type { Engine, ExecOptions, ExecResult } from '../engine';
import { History } from './history';
import type { Scenario } from './scenario';
import { readEngineData, toViewModel, type LabViewModel } from './view-model';

/** how many commands undo can take back */
export const UNDO_DEPTH = 50;

/** the part of Storage the session uses (localStorage in the browser, a Map in tests) */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Saved {
  commands: string[];
  history: string[];
  /** the host folder's files as the learner last edited them (a build lab) */
  files?: Record<string, string>;
}

/** a lab's storage id is its scenario's id, numbered from the second lab of that scenario on a page */
export const storageKey = (labId: string) => `dockhand:lab:${labId}:v1`;

/** what the last visit left (commands and history), or undefined: nothing, or a damaged entry */
export function loadSaved(store: KeyValueStore | undefined, labId: string): Saved | undefined {
  try {
    const raw = store?.getItem(storageKey(labId));
    const saved = raw ? (JSON.parse(raw) as Saved) : undefined;
    return Array.isArray(saved?.commands) && Array.isArray(saved?.history) ? saved : undefined;
  } catch {
    return undefined; // a damaged entry starts the lab afresh
  }
}

export class LabSession {
  engine!: Engine;
  history: History;
  private commandLog: string[] = [];
  private undoStack: unknown[] = [];
  /** files edited since the last reset: written again before the commands replay after a reload */
  private edited: Record<string, string> = {};

  constructor(
    readonly scenario: Scenario,
    private readonly makeEngine: (images: string[]) => Engine,
    private readonly store?: KeyValueStore,
    private readonly labId = scenario.id,
  ) {
    const saved = loadSaved(store, labId);
    this.history = new History(saved?.history ?? []);
    this.prepare();
    for (const [path, text] of Object.entries(saved?.files ?? {})) this.writeFile(path, text);
    if (saved) this.replay(saved.commands);
  }

  /** commands that shaped the current state, oldest first */
  get commands(): readonly string[] {
    return this.commandLog;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  run(line: string, opts: ExecOptions = {}): ExecResult {
    this.history.add(line);
    this.undoStack.push(this.engine.snapshot());
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    const result = this.engine.exec(line, opts);
    this.commandLog.push(line.trim());
    this.save();
    return result;
  }

  /** a file of the host folder, relative to it; undefined when there is none */
  readFile(path: string): string | undefined {
    const fs = this.engine.host.fs;
    const full = this.hostPath(path);
    return fs.stat(full)?.type === 'file' ? fs.readFile(full) : undefined;
  }

  /** the learner edited a file of the host folder (a build lab's editor): the next build sees it */
  writeFile(path: string, text: string): void {
    this.engine.host.fs.writeFile(this.hostPath(path), text);
    this.edited[path] = text;
    this.save();
  }

  private hostPath(path: string): string {
    return `${this.engine.host.cwd()}/${path}`;
  }

  /** takes the last command back; false when there is nothing to undo */
  undo(): boolean {
    const snap = this.undoStack.pop();
    if (snap === undefined) return false;
    this.engine.restore(snap);
    this.commandLog.pop();
    this.save();
    return true;
  }

  /** the scenario's starting state again; the shell history stays, as in a real terminal */
  reset(): void {
    this.prepare();
    this.save();
  }

  /** runs commands silently (a shared link, the last visit), each undoable; returns how many failed */
  replay(commands: readonly string[]): number {
    let failed = 0;
    for (const line of commands) {
      this.undoStack.push(this.engine.snapshot());
      if (this.engine.exec(line).exit !== 0) failed++;
      this.commandLog.push(line);
    }
    this.undoStack.splice(0, Math.max(0, this.undoStack.length - UNDO_DEPTH));
    this.save();
    return failed;
  }

  viewModel(): LabViewModel {
    return toViewModel(readEngineData((path, query) => this.engine.read(path, query)));
  }

  private prepare(): void {
    this.engine = this.makeEngine(this.scenario.images);
    for (const [path, text] of Object.entries(this.scenario.files ?? {})) {
      const full = this.hostPath(path);
      this.engine.host.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true });
      this.engine.host.fs.writeFile(full, text);
    }
    for (const line of this.scenario.setup) this.engine.exec(line);
    this.commandLog = [];
    this.undoStack = [];
    this.edited = {};
  }

  private save(): void {
    try {
      this.store?.setItem(storageKey(this.labId), JSON.stringify({ commands: this.commandLog, history: this.history.list(), files: this.edited } satisfies Saved));
    } catch {
      // storage full or blocked: the session still works, it just won't survive a reload
    }
  }
}
