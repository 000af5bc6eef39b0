// `docker build` output compared by structure, not text. The recording machine has no buildx, so its
// `docker build` runs the classic builder (`Step 2/5 : …`, ` ---> Using cache`, on stdout), while the
// simulator prints what Docker 28 prints (BuildKit plain progress on stderr). Both reduce to the same
// summary: the file-system steps in order with their cache decision, the tags, and how the build ended.
import type { Output } from './normalise';

export const isBuildCommand = (cmd: string): boolean => /^docker (?:image |builder |buildx )?build\b/.test(cmd);

/** only steps that BuildKit shows as steps of their own (metadata instructions are not) */
const FS_STEP = /^(RUN|COPY|ADD|WORKDIR)\b/i;

const fullName = (tag: string) => (tag.includes('/') ? tag : `docker.io/library/${tag}`) + (/:[^/]+$/.test(tag) ? '' : ':latest');

function classic(out: Output): string[] {
  const lines = (out.stdout + out.stderr).split('\n');
  const summary: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const step = /^Step \d+\/\d+ : (.*)$/.exec(lines[i]!);
    if (step && FS_STEP.test(step[1]!)) summary.push(`${lines[i + 1] === ' ---> Using cache' ? 'cached' : 'ran   '} ${step[1]}`);
    const tagged = /^Successfully tagged (.*)$/.exec(lines[i]!);
    if (tagged) summary.push(`tagged ${fullName(tagged[1]!)}`);
    const failed = /^The command '(.*)' returned a non-zero code: (\d+)$/.exec(lines[i]!);
    if (failed) summary.push(`failed: ${failed[1]} exited ${failed[2]}`);
    const parse = /dockerfile parse error line (\d+): (.*)$/.exec(lines[i]!);
    if (parse) summary.push(`parse error on line ${parse[1]}: ${parse[2]}`);
  }
  return summary;
}

function buildkit(out: Output): string[] {
  const summary: string[] = [];
  const names = new Map<string, string>();
  for (const line of (out.stdout + out.stderr).split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (m) {
      const [, id, text] = m as unknown as [string, string, string];
      if (!names.has(id)) names.set(id, text);
      else {
        const step = /^\[[^\]]*\d+\/\d+\] (.*)$/.exec(names.get(id)!)?.[1];
        if (step && FS_STEP.test(step) && (text === 'CACHED' || text.startsWith('DONE') || text.startsWith('ERROR')))
          summary.push(`${text === 'CACHED' ? 'cached' : 'ran   '} ${step}`);
        const tagged = /^naming to (\S+) done$/.exec(text);
        if (tagged) summary.push(`tagged ${tagged[1]}`);
      }
    }
    const failed = /^ERROR: .*process "(.*)" did not complete successfully: exit code: (\d+)$/.exec(line);
    if (failed) summary.push(`failed: ${failed[1]} exited ${failed[2]}`);
    // BuildKit words the same parse error with "on line" and may add a suggestion
    const parse = /^ERROR: .*dockerfile parse error on line (\d+): (.*?)(?: \(did you mean \w+\?\))?$/.exec(line);
    if (parse) summary.push(`parse error on line ${parse[1]}: ${parse[2]}`);
  }
  return summary;
}

/** The comparable form of a build's output: one line per step / tag / failure, and ok (0) or not (1). */
export function buildSummary(out: Output): Output {
  const isClassic = /^Sending build context to Docker daemon/m.test(out.stdout) || /^Step \d+\/\d+ : /m.test(out.stdout);
  const lines = isClassic ? classic(out) : buildkit(out);
  return { stdout: lines.map((l) => l + '\n').join(''), stderr: '', exit: out.exit === 0 ? 0 : 1 };
}
