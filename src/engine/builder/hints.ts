// The course's best-practice hints on a Dockerfile that built. Real Docker prints none of this: the
// hints travel on the build record (the lab shows them beside the terminal), never in the output.
// Each links to the lesson section that explains it; the anchors live in HINT_LINKS only.
import type { Dockerfile, Instruction } from './dockerfile/instructions';
import type { BuildContext } from './context';
import type { BuildHint } from './state';

export const HINT_LINKS = {
  'pin-base-image': '/lessons/best-practices-security/#pin-update-and-shrink-images',
  'non-root-user': '/lessons/best-practices-security/#run-as-a-non-root-user',
  'dependencies-first': '/lessons/writing-dockerfiles/#ordering-for-the-cache',
  'apt-get-update-alone': '/lessons/writing-dockerfiles/#the-instructions-one-by-one',
  'secrets-in-build-config': '/lessons/best-practices-security/#secrets',
  'missing-dockerignore': '/lessons/writing-dockerfiles/#the-build-context-and-dockerignore',
} as const;

export type HintId = keyof typeof HINT_LINKS;

const INSTALL = /\b(npm (ci|install|i)\b|yarn( install)?\b|pnpm install|pip3? install|poetry install|go mod download|go build|bundle install|composer install|mvn |gradle )/;
const SECRET_NAME = /(?:^|_)(?:apikey|api_key|password|passwd|secret|token|credentials?)(?:$|_)/i;
const copiesWholeContext = (i: Instruction) =>
  (i.kind === 'COPY' || i.kind === 'ADD') && !i.from && i.sources.some((s) => s === '.' || s === './' || s === '*');

/** `finalUser`: the built image's Config.User ('' is root) */
export function buildHints(df: Dockerfile, target: number, ctx: BuildContext, finalUser: string): BuildHint[] {
  const hints: BuildHint[] = [];
  const add = (id: HintId, line: number, message: string) => hints.push({ id, line, message, link: HINT_LINKS[id] });
  const stage = df.stages[target];
  if (!stage) return hints;
  const stageNames = new Set(df.stages.map((s) => s.name).filter(Boolean));

  for (const s of df.stages) {
    const base = s.baseName;
    if (base === 'scratch' || stageNames.has(base.toLowerCase()) || base.includes('$') || base.includes('@')) continue;
    const tag = base.slice(base.lastIndexOf('/') + 1).split(':')[1];
    if (!tag || tag === 'latest')
      add('pin-base-image', s.node.startLine, `${base} is ${tag ? 'the moving "latest" tag' : 'unpinned (it means :latest)'}: pin a version such as ${base.split(':')[0]}:<version> so rebuilds get the same base.`);
  }

  const users = stage.instructions.filter((i) => i.kind === 'USER');
  if (finalUser === '' || finalUser === 'root' || finalUser === '0' || finalUser.startsWith('0:') || finalUser.startsWith('root:'))
    add('non-root-user', users.length ? users[users.length - 1]!.node.startLine : 0, 'The container will run as root: add a USER instruction with an unprivileged user.');

  for (const s of df.stages) {
    const wholeCopy = s.instructions.findIndex(copiesWholeContext);
    if (wholeCopy >= 0) {
      const install = s.instructions.slice(wholeCopy + 1).find((i) => i.kind === 'RUN' && INSTALL.test(i.cmd.join(' ')));
      if (install && install.kind === 'RUN' && !/go build/.test(install.cmd.join(' ')))
        add('dependencies-first', s.instructions[wholeCopy]!.node.startLine, 'Copying the whole context before installing dependencies reruns the install after every source change: copy the dependency files (package.json, requirements.txt …) first, install, then copy the rest.');
    }
    for (const i of s.instructions) {
      if (i.kind === 'RUN' && /apt-get update/.test(i.cmd.join(' ')) && !/apt-get (-\S+ )*install/.test(i.cmd.join(' ')))
        add('apt-get-update-alone', i.node.startLine, 'apt-get update in its own RUN is cached on its own and goes stale: run it in the same RUN as apt-get install.');
      const names = i.kind === 'ENV' ? i.pairs.map(([k]) => k) : i.kind === 'ARG' ? i.args.map((a) => a.key) : [];
      for (const n of names.filter((k) => SECRET_NAME.test(k)))
        add('secrets-in-build-config', i.node.startLine, `${n} in ${i.kind} is stored in the image (docker history and inspect show it): pass secrets with RUN --mount=type=secret instead.`);
    }
  }

  if (!ctx.hasDockerignore && df.stages.some((s) => s.instructions.some(copiesWholeContext)))
    add('missing-dockerignore', 0, 'COPY . sends the whole folder, with no .dockerignore to leave out node_modules, .git or secrets.');
  return hints;
}
