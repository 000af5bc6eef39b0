// Writes the discrepancy report between the golden transcripts and the simulator (markdown on stdout):
// the same replay and normalisation as golden.test.ts, but every mismatch is listed with expected vs
// actual text, grouped by command family, most frequent causes first.
//   usage: npx tsx test/golden/report.ts > notes/golden-diff.md
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine, EngineOptions } from '../../src/engine/engine';
import { loadHelpTexts, loadTranscripts, replay, type Result } from './compare';

interface Mismatch extends Result {
  scenario: string;
  line: number;
  /** true for the first mismatch of its transcript: later ones may be consequences */
  first: boolean;
}

const { createEngine } = (await import(process.env.GOLDEN_ENGINE ?? '../../src/engine')) as {
  createEngine: (o: EngineOptions) => Engine;
};

const mismatches: Mismatch[] = [];
const perScenario: { name: string; pass: number; fail: number; skip: number }[] = [];

const dir = dirname(fileURLToPath(import.meta.url));
for (const { name, entries } of loadTranscripts(dir)) {
  const tally = { name, pass: 0, fail: 0, skip: 0 };
  replay(createEngine({ images: ['busybox:latest'] }), entries).forEach((r, i) => {
    if (r.entry.skip) tally.skip++;
    else if (r.pass) tally.pass++;
    else mismatches.push({ ...r, scenario: name, line: i + 1, first: ++tally.fail === 1 });
  });
  perScenario.push(tally);
}

/** `docker container ls` and `docker ps` are one family; management commands keep their subcommand. */
function family(cmd: string): string {
  const words = cmd.split(/\s+/).slice(1).filter((w) => !w.startsWith('-'));
  const [a = '', b = ''] = words;
  if (a === 'container') return `docker ${b === 'ls' || b === 'list' ? 'ps' : b}`;
  if (['image', 'volume', 'network', 'system'].includes(a)) return `docker ${a} ${b}`.trim();
  return `docker ${a}`.trim();
}

/** First differing line between expected and actual, the usual root cause of a mismatch. */
function signature(m: Mismatch): string {
  for (const stream of ['stderr', 'stdout'] as const) {
    const want = m.expected[stream].split('\n');
    const got = m.actual[stream].split('\n');
    const i = want.findIndex((l, k) => l !== got[k]);
    const j = i === -1 && got.length !== want.length ? want.length : i;
    if (j !== -1) return `${stream}: expected ${JSON.stringify(want[j] ?? '(end)')} got ${JSON.stringify(got[j] ?? '(end)')}`;
  }
  if (m.expected.exit !== m.actual.exit) return `exit: expected ${m.expected.exit} got ${m.actual.exit}`;
  return `layout: ${m.actual.layout[0]}`;
}

const block = (s: string): string => {
  // control characters (a NUL from /proc/1/cmdline) would make the markdown a binary file
  // eslint-disable-next-line no-control-regex
  const lines = s.replace(/[\x00-\x08\x0b-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).split('\n');
  const shown = lines.length > 14 ? [...lines.slice(0, 14), `… (${lines.length - 14} more lines)`] : lines;
  return '```\n' + shown.join('\n').replace(/```/g, "'''") + '\n```';
};

function describeMismatch(m: Mismatch): string {
  const out: string[] = [`#### ${m.scenario}:${m.line} \`${m.entry.cmd}\`${m.first ? '' : ' (after earlier mismatches)'}`];
  if (m.entry.engine28) out.push(`Expected text is Engine 28's: ${m.entry.engine28}.`);
  for (const stream of ['stdout', 'stderr'] as const) {
    if (m.expected[stream] === m.actual[stream]) continue;
    out.push(`${stream} expected (golden, normalised):`, block(m.expected[stream]));
    out.push(`${stream} actual (simulator, normalised):`, block(m.actual[stream]));
  }
  if (m.expected.exit !== m.actual.exit) out.push(`exit: expected **${m.expected.exit}**, actual **${m.actual.exit}**`);
  if (m.actual.layout.length) {
    out.push("table layout (the simulator's raw table is not what docker's tabwriter prints):", block(m.actual.layout.join('\n')));
    out.push('raw simulator stdout:', block(m.raw.stdout));
  }
  return out.join('\n\n');
}

const total = perScenario.reduce((t, s) => ({ pass: t.pass + s.pass, fail: t.fail + s.fail, skip: t.skip + s.skip }), {
  pass: 0,
  fail: 0,
  skip: 0,
});
const lines: string[] = [
  '# Golden transcripts vs the simulator: discrepancy report',
  '',
  `Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npx tsx test/golden/report.ts\` ` +
    '(same replay and normalisation as `test/golden/golden.test.ts`; see `test/golden/README.md`). ' +
    'Expected texts are real Docker CLI 28.2.2 output (Engine 28 wording where marked). IDs, times and pool IPs ' +
    'appear as `<idN>`, `<dur>`, `<time>`, `<ipN>` placeholders; table rows as cells joined with ` | `.',
  '',
  `**${total.pass} pass, ${total.fail} fail, ${total.skip} skipped** of ${total.pass + total.fail + total.skip} entries.`,
  '',
  '| scenario | pass | fail | skip |',
  '|---|---|---|---|',
  ...perScenario.map((s) => `| ${s.name} | ${s.pass} | ${s.fail} | ${s.skip} |`),
  '',
];

const helpEngine = createEngine({ images: ['busybox:latest'] });
const helpTexts = loadHelpTexts(join(dir, 'help'));
const helpDiffs = helpTexts.filter(({ command, text }) => {
  const r = helpEngine.exec(`${command} --help`);
  return r.stdout !== text || r.stderr !== '' || r.exit !== 0;
});
lines.push(
  `Help texts (\`test/golden/help/*.txt\`, byte-exact): ${helpTexts.length - helpDiffs.length} of ${helpTexts.length} identical` +
    (helpDiffs.length ? `; differing: ${helpDiffs.map((h) => `\`${h.command} --help\``).join(', ')}.` : '.'),
  '',
);

// hand-written analysis kept next to the transcripts, so regenerating the report keeps it
const notes = join(dir, 'report-notes.md');
if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8').trim(), '');

const causes = new Map<string, Mismatch[]>();
for (const m of mismatches) causes.set(signature(m), [...(causes.get(signature(m)) ?? []), m]);
lines.push('## Most frequent first differences', '', 'The first differing line of each mismatch, counted; fix these first.', '');
for (const [sig, ms] of [...causes].sort((a, b) => b[1].length - a[1].length).slice(0, 25)) {
  const where = ms.slice(0, 3).map((m) => `${m.scenario}:${m.line}`).join(', ');
  lines.push(`- **${ms.length}×** ${sig.length > 300 ? sig.slice(0, 300) + '…' : sig} — e.g. ${where}`);
}
lines.push('');

// What runs inside the container belongs to the runtime issue: listed last, apart from the engine's own output.
const RUNTIME = 'inside the container (runtime issue)';
const isRuntime = (m: Mismatch): boolean =>
  m.scenario === 'internals' || m.actual.stderr.includes('not available in the Dockhand simulator yet');
const families = new Map<string, Mismatch[]>();
for (const m of mismatches) {
  const key = isRuntime(m) ? RUNTIME : family(m.entry.cmd);
  families.set(key, [...(families.get(key) ?? []), m]);
}
const order = ([fam, ms]: [string, Mismatch[]]): number => (fam === RUNTIME ? 1e6 : 0) - ms.length;
lines.push('## By command family (most mismatches first; container internals last)', '');
for (const [fam, ms] of [...families].sort((a, b) => order(a) - order(b))) {
  lines.push(`### \`${fam}\` — ${ms.length} mismatch${ms.length === 1 ? '' : 'es'}`, '');
  for (const m of ms) lines.push(describeMismatch(m), '');
}
process.stdout.write(lines.join('\n') + '\n');
