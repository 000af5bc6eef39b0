// Real-daemon mode for one lab, loaded only when the learner presses "Real Docker": the terminal's lines
// go to the bridge (bridge/), which runs the real docker CLI in a pseudo-terminal and streams its output
// back raw; the panels and the lifecycle diagram are drawn from the real engine's state, through the
// same view model as the simulator's. Where the page was not opened from the bridge, the switch says
// how to get it.
import type { Names } from '../completion';
import type { History } from '../history';
import { renderDetails, renderDiagram, renderState } from '../client/panels';
import type { LabTerminal, Running } from '../client/terminal';
import { transitions, type Transition } from '../lifecycle';
import { containerEssentials, namesOf, toViewModel, type ContainerInspect, type LabViewModel } from '../view-model';
import { TERMINAL_PATH, TOKEN_PROTOCOL_PREFIX, TOKEN_STORAGE_KEY, WS_PROTOCOL, type ClientMessage, type ServerMessage, type Tracked } from './protocol';

export interface RealHost {
  root: HTMLElement;
  terminal: LabTerminal;
  announce(text: string): void;
  /** the lab's command history (real commands are recalled with ↑ too) */
  history(): History;
  /** back to the simulator: redraw its panels */
  leave(): void;
}

type Out = (text: string, isError: boolean) => void;

/** what the lab's terminal asks of the mode while it is on */
export interface RealMode {
  readonly active: boolean;
  /** the command runs on the bridge; keys go to it raw (its pseudo-terminal echoes) until `ended` */
  run(line: string, out: Out, ended: () => void): Running;
  names(): Names;
  toggle(): void;
}

const HELP = `This terminal runs the real docker CLI against your own Docker engine, through the Dockhand bridge.
One docker command per line (no pipes or shell); -it sessions work, Ctrl+C interrupts.
"Clean up" removes what you created here. Press "Real Docker" again to go back to the simulator.
`;

const NOT_FROM_BRIDGE = `Real Docker mode drives the Docker engine on your own computer, so it needs Dockhand running there:
  git clone the course, then run: npm install && npm start
and open the address it prints (it carries a one-time key). This copy of the site cannot reach your engine.`;
const NO_TOKEN = 'Real Docker needs the key from the address `npm start` printed: open that address (with its #dockhand-token=… part) in this tab.';

/** terminal output as plain text: no escape sequences, no carriage returns */
const plainText = (s: string) => s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\r/g, '');

function tokenOf(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function createRealMode(host: RealHost): RealMode {
  const { root, terminal } = host;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const toggleButton = $<HTMLButtonElement>('[data-action="real"]');
  const badge = $('[data-engine-badge]');
  const toolbar = $('[data-action="reset"]').parentElement!;
  const cleanButton = Object.assign(document.createElement('button'), { type: 'button', className: 'lab-button', textContent: 'Clean up', hidden: true });
  toolbar.append(cleanButton);
  const cleanBox = Object.assign(document.createElement('div'), { className: 'lab-cleanup', hidden: true });
  cleanBox.setAttribute('role', 'region');
  cleanBox.setAttribute('aria-label', 'Clean up');
  root.querySelector('.lab-head')!.after(cleanBox);

  let ws: WebSocket | undefined;
  let active = false;
  let vm: LabViewModel = { containers: [], images: [], volumes: [], networks: [] };
  let inspect: Record<string, ContainerInspect> = {};
  let selected: string | undefined;
  const lastMove = new Map<string, Transition>();
  /** the running command's output sink, its end, and what it printed (for the live region) */
  let command: { out: Out; ended: () => void; shown: string } | undefined;

  const send = (msg: ClientMessage) => ws?.readyState === WebSocket.OPEN && ws.send(JSON.stringify(msg));

  const setActive = (on: boolean, engineLabel = '') => {
    active = on;
    toggleButton.setAttribute('aria-pressed', String(on));
    badge.textContent = on ? `Real Docker${engineLabel}` : 'Simulator';
    badge.dataset.engine = on ? 'real' : 'simulator';
    cleanButton.hidden = !on;
    if (!on) cleanBox.hidden = true;
    for (const action of ['undo', 'reset']) $<HTMLButtonElement>(`[data-action="${action}"]`).disabled = on;
    if (on) {
      $('[data-trace]').replaceChildren(Object.assign(document.createElement('li'), { className: 'lab-empty', textContent: 'Real Docker: the CLI talks to your engine directly, so its API calls are not traced here. The state panel and the diagram follow the engine’s events.' }));
      render();
    } else {
      $('[data-trace]').replaceChildren();
      host.leave();
    }
  };

  function render(): void {
    if (!vm.containers.some((c) => c.name === selected)) selected = vm.containers[vm.containers.length - 1]?.name;
    const current = vm.containers.find((c) => c.name === selected);
    renderState($('[data-state-view]'), vm, selected, (name) => {
      selected = name;
      render();
    });
    const details = current && inspect[current.id];
    renderDetails($('[data-details]'), current, details ? containerEssentials(details) : []);
    renderDiagram($('[data-diagram]'), $('[data-diagram-caption]'), current, current && lastMove.get(current.name));
  }

  const finishCommand = () => {
    if (!command) return;
    const { ended, shown } = command;
    command = undefined;
    host.announce(plainText(shown) || 'Done.');
    ended();
  };

  const showCleanup = (items: Tracked[]) => {
    cleanBox.hidden = false;
    if (items.length === 0) {
      cleanBox.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Nothing to clean up: this session has not created anything that still exists.' }));
      return;
    }
    const list = document.createElement('ul');
    list.append(...items.map((t) => Object.assign(document.createElement('li'), { textContent: `${t.kind} ${t.name}` })));
    const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'lab-button', textContent: `Remove ${items.length === 1 ? 'it' : `these ${items.length}`}` });
    const cancel = Object.assign(document.createElement('button'), { type: 'button', className: 'lab-button', textContent: 'Cancel' });
    remove.addEventListener('click', () => ((remove.disabled = true), send({ t: 'cleanup' })));
    cancel.addEventListener('click', () => (cleanBox.hidden = true));
    cleanBox.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'What this session created on your engine, and still exists:' }), list, remove, cancel);
    remove.focus();
  };

  const onMessage = (msg: ServerMessage) => {
    switch (msg.t) {
      case 'hello':
        if (!msg.engine.reachable) {
          terminal.note(msg.engine.help ?? 'No Docker engine found.');
          const socket = ws;
          ws = undefined; // closed on purpose: no "disconnected" note
          socket?.close(1000);
          return;
        }
        setActive(true, msg.engine.version ? ` (engine ${msg.engine.version})` : '');
        terminal.note(`Real Docker: your own engine (${msg.engine.host}) now runs these commands. Bind mounts: inside ${msg.workspace}.${msg.tty ? '' : ' No pseudo-terminal here, so -t is refused.'} Type help for tips.`);
        return;
      case 'engine':
        if (!msg.engine.reachable && active) terminal.note(msg.engine.help ?? 'The Docker engine went away.');
        return;
      case 'out':
        if (command) {
          command.shown += msg.data;
          command.out(msg.data, false);
        }
        return;
      case 'refused':
        command?.out(msg.message, true);
        return finishCommand();
      case 'exit':
        return finishCommand();
      case 'state': {
        const next = toViewModel(msg.data);
        for (const t of transitions(vm, next)) {
          lastMove.set(t.container, t);
          selected = t.container;
        }
        vm = next;
        inspect = msg.inspect;
        if (active) render();
        return;
      }
      case 'cleanup-list':
        return showCleanup(msg.items);
      case 'cleanup-done': {
        const failed = msg.failed.map((f) => `${f.item.kind} ${f.item.name}: ${f.error}`);
        cleanBox.replaceChildren(Object.assign(document.createElement('p'), { textContent: `Removed ${msg.removed.length} object${msg.removed.length === 1 ? '' : 's'}.${failed.length ? ` Could not remove: ${failed.join('; ')}` : ''}` }));
        host.announce(cleanBox.textContent ?? '');
        return;
      }
    }
  };

  const connect = () => {
    const token = tokenOf();
    if (!token) return terminal.note(document.documentElement.dataset.bridge === undefined ? NOT_FROM_BRIDGE : NO_TOKEN);
    toggleButton.disabled = true;
    const socket = new WebSocket(`ws://${location.host}${TERMINAL_PATH}`, [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token]);
    ws = socket;
    socket.onmessage = (e) => onMessage(JSON.parse(String(e.data)) as ServerMessage);
    socket.onopen = () => (toggleButton.disabled = false);
    socket.onclose = (e) => {
      toggleButton.disabled = false;
      if (ws !== socket) return;
      ws = undefined;
      finishCommand();
      if (active) setActive(false);
      const why = e.code === 4000 ? 'the terminal was idle for too long' : 'the bridge closed the connection (did `npm start` stop? Was the key refused?)';
      if (e.code !== 1000) terminal.note(`Real Docker disconnected: ${why}. Back to the simulator.`);
    };
  };

  cleanButton.addEventListener('click', () => send({ t: 'cleanup-list' }));
  terminal.term.onResize(({ cols, rows }) => active && send({ t: 'resize', cols, rows }));

  return {
    get active() {
      return active;
    },
    run(line, out, ended) {
      host.history().add(line);
      command = { out, ended, shown: '' };
      if (line === 'help') {
        out(HELP, false);
        queueMicrotask(finishCommand);
      } else send({ t: 'run', line, cols: terminal.term.cols, rows: terminal.term.rows });
      return { kind: 'stream', close: () => send({ t: 'input', data: '\x03' }), input: (data) => send({ t: 'input', data }) };
    },
    names: () => namesOf(vm),
    toggle() {
      if (!active) return connect();
      const socket = ws;
      ws = undefined;
      socket?.close(1000);
      setActive(false);
      terminal.note('Back to the simulator.');
    },
  };
}
