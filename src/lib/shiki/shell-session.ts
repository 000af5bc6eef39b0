// Shell sessions (```console fences) look different from scripts: command lines get a prompt drawn by
// CSS, so selecting or copying never picks up the `$ `, and output is set apart in a muted colour.
// Authors write sessions as a terminal shows them:
//   $ docker run hello-world      <- command (prompt "$ ")
//   Hello from Docker!            <- output
// A command ending in `\` continues on the next line.
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';

export const SESSION_LANGUAGES = new Set(['console', 'shell-session', 'shellsession']);

const PROMPT = '$ ';

export type LineKind = 'prompt' | 'continuation' | 'output';

export function lineKinds(code: string): LineKind[] {
  let continues = false;
  return code.split('\n').map((line) => {
    const kind: LineKind = continues ? 'continuation' : line.startsWith(PROMPT) ? 'prompt' : 'output';
    continues = kind !== 'output' && line.endsWith('\\');
    return kind;
  });
}

/** removes the prompt's characters from the start of a highlighted line */
function dropPrompt(line: Element): void {
  let toDrop = PROMPT.length;
  const visit = (nodes: ElementContent[]): void => {
    for (const node of [...nodes]) {
      if (toDrop === 0) return;
      if (node.type === 'text') {
        const cut = Math.min(toDrop, node.value.length);
        node.value = node.value.slice(cut);
        toDrop -= cut;
      } else if (node.type === 'element') {
        visit(node.children);
      }
    }
  };
  visit(line.children);
}

/** output keeps no token colours of its own: the grammar's guesses about it are noise */
function uncolour(line: Element): void {
  for (const child of line.children) {
    if (child.type === 'element') delete child.properties.style;
  }
}

export function transformerShellSession(): ShikiTransformer {
  return {
    name: 'dockhand:shell-session',
    pre(pre) {
      if (SESSION_LANGUAGES.has(this.options.lang)) this.addClassToHast(pre, 'shell-session');
    },
    code() {
      if (!SESSION_LANGUAGES.has(this.options.lang)) return;
      const kinds = lineKinds(this.source);
      this.lines.forEach((line, i) => {
        const kind = kinds[i] ?? 'output';
        if (kind === 'prompt') dropPrompt(line);
        else uncolour(line);
        this.addClassToHast(line, kind === 'output' ? 'output' : ['command', kind]);
      });
    },
  };
}
