// Frames every highlighted block: a bar with the language and a copy button above the <pre>. The button
// ships hidden and the copy-code script reveals it, so without JavaScript no dead button shows. The bar is
// in the HTML from the start, so revealing the button moves nothing.
import type { Element } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { SESSION_LANGUAGES } from './shell-session';

const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Terminal',
  'shell-session': 'Terminal',
  shellsession: 'Terminal',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  python: 'Python',
  py: 'Python',
  go: 'Go',
  ini: 'INI',
  toml: 'TOML',
  http: 'HTTP',
  plaintext: 'Text',
  text: 'Text',
  txt: 'Text',
};

const text = (value: string) => ({ type: 'text' as const, value });

export function transformerCodeFrame(): ShikiTransformer {
  return {
    name: 'dockhand:code-frame',
    root(root) {
      const pre = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'pre');
      if (!pre) return;
      const lang = this.options.lang;
      const session = SESSION_LANGUAGES.has(lang);
      const bar: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-bar'] },
        children: [
          { type: 'element', tagName: 'span', properties: { className: ['code-lang'] }, children: [text(LANGUAGE_NAMES[lang] ?? lang)] },
          {
            type: 'element',
            tagName: 'button',
            properties: {
              type: 'button',
              className: ['copy-code'],
              hidden: true,
              ariaLabel: session ? 'Copy commands' : 'Copy code',
              // sessions copy only their commands, without prompts or output
              dataCopy: session ? 'commands' : 'all',
            },
            children: [text('Copy')],
          },
        ],
      };
      root.children = [
        { type: 'element', tagName: 'div', properties: { className: ['code-block'], dataIsland: 'copy-code' }, children: [bar, pre] },
      ];
    },
  };
}
