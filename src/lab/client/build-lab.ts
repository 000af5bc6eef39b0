// A build lab's extra parts, loaded only where a scenario has files (with CodeMirror, so other labs do
// not pay for it): the host folder's files in an editor, each edit written into the folder the next
// `docker build` reads, and the layer view of the last build (GET /build/history, which the builder keeps
// for it: each layer's size and whether the build took it from the cache).
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { BuildRecord } from '../../engine/builder/state';
import { humanSize } from '../../engine/cli/format/units';
import type { LabHooks } from './hooks';

const languageOf = (path: string): Extension[] => {
  const name = path.split('/').pop()!;
  if (/^Dockerfile|\.dockerfile$/i.test(name)) return [StreamLanguage.define(dockerFile)];
  if (name.endsWith('.sh')) return [StreamLanguage.define(shell)];
  return [];
};

const theme = EditorView.theme({
  '&': { fontSize: '0.875rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)', background: 'var(--bg)' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { background: 'var(--bg-soft)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '&.cm-focused': { outline: '3px solid var(--focus, #0969da)', outlineOffset: '1px' },
});

export function mountBuildLab(root: HTMLElement, host: LabHooks): void {
  const view = root.querySelector<HTMLElement>('[data-editor-view]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-file]')];
  const states = new Map<string, EditorState>();
  let current = buttons[0]!.dataset.file!;

  const stateFor = (path: string) =>
    EditorState.create({
      doc: host.read(path) ?? '',
      extensions: [
        lineNumbers(),
        history(),
        // Tab is left to the browser, so the editor never traps keyboard users
        keymap.of([...defaultKeymap, ...historyKeymap]),
        syntaxHighlighting(defaultHighlightStyle),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': `Edit ${path}` }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) host.write(path, u.state.doc.toString());
        }),
        ...languageOf(path),
      ],
    });
  const editor = new EditorView({ state: stateFor(current), parent: view });

  const open = (path: string) => {
    states.set(current, editor.state);
    current = path;
    editor.setState(states.get(path) ?? stateFor(path));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.file === path));
  };
  for (const b of buttons) b.addEventListener('click', () => open(b.dataset.file!));

  const layers = root.querySelector<HTMLElement>('[data-layers]')!;
  const refresh = () => renderLayers(layers, host.builds().findLast((b) => b.imageId));
  refresh();
  host.onChange(({ files }) => {
    // undo and reset change the folder behind the editor's back: show the files as they are now
    if (files) {
      states.clear();
      editor.setState(stateFor(current));
    }
    refresh();
  });
}

/** the last successful build's layers, newest first as `docker history` lists them, bars scaled by size */
function renderLayers(el: HTMLElement, build: BuildRecord | undefined): void {
  if (!build) {
    el.replaceChildren(Object.assign(document.createElement('p'), { className: 'lab-empty', textContent: 'Build an image to see its layers.' }));
    return;
  }
  const largest = Math.max(1, ...build.layers.map((l) => l.size));
  const caption = Object.assign(document.createElement('p'), {
    className: 'lab-layers-caption',
    textContent: `${build.tags[0] ?? build.imageId!.slice(7, 19)}: ${build.layers.length} layers, ${humanSize(build.size)}. ${build.steps.filter((s) => s.cached).length} of ${build.steps.length} steps came from the cache.`,
  });
  const list = document.createElement('ol');
  list.className = 'lab-layers';
  for (const layer of [...build.layers].reverse()) {
    const item = document.createElement('li');
    item.className = layer.cached ? 'lab-layer lab-layer-cached' : 'lab-layer';
    const bar = document.createElement('span');
    bar.className = 'lab-layer-bar';
    bar.style.width = layer.hasLayer ? `max(2px, ${(100 * layer.size) / largest}%)` : '0';
    const text = document.createElement('span');
    text.className = 'lab-layer-text';
    const origin = layer.fromBase ? 'base image' : layer.cached ? 'CACHED' : 'built';
    text.textContent = `${humanSize(layer.size)} · ${origin} · ${layer.createdBy}`;
    item.append(bar, text);
    list.append(item);
  }
  el.replaceChildren(caption, list);
}
