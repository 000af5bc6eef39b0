// Builtins only the host terminal has: `clear` (the terminal wipes its screen), `history` (the lines
// the learner ran, as bash numbers them), `help` (what this simulated machine offers) and an `exit`
// that explains why the terminal stays open.
import type { Builtin } from '../shell/interpreter';
import type { Io } from '../shell/io';
import type { HostShellState } from './host-shell';

/** What a host line asks of the terminal beyond its output. */
export interface HostLineEffects {
  /** the screen should be cleared (the terminal honours it; the escape sequence is not in the output) */
  clear?: true;
}

type HostBuiltin = (state: HostShellState, effects: HostLineEffects) => Builtin;

const say = (io: Io, text: string) => io.stdout.write(text);

export const HOST_HELP = `This terminal is a simulated computer with Docker installed. Nothing you type leaves your browser.

  docker …            the Docker CLI, talking to a simulated Docker Engine
  ls cd pwd mkdir     move around and create folders in your project folder (~/project)
  cat echo printf     read files, or write them: echo 'hello' > index.html
  rm cp mv touch      manage files; these are the files bind mounts (-v "$PWD":/app) and
                      docker build see
  curl wget           reach the ports your containers publish: curl localhost:8080
  grep wc head sort   filter output, in pipes: docker ps -q | wc -l
  history clear help  this terminal's own commands

Inside a container, \`docker run -it IMAGE sh\` or \`docker exec -it NAME sh\` opens a shell of that
container; \`exit\` leaves it, Ctrl-P Ctrl-Q detaches and leaves it running.
`;

/** bash's `history [-c] [N]`: each entry numbered from 1, right-aligned in five columns. */
const history: HostBuiltin = (state) => (_sh, argv, io) => {
  const arg = argv[1];
  if (arg === '-c') {
    state.history.length = 0;
    return 0;
  }
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    io.stderr.write(`bash: history: ${arg}: numeric argument required\n`);
    return 1;
  }
  const first = arg === undefined ? 0 : Math.max(0, state.history.length - Number(arg));
  say(io, state.history.slice(first).map((line, k) => `${String(first + k + 1).padStart(5)}  ${line}\n`).join(''));
  return 0;
};

export const HOST_BUILTINS: Record<string, HostBuiltin> = {
  clear: (_state, effects) => () => {
    effects.clear = true;
    return 0;
  },
  history,
  help: () => (_sh, _argv, io) => {
    say(io, HOST_HELP);
    return 0;
  },
  exit: () => (_sh, argv, io) => {
    io.stderr.write('The host terminal stays open in the simulator: `exit` only leaves a container shell.\n');
    return /^\d+$/.test(argv[1] ?? '') ? Number(argv[1]) & 255 : 0;
  },
};
