// Brings every lab on the page to life: one session per lab element (so several labs stay independent),
// its terminal, panels and buttons. The logic lives in the DOM-free modules next door; this wires them.
import { createEngine, SystemClock, type ExecResult } from '../../engine';
import { transitions, type Transition } from '../lifecycle';
import { goalReached, type Scenario } from '../scenario';
import { LabSession, type KeyValueStore } from '../session';
import { decodeShare, encodeShare } from '../share';
import { containerEssentials, namesOf, type ContainerInspect, type LabViewModel } from '../view-model';
import { renderDetails, renderDiagram, renderState, renderTrace, wireTabs } from './panels';
import { LabTerminal } from './terminal';

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
  const playground = root.dataset.variant === 'playground';
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const session = new LabSession(scenario, (images) => createEngine({ images, clock: new SystemClock() }), browserStore());

  let greeting = 'Welcome to the Dockhand lab: a simulated Docker engine. Type `help` for tips.';
  const shared = playground ? decodeShare(location.hash) : undefined;
  if (shared) {
    session.reset();
    const failed = session.replay(shared);
    history.replaceState(null, '', location.pathname + location.search);
    greeting = `Replayed ${shared.length} shared command${shared.length === 1 ? '' : 's'}${failed ? ` (${failed} failed)` : ''}. Undo takes them back one by one; Reset starts clean.`;
  } else if (session.commands.length > 0) {
    greeting = `Restored your last session (${session.commands.length} command${session.commands.length === 1 ? '' : 's'}). Reset starts over.`;
  }

  let vm: LabViewModel = session.viewModel();
  let selected: string | undefined = vm.containers[vm.containers.length - 1]?.name;
  const lastMove = new Map<string, Transition>();
  let lastOutput = '';
  /** the last command and its API calls, until the trace panel shows them */
  let pendingTrace: { line: string; trace: ExecResult['trace'] } | undefined;
  let unsubscribe = () => {};
  let refreshQueued = false;

  const refresh = () => {
    refreshQueued = false;
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
    $('[data-success]').textContent = goalReached(scenario, vm, lastOutput) ? 'Goal reached. Well done! Keep exploring, or press Reset to try again.' : '';
  };
  const queueRefresh = () => {
    if (refreshQueued) return;
    refreshQueued = true;
    afterPaint(refresh);
  };
  const bindEngine = () => {
    unsubscribe();
    unsubscribe = session.engine.subscribe(queueRefresh);
  };

  const live = $('[data-live]');
  let liveText: string | undefined;
  const announce = (text: string) => {
    if (liveText === undefined) afterPaint(() => ((live.textContent = liveText!), (liveText = undefined)));
    liveText = text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  };
  const plain = $<HTMLPreElement>('[data-plain]');
  const terminal = new LabTerminal($('[data-terminal]'), {
    history: () => session.history,
    names: () => namesOf(vm),
    announce,
    transcriptChanged: () => {
      if (!plain.hidden) plain.textContent = terminal.transcript;
    },
    run: (line, out) => {
      if (line === 'help') {
        session.history.add(line);
        out(HELP, false);
        return undefined;
      }
      const result: ExecResult = session.run(line, { follow: true });
      lastOutput = result.stdout;
      // in write order: `docker run` prints pull progress (stderr) before the container ID (stdout)
      for (const chunk of result.output) out(chunk.text, chunk.stream === 'stderr');
      pendingTrace = { line, trace: result.trace };
      queueRefresh();
      if (!result.follow) return undefined;
      const handle = result.follow({ out: (t) => out(t, false), err: (t) => out(t, true) });
      // a follow stream gets its news when the daemon ticks
      const timer = setInterval(() => session.engine.tick(), 250);
      return {
        close() {
          clearInterval(timer);
          handle.close();
          queueRefresh();
        },
      };
    },
  }, `Docker terminal: ${scenario.title}`);

  bindEngine();
  terminal.start(greeting);
  // the panels are drawn once the prompt is on screen
  queueRefresh();
  // simulated processes end (sleep 5) and restart in real time
  setInterval(() => session.engine.tick(), 1000);

  const showTab = wireTabs(root);
  // a narrow playground shows the terminal as one of the tabs; wide, it stays beside the panels
  const terminalTab = root.querySelector<HTMLButtonElement>('[data-tab="terminal"]');
  const NARROW_PX = 832; // 52rem, as the stylesheet's container query
  let narrow = false;
  const layout = () => {
    const now = root.clientWidth < NARROW_PX;
    if (!terminalTab || now === narrow) return;
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
    const last = session.commands[session.commands.length - 1];
    if (session.undo()) terminal.note(`Undone: ${last}`);
    refresh();
  });
  $('[data-action="reset"]').addEventListener('click', () => {
    session.reset();
    bindEngine();
    lastMove.clear();
    lastOutput = '';
    pendingTrace = { line: '', trace: [] };
    terminal.note('Reset: the lab is back at its start.');
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
    const url = `${location.origin}${location.pathname}${encodeShare(session.commands)}`;
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
