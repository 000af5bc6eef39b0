// Reading time shown on lesson pages, computed from the MDX source at build time.

/** a common estimate for technical prose; code and diagrams are slower to read, prose faster */
const WORDS_PER_MINUTE = 200;

export function readingMinutes(mdx: string): number {
  const text = mdx
    .replace(/^(?:import|export)\s.*$/gm, '') // MDX module lines are not read
    .replace(/^(`{3,}|~{3,})\s*mermaid[\s\S]*?^\1\s*$/gm, '') // diagrams are looked at, not read word by word
    .replace(/<[^>]+>/g, ' '); // component and HTML tags
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
