// Brings every lab on the page to life: one session per lab element (so several labs stay independent),
// its terminal, panels and buttons. The logic lives in the DOM-free modules next door; this wires them.
// The terminal comes up first; the simulated engine is a chunk of its own, fetched meanwhile, and the
// first command waits for it at the terminal's gate (see notes/readme-lab.md, "What the lab loads").
import type { ExecResult } from '../../engine';
import type { BuildRecord } from '../../engine/builder/state';
import { browserStorage, progressStore } from '../../lib/progress';
import { History } from '../history';
import { transitions, type Transition } from '../lifecycle';
import { goalReached, type Scenario } from '../scenario';
import { LabSession, loadSaved, type KeyValueStore } from '../session';
import { decodeShare, encodeShare } from '../share';
import { containerEssentials, namesOf, type ContainerInspect, type LabViewModel } from '../view-model';
import { renderDetails, renderDiagram, renderState, renderTrace, wireTabs } from './panels';
import { labReady } from './hooks';
import { LabTerminal, type Running } from './terminal';
import type { RealMode } from '../real/real-mode';

/** the engine module, requested once per page however many labs it has */
let engineModule: Promise<typeof import('../../engine')> | undefined;
const loadEngine = () => (engineModule ??= import('../../engine'));

const HELP = `This terminal runs a simulated Docker engine in your browser: try docker run, ps, stop, rm, logs, inspect.
Shell words: clear (or Ctrl+L) clears the screen, help shows this.
Keys: Tab completes, Up/Down recall commands, Ctrl+A/E start/end of line, Ctrl+U/W delete, Ctrl+C cancels.
`;

/**
 * Runs `fn` once the frame being prepared has been painted: the terminal's output first, then the panels
 * and the live region, so a command's text is on screen before the pictures beside it are rebuilt.
 */
const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn));

function browserStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked: the lab works, without persistence
  }
}

function mountLab(root: HTMLElement): void {
  const scenario = JSON.parse(root.dataset.lab!) as Scenario;
  const labId = root.dataset.labId ?? scenario.id;
  const playground = root.dataset.variant === 'playground';
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const store = browserStore();
  const engineReady = loadEngine();

  // what the greeting says is known before the engine is: the shared link, or the last visit's commands
  const saved = loadSaved(store, labId);
  let greeting = 'Welcome to the Dockhand lab: a simulated Docker engine. Type `help` for tips.';
  const shared = playground ? decodeShare(location.hash) : undefined;
  if (shared) {
    history.replaceState(null, '', location.pathname + location.search);
    greeting = `Replayed ${shared.length} shared command${shared.length === 1 ? '' : 's'}. Undo takes them back one by one; Reset starts clean.`;
  } else if (saved && saved.commands.length > 0) {
    greeting = `Restored your last session (${saved.commands.length} command${saved.commands.length === 1 ? '' : 's'}). Reset starts over.`;
  }

  /** until the engine has arrived: the history from the last visit, for ↑ at the first prompt */
  const earlyHistory = new History(saved?.history ?? []);
  let session: LabSession | undefined;
  let vm: LabViewModel = { containers: [], images: [], volumes: [], networks: [] };
  let selected: string | undefined;
  const lastMove = new Map<string, Transition>();
  let lastOutput = '';
  let goalWasReached = false;
  /** parts loaded apart (a build lab's editor) that follow the session */
  const changeListeners: ((e: { files: boolean }) => void)[] = [];
  /** the last command and its API calls, until the trace panel shows them */
  let pendingTrace: { line: string; trace: ExecResult['trace'] } | undefined;
  let unsubscribe = () => {};
  let refreshQueued = false;
  const lessonId = document.querySelector<HTMLElement>('[data-current-lesson]')?.dataset.currentLesson;

  const refresh = () => {
    refreshQueued = false;
    if (!session || real?.active) return;
    if (pendingTrace) renderTrace($('[data-trace]'), pendingTrace.line, pendingTrace.trace);
    pendingTrace = undefined;
    const next = session.viewModel();
    for (const t of transitions(vm, next)) {
      lastMove.set(t.container, t);
      selected = t.container;
    }
    vm = next;
    if (!vm.containers.some((c) => c.name === selected)) selected = vm.containers[vm.containers.length - 1]?.name;
    const current = vm.containers.find((c) => c.name === selected);
    renderState($('[data-state-view]'), vm, selected, (name) => {
      selected = name;
      refresh();
    });
    const inspect = current ? session.engine.read<ContainerInspect>(`/containers/${encodeURIComponent(current.id)}/json`) : undefined;
    renderDetails($('[data-details]'), current, inspect && inspect.status === 200 ? containerEssentials(inspect.body) : []);
    renderDiagram($('[data-diagram]'), $('[data-diagram-caption]'), current, current && lastMove.get(current.name));
    $<HTMLButtonElement>('[data-action="undo"]').disabled = !session.canUndo;
    const reached = goalReached(scenario, vm, lastOutput);
    $('[data-success]').textContent = reached ? 'Goal reached. Well done! Keep exploring, or press Reset to try again.' : '';
    // finishing a lesson's lab completes the lesson, as passing its quiz does
    if (reached && !goalWasReached) progressStore(browserStorage()).recordLab(labId, lessonId);
    goalWasReached = reached;
    for (const listener of changeListeners) listener({ files: false });
  };
  const queueRefresh = () => {
    if (refreshQueued) return;
    refreshQueued = true;
    afterPaint(refresh);
  };
  const bindEngine = () => {
    unsubscribe();
    unsubscribe = session!.engine.subscribe(queueRefresh);
  };

  const live = $('[data-live]');
  let liveText: string | undefined;
  const announce = (text: string) => {
    if (liveText === undefined) afterPaint(() => ((live.textContent = liveText!), (liveText = undefined)));
    liveText = text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  };
  /** the daemon ticks often while something streams, so its news shows promptly */
  const tickEvery250ms = () => {
    const timer = setInterval(() => session!.engine.tick(), 250);
    return () => clearInterval(timer);
  };
  /** Real Docker mode (src/lab/real), once its switch has been pressed: while on, it runs the lines and draws the panels */
  let real: RealMode | undefined;
  const plain = $<HTMLPreElement>('[data-plain]');
  const terminal = new LabTerminal($('[data-terminal]'), {
    history: () => session?.history ?? earlyHistory,
    names: () => (real?.active ? real.names() : namesOf(vm)),
    announce,
    transcriptChanged: () => {
      if (!plain.hidden) plain.textContent = terminal.transcript;
    },
    prepare: () => (session || real?.active ? undefined : sessionReady),
    sessionEnded: queueRefresh,
    run: (line, out, ended): Running | undefined => {
      if (real?.active) return real.run(line, out, ended);
      const s = session!;
      if (line === 'help') {
        s.history.add(line);
        out(HELP, false);
        return undefined;
      }
      const result: ExecResult = s.run(line, { follow: true });
      lastOutput = result.stdout;
      // the line cleared the screen (`clear` in a host shell line): what `clear` writes, scrollback included
      if (result.clear) out('\x1b[H\x1b[2J\x1b[3J', false);
      // in write order: `docker run` prints pull progress (stderr) before the container ID (stdout)
      for (const chunk of result.output) out(chunk.text, chunk.stream === 'stderr');
      pendingTrace = { line, trace: result.trace };
      queueRefresh();
      if (result.session) {
        result.session.onExit(tickEvery250ms());
        return { kind: 'session', session: result.session };
      }
      if (!result.follow) return undefined;
      const stopTicking = tickEvery250ms();
      const handle = result.follow({
        out: (t) => out(t, false),
        err: (t) => out(t, true),
        // the container stopped: `logs -f` and an attached `run` end, as docker's do
        end: () => {
          stopTicking();
          queueRefresh();
          ended();
        },
      });
      return {
        kind: 'stream',
        close() {
          stopTicking();
          handle.close();
          queueRefresh();
        },
      };
    },
  }, `Docker terminal: ${scenario.title}`);
  terminal.start(greeting);
  // the Real Docker switch fetches its code only when pressed
  root.querySelector('[data-action="real"]')?.addEventListener('click', async () => {
    real ??= (await import('../real/real-mode')).createRealMode({ root, terminal, announce, history: () => session?.history ?? earlyHistory, leave: refresh });
    real.toggle();
  });

  const sessionReady = engineReady.then(({ createEngine, SystemClock }) => {
    session = new LabSession(scenario, (images) => createEngine({ images, clock: new SystemClock() }), store, labId);
    if (shared) {
      session.reset();
      const failed = session.replay(shared);
      if (failed) terminal.note(`${failed} of the shared commands failed.`);
    }
    vm = session.viewModel();
    selected = vm.containers[vm.containers.length - 1]?.name;
    bindEngine();
    // the panels are drawn once the prompt is on screen
    queueRefresh();
    // simulated processes end (sleep 5) and restart in real time
    setInterval(() => session!.engine.tick(), 1000);
    labReady(root, {
      read: (path) => session!.readFile(path),
      write: (path, text) => session!.writeFile(path, text),
      builds: () => session!.engine.read<BuildRecord[]>('/build/history').body,
      onChange: (listener) => changeListeners.push(listener),
    });
    root.dataset.engine = 'ready'; // for tests and the benchmark: commands run without waiting from now on
  });

  const showTab = wireTabs(root);
  // a narrow lab shows the terminal as one of the tabs; wide, it stays in view (beside the panels in the
  // playground, above them in a lesson)
  const terminalTab = $<HTMLButtonElement>('[data-tab="terminal"]');
  const NARROW_PX = playground ? 832 : 640; // 52rem, as the stylesheet's container query; 40rem for a lesson
  let narrow = false;
  const layout = () => {
    const now = root.clientWidth < NARROW_PX;
    if (now === narrow) return;
    narrow = now;
    root.classList.toggle('lab-narrow', narrow);
    terminalTab.hidden = !narrow;
    showTab(narrow ? 'terminal' : 'state');
  };
  new ResizeObserver(layout).observe(root);
  layout();
  root.querySelectorAll<HTMLButtonElement>('[data-command]').forEach((b) =>
    b.addEventListener('click', () => {
      if (narrow) showTab('terminal');
      terminal.type(b.dataset.command!);
      terminal.focus();
    }),
  );
  $('[data-action="undo"]').addEventListener('click', () => {
    if (!session) return;
    const last = session.commands[session.commands.length - 1];
    if (session.undo()) terminal.note(`Undone: ${last}`);
    for (const listener of changeListeners) listener({ files: true });
    refresh();
  });
  $('[data-action="reset"]').addEventListener('click', () => {
    if (!session) return;
    session.reset();
    bindEngine();
    lastMove.clear();
    lastOutput = '';
    pendingTrace = { line: '', trace: [] };
    terminal.note('Reset: the lab is back at its start.');
    for (const listener of changeListeners) listener({ files: true });
    refresh();
  });
  const plainButton = $<HTMLButtonElement>('[data-action="plain"]');
  plainButton.addEventListener('click', () => {
    const on = plainButton.getAttribute('aria-pressed') !== 'true';
    plainButton.setAttribute('aria-pressed', String(on));
    plain.hidden = !on;
    $('[data-terminal]').hidden = on;
    if (on) plain.textContent = terminal.transcript;
    else terminal.focus();
  });
  root.querySelector<HTMLButtonElement>('[data-action="share"]')?.addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}${encodeShare(session?.commands ?? [])}`;
    const box = $('[data-share]');
    const input = $<HTMLInputElement>('[data-share-url]');
    box.hidden = false;
    input.value = url;
    input.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // no clipboard permission: the selected field is there to copy by hand
    }
    $('[data-share-status]').textContent = copied ? 'Link copied.' : 'Copy the selected link.';
  });
}

export function mountLabs(): void {
  document.querySelectorAll<HTMLElement>('[data-island="lab"]').forEach(mountLab);
}
