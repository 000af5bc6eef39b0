import { dirname, join } from 'node:path';
import { createEngine } from '/work/main/src/engine';
import { loadTranscripts, replay } from '/work/main/test/golden/compare';
const dir = '/work/main/test/golden';
for (const { name, entries } of loadTranscripts(dir)) {
  if (name !== (process.argv[2] ?? 'net')) continue;
  const plain = entries.map((e) => { const { pending, ...rest } = e as typeof e & { pending?: string }; return rest; });
  replay(createEngine({ images: ['busybox:latest'] }), plain as typeof entries).forEach((r, i) => {
    if (r.pass || r.entry.skip) return;
    console.log(`--- ${i + 1} ${r.entry.cmd}\nEXPECTED ${JSON.stringify(r.expected)}\nACTUAL   ${JSON.stringify(r.actual)}`);
  });
}
