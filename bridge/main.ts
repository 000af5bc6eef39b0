// The bridge on its own, serving an already built dist/ (`npm start` builds first, then calls `serve`).
//   tsx bridge/main.ts [--port N] [--unsafe] [--workspace DIR]
// Prints the address with the token in its fragment: the only place the token is ever written.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SECURITY_LESSON } from '../src/lab/real/protocol';
import { startBridge } from './server';

export async function serve(dist: string, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '4321' }, unsafe: { type: 'boolean', default: false }, workspace: { type: 'string' } } });
  const bridge = await startBridge({ dist, port: Number(values.port), unsafe: values.unsafe, workspace: values.workspace });
  const engine = await bridge.engineStatus();
  console.log(`\nDockhand is running at ${bridge.url}`);
  console.log('  Open that address (it carries a one-time key) to get the "Real Docker" switch in the labs.');
  console.log(`  Real Docker: ${engine.reachable ? `engine ${engine.version} found` : engine.help}`);
  console.log(`  Bind mounts are limited to ${bridge.workspace}${values.unsafe ? ' … except they are not: --unsafe lifts the flag and mount refusals (-H, --context and --tls stay refused).' : ''}`);
  if (!values.unsafe) console.log(`  Some flags are refused (see ${SECURITY_LESSON}); --unsafe lifts that.`);
  if (!bridge.tty) console.log('  node-pty is not installed: commands run without a terminal, so `-it` is refused.');
  console.log('  Ctrl+C stops it.\n');
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve(fileURLToPath(new URL('../dist/', import.meta.url)), process.argv.slice(2));
}
