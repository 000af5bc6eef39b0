// "Share": the commands of a session in the URL fragment, so a teacher can hand out a ready setup.
// The fragment never reaches a server; opening the link replays the commands in a fresh engine.

const PARAM = 'run';
/** keeps links within what browsers and chat apps pass along */
export const MAX_SHARED_COMMANDS = 200;

export function encodeShare(commands: readonly string[]): string {
  const params = new URLSearchParams({ [PARAM]: commands.slice(-MAX_SHARED_COMMANDS).join('\n') });
  return `#${params.toString()}`;
}

/** the commands in a location hash ('#run=…'), or undefined when it holds none */
export function decodeShare(hash: string): string[] | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  if (value === null) return undefined;
  const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(0, MAX_SHARED_COMMANDS);
}
