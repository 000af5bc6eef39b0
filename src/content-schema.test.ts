// The lesson schema (src/content.config.ts) as authors meet it: `astro sync` on a one-lesson project.
// Bad front matter must stop the build and name both the file and the field.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// inside node_modules/ so the probe projects resolve astro and @astrojs/mdx like the real one
const probes = join(root, 'node_modules/.cache/lesson-schema');
mkdirSync(probes, { recursive: true });
afterAll(() => rmSync(probes, { recursive: true, force: true }));

const valid: Record<string, string> = {
  title: 'A lesson',
  description: 'What it is about.',
  module: 'foundations',
  order: '1',
  minutes: '5',
  objectives: '[Do a thing]',
};

async function sync(frontMatter: Record<string, string>, quiz?: string): Promise<{ failed: boolean; output: string }> {
  const dir = mkdtempSync(join(probes, 'probe-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'content/lessons'), { recursive: true });
  cpSync(join(root, 'src/content.config.ts'), join(dir, 'src/content.config.ts'));
  // the config validates quizzes with src/lib/quiz, which runs command answers through src/engine
  for (const folder of ['lib', 'engine']) symlinkSync(join(root, 'src', folder), join(dir, 'src', folder));
  cpSync(join(root, 'content/modules.yaml'), join(dir, 'content/modules.yaml'));
  writeFileSync(join(dir, 'astro.config.mjs'), "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()] };\n");
  const yaml = Object.entries(frontMatter).map(([key, value]) => `${key}: ${value}`).join('\n');
  writeFileSync(join(dir, 'content/lessons/probe.mdx'), `---\n${yaml}\n---\n\nText.\n`);
  if (quiz) {
    mkdirSync(join(dir, 'content/quizzes'));
    writeFileSync(join(dir, 'content/quizzes/probe-quiz.yaml'), quiz);
  }
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [astro, 'sync', '--root', dir], { env });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { failed: true, output: stdout + stderr };
  }
}

describe.concurrent('lesson front matter', { timeout: 30_000 }, () => {
  it('accepts a complete lesson', async () => {
    expect((await sync(valid)).failed).toBe(false);
  });

  it.each([
    ['a field of the wrong type', { ...valid, minutes: 'ten' }, 'minutes'],
    ['a missing field', Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'objectives')), 'objectives'],
    ['an unknown (misspelt) field', { ...valid, objective: '[typo]' }, '"objective"'],
  ])('rejects %s, naming the file and the field', async (_, frontMatter, field) => {
    const { failed, output } = await sync(frontMatter);
    expect(failed).toBe(true);
    expect(output).toContain('probe.mdx');
    expect(output).toContain(field);
  });
});

describe.concurrent('quiz files', { timeout: 30_000 }, () => {
  const quiz = (answer: string) => `lesson: probe
questions:
  - id: probe-1
    kind: command
    concept: ports
    section: text
    prompt: Run nginx as web.
    scenario: { description: An empty host. }
    answer: ${answer}
    expect: { container: { name: web, state: running } }
    explanation: Because.
`;

  it('accepts a command question whose answer does what it expects', async () => {
    expect((await sync(valid, quiz('docker run -d --name web nginx'))).failed).toBe(false);
  });

  it('rejects one whose answer does not, saying why', async () => {
    const { failed, output } = await sync(valid, quiz('docker create --name web nginx'));
    expect(failed).toBe(true);
    expect(output).toContain('probe-quiz');
    expect(output).toContain('`web` is created, but it should be running');
  });
});
