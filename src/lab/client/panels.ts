// The pictures beside the terminal: the state panel (from the view model), the selected container's
// inspect essentials, its place in the lifecycle diagram, and the last command's Engine API calls.
// Everything is built with textContent, never innerHTML: names come from what the learner typed.
import type { ApiTraceEntry } from '../../engine';
import { OUTSIDE, type Transition } from '../lifecycle';
import { traceNote } from '../trace-notes';
import { shortId, type ContainerView, type LabViewModel } from '../view-model';

type Child = Node | string;

function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

function section(title: string, empty: string, items: HTMLElement[]): HTMLElement {
  return h('section', { class: 'lab-group' }, h('h3', {}, `${title} (${items.length})`), items.length ? h('ul', { class: 'lab-items' }, ...items) : h('p', { class: 'lab-empty' }, empty));
}

const meta = (label: string, value: string) => (value ? h('span', { class: 'lab-meta' }, h('span', { class: 'sr-only' }, `${label}: `), value) : '');

export function renderState(root: HTMLElement, vm: LabViewModel, selected: string | undefined, onSelect: (name: string) => void): void {
  const containers = vm.containers.map((c) => {
    const button = h(
      'button',
      { type: 'button', class: 'lab-item-button', 'aria-pressed': String(c.name === selected), 'data-container': c.name },
      h('span', { class: `lab-state lab-state-${c.state}` }, c.state),
      h('strong', {}, c.name),
      h('span', { class: 'lab-meta' }, c.image),
    );
    button.addEventListener('click', () => onSelect(c.name));
    return h('li', {}, button, h('p', { class: 'lab-sub' }, meta('Ports', c.ports), meta('Networks', c.networks.join(', ')), meta('Mounts', c.mounts.join(', '))));
  });
  const images = vm.images.map((i) =>
    h('li', {}, h('strong', {}, i.tags.join(', ') || `<none> ${shortId(i.id)}`), h('p', { class: 'lab-sub' }, meta('Size', i.size), meta('Layers', i.layers === undefined ? '' : `${i.layers} layer${i.layers === 1 ? '' : 's'}`), meta('Used by', i.usedBy.length ? `used by ${i.usedBy.join(', ')}` : ''))),
  );
  const volumes = vm.volumes.map((v) => h('li', {}, h('strong', {}, v.name), h('p', { class: 'lab-sub' }, meta('Driver', v.driver), meta('Used by', v.usedBy.length ? `used by ${v.usedBy.join(', ')}` : 'unused'))));
  const networks = vm.networks.map((n) => h('li', {}, h('strong', {}, n.name), h('p', { class: 'lab-sub' }, meta('Driver', n.driver), meta('Subnet', n.subnet), meta('Attached', n.attached.length ? `attached: ${n.attached.join(', ')}` : ''))));
  root.replaceChildren(
    section('Containers', 'No containers yet.', containers),
    section('Images', 'No images.', images),
    section('Volumes', 'No volumes.', volumes),
    section('Networks', 'No networks.', networks),
  );
}

export function renderDetails(root: HTMLElement, c: ContainerView | undefined, rows: [string, string][]): void {
  if (!c) return root.replaceChildren();
  root.replaceChildren(h('h3', {}, `inspect ${c.name}`), h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

const stateLabel = (s: string) => (s === OUTSIDE ? 'gone' : s);

/** highlights the container's state in both theme variants and marks the arrow it last moved along */
export function renderDiagram(figure: HTMLElement, caption: HTMLElement, c: ContainerView | undefined, last: Transition | undefined): void {
  figure.querySelectorAll('.lab-current, .lab-last').forEach((el) => el.classList.remove('lab-current', 'lab-last'));
  if (!c) {
    caption.textContent = 'Run a container to see where it is in its lifecycle.';
    return;
  }
  figure.querySelectorAll(`[data-state="${CSS.escape(c.state)}"]`).forEach((el) => el.classList.add('lab-current'));
  if (last) figure.querySelectorAll(`[data-from="${CSS.escape(last.from)}"][data-to="${CSS.escape(last.to)}"]`).forEach((el) => el.classList.add('lab-last'));
  caption.textContent = last ? `${c.name} is ${c.state}; last move: ${stateLabel(last.from)} → ${stateLabel(last.to)}.` : `${c.name} is ${c.state}.`;
}

export function renderTrace(list: HTMLElement, command: string, trace: ApiTraceEntry[]): void {
  if (!command) return list.replaceChildren();
  if (trace.length === 0) {
    list.replaceChildren(h('li', { class: 'lab-empty' }, `${command}: no API calls (the CLI answered on its own).`));
    return;
  }
  list.replaceChildren(
    ...trace.map((t) =>
      h('li', {}, h('code', { class: 'lab-call' }, h('span', { class: 'lab-method' }, t.method), ' ', t.url, ' ', h('span', { class: t.status >= 400 ? 'lab-status lab-status-error' : 'lab-status' }, String(t.status))), h('span', { class: 'lab-note' }, traceNote(t))),
    ),
  );
}

/**
 * An ARIA tablist: click or ←/→/Home/End to switch; hidden tabs are skipped. Returns a function that
 * shows a tab by its id.
 */
export function wireTabs(root: HTMLElement): (id: string) => void {
  const all = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const show = (tab: HTMLButtonElement, focus: boolean) => {
    for (const t of all) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      // a tab that is itself hidden (the Terminal tab of a wide playground) leaves its panel in view
      root.querySelector<HTMLElement>(`#${t.getAttribute('aria-controls')}`)!.hidden = !on && !t.hidden;
    }
    if (focus) tab.focus();
  };
  for (const tab of all) {
    tab.addEventListener('click', () => show(tab, false));
    tab.addEventListener('keydown', (e) => {
      const tabs = all.filter((t) => !t.hidden);
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      show(tabs[(next + tabs.length) % tabs.length]!, true);
    });
  }
  return (id) => show(all.find((t) => t.dataset.tab === id)!, false);
}
