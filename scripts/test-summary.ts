// Prints the line .ci/run ends with, "N passed, N failed", from whichever test reports exist in reports/
// (a stage that never ran, because an earlier one failed, has none).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwrightCounts, sum, vitestCounts, type Counts } from './lib/test-counts';

const reports = fileURLToPath(new URL('../reports/', import.meta.url));

function fromReport<R>(file: string, count: (report: R) => Counts): Counts[] {
  const path = `${reports}${file}`;
  return existsSync(path) ? [count(JSON.parse(readFileSync(path, 'utf8')) as R)] : [];
}

const total = sum([...fromReport('unit.json', vitestCounts), ...fromReport('e2e.json', playwrightCounts)]);
console.log(`${total.passed} passed, ${total.failed} failed`);
