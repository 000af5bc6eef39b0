// Mermaid's look in the site's light and dark palettes (see src/styles/tokens.css). Each diagram is rendered
// once per theme; the page shows the one matching the active colour scheme.
import type { RenderOptions } from 'mermaid-isomorphic';

type MermaidConfig = NonNullable<RenderOptions['mermaidConfig']>;

const shared = {
  theme: 'base',
  // Arial's metrics are also Liberation Sans' and Helvetica's, so label boxes measured at build time
  // fit on every reader's machine.
  fontFamily: 'arial, "Liberation Sans", helvetica, sans-serif',
  state: { padding: 12 },
  flowchart: { padding: 12 },
} satisfies MermaidConfig;

export const mermaidThemes = {
  light: {
    ...shared,
    themeVariables: {
      darkMode: false,
      background: '#ffffff',
      primaryColor: '#e8f0fe',
      primaryBorderColor: '#0b5cd5',
      primaryTextColor: '#1b1f24',
      secondaryColor: '#f1f3f5',
      tertiaryColor: '#f6f8fa',
      lineColor: '#57606a',
      textColor: '#1b1f24',
      edgeLabelBackground: '#ffffff',
    },
  },
  dark: {
    ...shared,
    themeVariables: {
      darkMode: true,
      background: '#0f1419',
      primaryColor: '#132338',
      primaryBorderColor: '#6cb0ff',
      primaryTextColor: '#e6e9ef',
      secondaryColor: '#1c2530',
      tertiaryColor: '#161c24',
      lineColor: '#9aa4b2',
      textColor: '#e6e9ef',
      edgeLabelBackground: '#0f1419',
    },
  },
} satisfies Record<string, MermaidConfig>;

export type MermaidTheme = keyof typeof mermaidThemes;
export const themeNames = Object.keys(mermaidThemes) as MermaidTheme[];
