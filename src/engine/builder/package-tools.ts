// `npm install` / `npm ci` and `pip install` as the lessons' Dockerfiles run them: the dependencies the
// project declares (package.json, requirements.txt) are "downloaded" into node_modules / site-packages
// with realistic sizes, and the tools print their usual summary. There is no registry behind them:
// a package is a directory holding its name and version, enough for layers, sizes and the cache lesson.
import { exited, stderrLine, type Program, type ProgramContext, type Run } from '../daemon/process/program';
import { resolvePath, type FileSystem } from '../fs/types';
import { writeSized } from './copy';

/** Well-known packages: the transitive package count npm reports and the bytes they occupy. */
const NPM_PACKAGES: Record<string, { count: number; bytes: number; version: string }> = {
  express: { count: 65, bytes: 2_150_000, version: '5.1.0' },
  lodash: { count: 1, bytes: 1_400_000, version: '4.17.21' },
  axios: { count: 23, bytes: 2_300_000, version: '1.11.0' },
  dotenv: { count: 1, bytes: 80_000, version: '17.2.1' },
  cors: { count: 3, bytes: 40_000, version: '2.8.5' },
  nodemon: { count: 33, bytes: 3_200_000, version: '3.1.10' },
};
const DEFAULT_NPM = { count: 1, bytes: 60_000, version: '1.0.0' };

const join = (dir: string, name: string) => `${dir === '/' ? '' : dir}/${name}`;

function readJson(fs: FileSystem, path: string): Record<string, unknown> | undefined {
  if (fs.stat(path)?.type !== 'file') return undefined;
  try {
    return JSON.parse(fs.readFile(path)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `npm ci` / `npm install [--omit=dev|--production]` in the working directory */
function npmInstall(ctx: ProgramContext, args: string[], clean: boolean): Run {
  const fs = ctx.sys.fs;
  const cwd = ctx.workingDir || '/';
  const pkg = readJson(fs, join(cwd, 'package.json'));
  if (!pkg)
    return exited(254, ...[`npm error code ENOENT`, `npm error syscall open`, `npm error path ${join(cwd, 'package.json')}`, `npm error errno -2`, `npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${join(cwd, 'package.json')}'`].map(stderrLine));
  if (clean && !fs.stat(join(cwd, 'package-lock.json')))
    return exited(1, ...['npm error code EUSAGE', 'npm error', 'npm error The `npm ci` command can only install with an existing package-lock.json or', 'npm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or', 'npm error later to generate a package-lock.json file, then try again.'].map(stderrLine));
  const omitDev = args.some((a) => a === '--production' || a === '--omit=dev' || a === '--only=production') || ctx.env['NODE_ENV'] === 'production';
  const deps = { ...(pkg.dependencies as Record<string, string> | undefined), ...(omitDev ? {} : (pkg.devDependencies as Record<string, string> | undefined)) };
  const modules = join(cwd, 'node_modules');
  let count = 0;
  for (const name of Object.keys(deps)) {
    const known = NPM_PACKAGES[name] ?? DEFAULT_NPM;
    fs.mkdir(join(modules, name), { parents: true });
    fs.writeFile(join(join(modules, name), 'package.json'), JSON.stringify({ name, version: known.version }) + '\n');
    writeSized(fs, join(join(modules, name), 'index.js'), `// ${name}@${known.version}\n`, 0o644, known.bytes);
    count += known.count;
  }
  if (!clean && !fs.stat(join(cwd, 'package-lock.json')))
    fs.writeFile(join(cwd, 'package-lock.json'), JSON.stringify({ name: pkg.name ?? 'app', lockfileVersion: 3, requires: true, packages: {} }, null, 2) + '\n');
  const took = 400 + count * 25;
  const elapsed = took < 1000 ? `${took}ms` : `${Math.round(took / 1000)}s`;
  const summary = count
    ? `added ${count} package${count === 1 ? '' : 's'}, and audited ${count + 1} packages in ${elapsed}`
    : `up to date, audited 1 package in ${elapsed}`;
  const lines = [summary, '', 'found 0 vulnerabilities'];
  return { output: lines.map((text, i) => ({ at: took - 10 + i, stream: 'stdout' as const, text })), duration: took, code: 0 };
}

/** `npm …` as Dockerfiles use it */
export const npmTool: Program = (ctx, argv) => {
  const [cmd, ...args] = argv.slice(1);
  if (cmd === 'ci') return npmInstall(ctx, args, true);
  if (cmd === 'install' || cmd === 'i') return npmInstall(ctx, args, false);
  if (cmd === '-v' || cmd === '--version') return exited(0, '10.9.3');
  return exited(1, stderrLine(`npm ${cmd ?? ''}: only npm install and npm ci are simulated`.trimEnd()));
};

const PIP_PACKAGES: Record<string, { version: string; bytes: number; requires: string[] }> = {
  flask: { version: '3.1.2', bytes: 420_000, requires: ['blinker', 'click', 'itsdangerous', 'jinja2', 'markupsafe', 'werkzeug'] },
  requests: { version: '2.32.5', bytes: 260_000, requires: ['certifi', 'charset-normalizer', 'idna', 'urllib3'] },
  fastapi: { version: '0.116.1', bytes: 1_100_000, requires: ['pydantic', 'starlette', 'typing-extensions'] },
  uvicorn: { version: '0.35.0', bytes: 340_000, requires: ['click', 'h11'] },
  gunicorn: { version: '23.0.0', bytes: 380_000, requires: ['packaging'] },
};

/** the versions pip resolves for the dependencies of the packages above */
const PIP_DEPENDENCY_VERSIONS: Record<string, string> = {
  blinker: '1.9.0', click: '8.2.1', itsdangerous: '2.2.0', jinja2: '3.1.6', markupsafe: '3.0.2', werkzeug: '3.1.3',
  certifi: '2025.8.3', 'charset-normalizer': '3.4.3', idna: '3.10', urllib3: '2.5.0', pydantic: '2.11.7',
  starlette: '0.47.2', 'typing-extensions': '4.14.1', h11: '0.16.0', packaging: '25.0',
};

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.";

/** `pip install -r requirements.txt` / `pip install NAME…` into the image's site-packages */
export const pipTool: Program = (ctx, argv) => {
  const args = argv.slice(1);
  if (args[0] !== 'install') return exited(1, stderrLine(`ERROR: only pip install is simulated`));
  const fs = ctx.sys.fs;
  const names: string[] = [];
  // --prefix installs under another root (a build stage's /install, copied into the final image)
  let prefix = '/usr/local';
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '--prefix') prefix = args[++i] ?? prefix;
    else if (args[i]!.startsWith('--prefix=')) prefix = args[i]!.slice('--prefix='.length);
    else if (args[i] === '-r' || args[i] === '--requirement') {
      const file = resolvePath(ctx.workingDir || '/', args[++i] ?? '');
      if (fs.stat(file)?.type !== 'file') return exited(1, stderrLine(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${args[i]}'`));
      names.push(...fs.readFile(file).split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
    } else if (!args[i]!.startsWith('-')) names.push(args[i]!);
  }
  const wanted = names.map((n) => n.split(/[=<>~! [;]/)[0]!.toLowerCase());
  // an exact pin (`flask==3.0.3`) is the version pip installs
  const pinned = new Map(names.map((n) => /^([\w.-]+)(?:\[[^\]]*\])?==([\w.]+)/.exec(n)).filter((m) => m !== null).map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const all = [...new Set(wanted.flatMap((n) => [...(PIP_PACKAGES[n]?.requires ?? []), n]))].sort();
  const version = (n: string) => pinned.get(n) ?? PIP_PACKAGES[n]?.version ?? PIP_DEPENDENCY_VERSIONS[n] ?? '1.0.0';
  const pyVersion = (ctx.env['PYTHON_VERSION'] ?? '3.13.7').split('.').slice(0, 2).join('.');
  const site = `${resolvePath(ctx.workingDir || '/', prefix)}/lib/python${pyVersion}/site-packages`;
  for (const n of all) {
    const dir = `${site}/${n.replace(/-/g, '_')}`;
    fs.mkdir(dir, { parents: true });
    writeSized(fs, `${dir}/__init__.py`, `# ${n} ${version(n)}\n`, 0o644, PIP_PACKAGES[n]?.bytes ?? 120_000);
  }
  const output = [
    ...wanted.flatMap((n) => [`Collecting ${n}`, `  Downloading ${n.replace(/-/g, '_')}-${version(n)}-py3-none-any.whl.metadata (2.5 kB)`]),
    `Installing collected packages: ${all.join(', ')}`,
    `Successfully installed ${all.map((n) => `${n}-${version(n)}`).join(' ')}`,
  ];
  const took = 600 + all.length * 150;
  const lines = output.map((text, i) => ({ at: (took * i) / output.length, stream: 'stdout' as const, text }));
  if (ctx.sys.user.uid === 0) lines.push({ at: took, stream: 'stdout', text: ROOT_WARNING });
  return { output: lines, duration: took, code: 0 };
};
