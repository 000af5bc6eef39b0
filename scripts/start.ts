// `npm start`: the course on http://127.0.0.1:4321. Builds first when dist/ is missing or was built from
// other sources (see lib/build-fingerprint.ts); a build needs no browser while the Mermaid cache is fresh.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { fingerprint } from './lib/build-fingerprint';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';
const port = 4321;
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

// Astro moves to the next free port when 4321 is taken, so print where it really listens.
const server = await preview({ root, logLevel: 'warn', server: { host, port } });
console.log(`\nDockhand is running at http://${host}:${server.port}/ (Ctrl+C to stop)\n`);
await server.closed();
