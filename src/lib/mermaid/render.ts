// Renders Mermaid diagrams to SVG in headless Chromium, through mermaid-isomorphic (Playwright). Only
// diagrams missing from the committed cache get here, so Chromium is needed by authors who change a
// diagram, never by learners running the course (importing Playwright needs no browser; launching does).
import { existsSync } from 'node:fs';
import { createMermaidRenderer } from 'mermaid-isomorphic';
import { decorateSvg } from './decorate-svg';
import { normaliseSource } from './diagram-source';
import { mermaidThemes, type MermaidTheme } from './themes';

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RenderRequest {
  source: string;
  theme: MermaidTheme;
  /** start of every id inside the SVG; must be unique on a page */
  idPrefix: string;
}

export async function renderDiagrams(requests: RenderRequest[]): Promise<string[]> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Rendering Mermaid diagrams needs Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  // --no-sandbox: CI and containers run as root, where Chromium's sandbox refuses to start.
  const render = createMermaidRenderer({ launchOptions: { executablePath, args: ['--no-sandbox'] } });
  return Promise.all(
    requests.map(async ({ source, theme, idPrefix }) => {
      const [result] = await render([normaliseSource(source)], { prefix: idPrefix, mermaidConfig: mermaidThemes[theme] });
      if (result?.status !== 'fulfilled') {
        const reason: unknown = result?.reason;
        throw new Error(`Mermaid could not render this diagram: ${reason instanceof Error ? reason.message : String(reason)}\n${source}`);
      }
      return decorateSvg(result.value.svg);
    }),
  );
}
