// one-off: remove `pending` from entries that now pass (all scenarios); never adds markers
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/engine';
import { loadTranscripts, replay } from './compare';
const dir = '/work/main/test/golden';
for (const { name, entries } of loadTranscripts(dir)) {
  if (!entries.some((e) => (e as { pending?: string }).pending)) continue;
  const plain = entries.map((e) => { const { pending, ...rest } = e as typeof e & { pending?: string }; return rest; });
  const results = replay(createEngine({ images: ['busybox:latest'] }), plain as typeof entries);
  const file = join(dir, `${name}.jsonl`);
  const raw = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let k = 0, removed = 0;
  const out = raw.map((line) => {
    const o = JSON.parse(line);
    if (!('cmd' in o)) return line;
    const r = results[k++]!;
    if (o.pending && r.pass) { removed++; return line.replace(/, "pending": "[^"]*"|,"pending":"[^"]*"/, ''); }
    return line;
  });
  if (removed) writeFileSync(file, out.join('\n') + '\n');
  console.log(name, 'unpended', removed, 'still', entries.filter((e, i) => (e as { pending?: string }).pending && !results[i]!.pass).length);
}
