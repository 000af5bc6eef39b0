// one-off: mark failing entries of given scenarios pending (with a reason), unmark passing pending ones
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine';
import { loadTranscripts, replay } from './compare';
const dir = dirname(fileURLToPath(import.meta.url));
const [scenario, reason] = process.argv.slice(2);
for (const { name, entries } of loadTranscripts(dir)) {
  if (name !== scenario) continue;
  const plain = entries.map((e) => { const { pending, ...rest } = e as typeof e & { pending?: string }; return rest; });
  const results = replay(createEngine({ images: ['busybox:latest'] }), plain as typeof entries);
  const file = join(dir, `${name}.jsonl`);
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let k = 0;
  const out = lines.map((line) => {
    const o = JSON.parse(line);
    if (!('cmd' in o)) return line;
    const r = results[k++]!;
    delete o.pending;
    if (!r.pass && !o.skip) o.pending = reason;
    return JSON.stringify(o);
  });
  writeFileSync(file, out.join('\n') + '\n');
  console.log(name, results.filter((r) => !r.pass && !r.entry.skip).length, 'pending of', results.length);
}
