// Does a docker command line from a lesson make sense to the Docker CLI? It runs in a scratch engine, and
// what comes back is sorted by who complained: the CLI rejecting the line (unknown command or flag, wrong
// number of arguments, a malformed value: exit 1 or 125, with a pointer to --help) is the author's
// mistake; the daemon refusing it (no such container here, an image the simulated registry lacks) or a
// missing file of the reader's only means the scratch engine is not the lesson's machine.
import { createEngine } from '../../engine';

/** errors from the daemon, the connection or the reader's files (`--env-file db.env`), not from parsing */
const ENVIRONMENT_ERROR =
  /Error response from daemon|Unable to find image|Cannot connect to the Docker daemon|No such (container|image|network|volume|object)|no such file or directory/;

/** the lesson's working directory, for `$(pwd)` (the scratch engine has no shell to ask) */
const WORKDIR = '/home/learner/project';

/** the CLI's own complaint about the line, or undefined when it parses */
export function cliProblem(line: string): string | undefined {
  const result = createEngine().exec(line.replace(/\$\(pwd\)|\$PWD\b/g, WORKDIR));
  if (result.exit === 0) return undefined;
  const firstLine = result.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit status ${result.exit}`;
  // the CLI ends its own complaints with a pointer to --help (`See 'docker stop --help'`); the shell's are exit 2/127
  const usage = /for more information|unknown command|is not a docker command/.test(result.stderr) || result.exit === 2 || result.exit === 127;
  if (!usage || ENVIRONMENT_ERROR.test(result.stderr)) return undefined;
  return firstLine;
}
