// Reading a lesson's MDX source the way the site renders it, without Astro: front matter, heading anchors
// (github-slugger, as rehypeHeadingIds makes them), links, and the components a lesson places.
import GithubSlugger from 'github-slugger';
import { parse } from 'yaml';

export interface LessonFile {
  id: string;
  frontMatter: Record<string, unknown>;
  /** the MDX after the front matter */
  body: string;
}

export function readLesson(id: string, source: string): LessonFile {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error(`${id}: no front matter`);
  return { id, frontMatter: parse(match[1]!) as Record<string, unknown>, body: source.slice(match[0].length) };
}

/** the body without fenced code blocks, whose lines are code, not Markdown */
export function withoutCode(body: string): string {
  return body.replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[ \t]*$/gm, '');
}

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

/** `## What happens on \`docker run nginx\`` → text and anchor, in order, as the page's ids */
export function headings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  return [...withoutCode(body).matchAll(/^(#{1,6})\s+(.+?)\s*#*\s*$/gm)].map(([, hashes, raw]) => {
    const text = raw!.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '');
    return { depth: hashes!.length, text, slug: slugger.slug(text) };
  });
}

/** the text of the section under a heading: up to the next heading of the same or a higher level */
export function section(body: string, headingText: string): string | undefined {
  const lines = withoutCode(body).split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(#{1,6})\\s+${headingText}\\s*$`).test(l));
  if (start < 0) return undefined;
  const depth = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${depth}}\\s`).test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** every link target in Markdown (`[text](url)`) and JSX/HTML (`href="url"`) */
export function links(body: string): string[] {
  const text = withoutCode(body);
  return [...[...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!), ...[...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)];
}

/** the value of `attribute` on every `<Component …>` in the body, in order */
export function componentProps(body: string, component: string, attribute: string): string[] {
  const tag = new RegExp(`<${component}\\b[^>]*\\b${attribute}="([^"]+)"`, 'g');
  return [...withoutCode(body).matchAll(tag)].map((m) => m[1]!);
}

/** the Mermaid diagrams of the body */
export function mermaidBlocks(body: string): string[] {
  return [...body.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
