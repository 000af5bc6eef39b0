// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { transformerMetaHighlight } from '@shikijs/transformers';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { modulePreload } from './src/integrations/module-preload.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import rehypeMermaidCached from './src/lib/mermaid/rehype-mermaid-cached.ts';
import { transformerCodeFrame } from './src/lib/shiki/code-frame.ts';
import { transformerShellSession } from './src/lib/shiki/shell-session.ts';

export default defineConfig({
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [mdx(), modulePreload(), pagefindIndex()],
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // xterm.js gets a chunk of its own, so the lab's small entry script names it and the engine side by
          // side and the browser fetches both at once (inside the entry, the engine's import was only seen
          // after the whole terminal had downloaded and parsed)
          codeSplitting: { groups: [{ name: 'xterm', test: /node_modules[\\/]@xterm[\\/]/ }] },
        },
        onwarn(warning, warn) {
          // Astro's own MDX output trips this; harmless and tracked upstream (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    // Astro 7's default processor runs no rehype plugins; the unified one does.
    processor: unified({
      rehypePlugins: [
        // ids first, so headings can link to themselves (Astro would add ids only after these plugins)
        rehypeHeadingIds,
        [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-link'] } }],
        rehypeMermaidCached,
      ],
    }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      // colours follow the page's color-scheme, which the theme toggle sets
      defaultColor: 'light-dark()',
      transformers: [transformerMetaHighlight(), transformerShellSession(), transformerCodeFrame()],
    },
  },
});
