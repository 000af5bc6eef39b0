import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { diagramHash } from './diagram-source';
import { diagramsInMdx } from './find-diagrams';
import rehypeMermaidCached from './rehype-mermaid-cached';

const source = 'stateDiagram-v2\n  accTitle: Lifecycle\n  running --> exited';

function fence(code: string): Root {
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: `${code}\n` }] }],
      },
    ],
  };
}

let cacheDir: string;
const chromium = process.env.CHROMIUM_PATH;

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'mermaid-cache-'));
  process.env.CHROMIUM_PATH = '/nonexistent/chromium'; // these tests must never render
});

afterEach(() => {
  if (chromium === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = chromium;
});

it('replaces a fence with a figure holding both cached SVGs and a caption', async () => {
  writeFileSync(join(cacheDir, `${diagramHash(source, 'light')}.light.svg`), '<svg id="l"><title>Lifecycle</title></svg>');
  writeFileSync(join(cacheDir, `${diagramHash(source, 'dark')}.dark.svg`), '<svg id="d"><title>Lifecycle</title></svg>');
  const tree = fence(source);
  await rehypeMermaidCached({ cacheDir })(tree, new VFile());
  expect(toHtml(tree)).toBe(
    '<figure class="diagram">' +
      '<div class="diagram-variant diagram-light"><svg id="l"><title>Lifecycle</title></svg></div>' +
      '<div class="diagram-variant diagram-dark" data-pagefind-ignore=""><svg id="d"><title>Lifecycle</title></svg></div>' +
      '<figcaption aria-hidden="true">Lifecycle</figcaption></figure>',
  );
});

it('fails, naming the fix, when a diagram is not cached and cannot be rendered', async () => {
  await expect(rehypeMermaidCached({ cacheDir })(fence(source), new VFile({ path: 'lesson.mdx' }))).rejects.toThrow(
    /needs Chromium at \/nonexistent\/chromium[\s\S]*npm run diagrams/,
  );
});

it('insists on an accTitle', async () => {
  await expect(rehypeMermaidCached({ cacheDir })(fence('flowchart LR\n  a --> b'), new VFile())).rejects.toThrow('accTitle');
});

it('finds diagrams in MDX as the build sees them, and nothing else', async () => {
  const mdx = ['# Title', '', '```mermaid', source, '```', '', '```bash', 'echo hi', '```', '', '- item', '', '  ```mermaid', '  flowchart LR', '  ```'].join('\n');
  expect(await diagramsInMdx(mdx)).toEqual([`${source}\n`, 'flowchart LR\n']);
});
