// Which path a terminal line takes. A plain `docker …` line (no pipes, lists or redirections) goes
// straight to the docker CLI exactly as before the host shell existed, so its trace, streams, sessions
// and exit codes stay those of the golden transcripts; anything else is a host shell line.
import { tokenize } from '../cli/tokenize';

/** Dry-run word splitting (substitutions are not run): a blank line, or one whose first word is `docker`. */
export function isPlainDockerLine(line: string): boolean {
  const { words, error } = tokenize(line, { substitute: () => '' });
  if (error?.startsWith('syntax error near unexpected token')) return false;
  return words.length === 0 || words[0] === 'docker';
}
