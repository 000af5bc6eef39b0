import { transformerMetaHighlight } from '@shikijs/transformers';
import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { transformerCodeFrame } from './code-frame';
import { lineKinds, transformerShellSession } from './shell-session';

const highlight = (code: string, lang: string, meta = '') =>
  codeToHtml(code, {
    lang,
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: 'light-dark()',
    meta: { __raw: meta },
    transformers: [transformerMetaHighlight(), transformerShellSession(), transformerCodeFrame()],
  });

describe('lineKinds', () => {
  it('tells prompts, continuations and output apart', () => {
    expect(lineKinds('$ docker run \\\n    -d nginx\nabc123\n$ docker ps')).toEqual(['prompt', 'continuation', 'output', 'prompt']);
  });

  it('treats a line that only mentions $ as output', () => {
    expect(lineKinds('cost: $5\n$HOME')).toEqual(['output', 'output']);
  });
});

describe('shell sessions', () => {
  it('drop the typed prompt (CSS draws it) and mark commands and output', async () => {
    const html = await highlight('$ echo "hi"\nhi', 'console');
    expect(html).toContain('shell-session');
    expect(html).toMatch(/<span class="line command prompt"><span[^>]*>echo /);
    expect(html).not.toContain('$ echo');
    expect(html).toContain('<span class="line output"><span>hi</span></span>');
  });

  it('leave other languages alone', async () => {
    const html = await highlight('echo "$ hi"', 'bash');
    expect(html).not.toContain('shell-session');
    expect(html).not.toContain('command');
  });
});

describe('code frame', () => {
  it('puts the language and a hidden copy button above the code', async () => {
    const html = await highlight('FROM busybox', 'dockerfile');
    expect(html).toMatch(/^<div class="code-block" data-island="copy-code"><div class="code-bar"><span class="code-lang">Dockerfile<\/span>/);
    expect(html).toContain('<button type="button" class="copy-code" hidden aria-label="Copy code" data-copy="all">Copy</button>');
  });

  it('copies only commands from a session', async () => {
    expect(await highlight('$ ls', 'console')).toContain('aria-label="Copy commands" data-copy="commands"');
  });

  it('keeps marked lines highlighted', async () => {
    expect(await highlight('a\nb', 'bash', '{2}')).toMatch(/<span class="line">.*a.*\n<span class="line highlighted">/s);
  });
});
