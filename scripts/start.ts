// `npm start`: the course on http://127.0.0.1:4321, with the real-Docker bridge (bridge/). Builds first
// when dist/ is missing or was built from other sources (see lib/build-fingerprint.ts); a build needs no
// browser while the Mermaid cache is fresh. Arguments go to the bridge: `npm start -- --unsafe`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../bridge/main';
import { fingerprint } from './lib/build-fingerprint';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, '.astro', 'dockhand-build.sha256');

const current = fingerprint(root);
const built = existsSync(join(root, 'dist/index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current;
if (!built) {
  console.log('Building the course (first start, or the sources changed)…');
  const build = spawnSync('astro', ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, current);
}

// the bridge moves to the next free port when 4321 is taken, and prints where it really listens
await serve(join(root, 'dist'), process.argv.slice(2));
