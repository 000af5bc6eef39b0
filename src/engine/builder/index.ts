// What the builder offers outside the engine's command line: the records of recent builds (the lab's
// layer view reads them with `engine.read('/build/history')`) and a check of a Dockerfile as it is
// being edited (the parse error BuildKit would stop at, and its build-check warnings).
import { readDockerfile } from './dockerfile/instructions';
import { DockerfileError } from './dockerfile/parse';
import { lintWarnings, type LintWarning } from './lint';

export type { BuildRecord, BuiltLayer, BuildHint } from './state';
export type { LintWarning } from './lint';
export { HINT_LINKS, type HintId } from './hints';

export interface DockerfileCheck {
  /** BuildKit's message and the lines it concerns (0: the file as a whole) */
  error?: { message: string; startLine: number; endLine: number };
  warnings: LintWarning[];
}

export function checkDockerfile(text: string): DockerfileCheck {
  try {
    return { warnings: lintWarnings(readDockerfile(text)) };
  } catch (e) {
    if (!(e instanceof DockerfileError)) throw e;
    return { error: { message: e.message, startLine: e.startLine, endLine: e.endLine }, warnings: [] };
  }
}
