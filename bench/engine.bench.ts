// npm run bench: latency per command (p50/p99) with 10, 100 and 1,000 containers, and the engine's
// memory per container. Targets: p99 < 1 ms per command, `ps -a` < 5 ms at 1,000 containers.
// Not part of `npm test`: timings depend on the machine.
import { createEngine } from '../src/engine';
import type { Engine } from '../src/engine';

const SIZES = [10, 100, 1000];
const ITERATIONS = 200;
const WARMUP = 50;

/** command lines measured at every size; {i} is replaced by an iteration number */
const COMMANDS = [
  'docker ps',
  'docker ps -a',
  'docker ps -a --format "{{.Names}} {{.Status}}"',
  'docker ps -a --filter status=running -q',
  'docker inspect c5',
  'docker logs c5',
  'docker stop c5',
  'docker start c5',
  'docker run -d --name b{i} busybox sleep 3600',
  'docker rm -f b{i}',
  'docker create --name k{i} -p {port}:80 busybox',
  'docker images',
  'docker volume ls',
  'docker network ls',
  'docker stop',
  'docker run --foo busybox',
];

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function populate(n: number): { engine: Engine; bytesPerContainer: number } {
  const engine = createEngine({ images: ['busybox:latest'] });
  const before = heapUsed();
  for (let i = 0; i < n; i++) {
    const r = engine.exec(`docker run -d --name c${i} busybox sleep 3600`);
    if (r.exit !== 0) throw new Error(`setup failed at ${i}: ${r.stderr}`);
  }
  return { engine, bytesPerContainer: (heapUsed() - before) / n };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (x: number) => x.toFixed(3).padStart(8);

for (const n of SIZES) {
  const { engine, bytesPerContainer } = populate(n);
  console.log(
    `\n${n} containers — heap per container: ${(bytesPerContainer / 1024).toFixed(1)} KiB${gc ? '' : ' (run with --expose-gc for exact numbers)'}`,
  );
  console.log(`${'command'.padEnd(52)}  p50 ms   p99 ms   max ms`);
  const overTarget: string[] = [];
  for (const template of COMMANDS) {
    const times: number[] = [];
    // the first WARMUP runs let the JIT settle and are not measured
    for (let i = -WARMUP; i < ITERATIONS; i++) {
      const line = template.replace('{i}', `${n}x${i + WARMUP}`).replace('{port}', String(20000 + WARMUP + i));
      const t0 = performance.now();
      engine.exec(line);
      if (i >= 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    const target = template === 'docker ps -a' ? 5 : 1;
    if (p99 >= target) overTarget.push(`${template} (${p99.toFixed(2)} ms)`);
    console.log(`${template.padEnd(52)} ${ms(percentile(times, 50))} ${ms(p99)} ${ms(times[times.length - 1]!)}`);
  }
  const t0 = performance.now();
  const snap = engine.snapshot();
  const t1 = performance.now();
  createEngine().restore(snap);
  console.log(
    `snapshot ${ms(t1 - t0)} ms, restore ${ms(performance.now() - t1)} ms, JSON ${(JSON.stringify(snap).length / 1024).toFixed(0)} KiB`,
  );
  console.log(overTarget.length ? `over target (p99 < 1 ms, ps -a < 5 ms): ${overTarget.join('; ')}` : 'every p99 within target');
}
