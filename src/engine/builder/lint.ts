// BuildKit's build checks (frontend/dockerfile/linter), the ones on by default in Docker 28: reported
// as `WARN:` lines of the build-definition step and summed up after the build. Not to be confused
// with the course's own hints (hints.ts), which real Docker does not print.
import type { Dockerfile } from './dockerfile/instructions';

export interface LintWarning {
  rule: string;
  message: string;
  line: number;
}

const SECRET_WORDS = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:$|_)/i;
const NOT_SECRET = /(?:^|_)(?:public)(?:$|_)/i;

export function lintWarnings(df: Dockerfile): LintWarning[] {
  const out: LintWarning[] = [];
  const warn = (rule: string, message: string, line: number) => out.push({ rule, message, line });
  const secretCheck = (kind: 'ARG' | 'ENV', key: string, line: number) => {
    if (SECRET_WORDS.test(key) && !NOT_SECRET.test(key))
      warn('SecretsUsedInArgOrEnv', `Do not use ARG or ENV instructions for sensitive data (${kind} "${key}")`, line);
  };
  for (const a of df.metaArgs) for (const { key } of a.args) secretCheck('ARG', key, a.node.startLine);
  const names = new Set<string>();
  for (const stage of df.stages) {
    const n = stage.node;
    const [kw, , as] = [n.keyword, n.args[0], n.args[1]];
    if (as && (kw === kw.toUpperCase()) !== (as === as.toUpperCase()))
      warn('FromAsCasing', `'${as}' and '${kw}' keywords' casing do not match`, n.startLine);
    const typedName = n.args[2];
    if (typedName && typedName !== typedName.toLowerCase())
      warn('StageNameCasing', `Stage name '${typedName}' should be lowercase`, n.startLine);
    if (stage.name && names.has(stage.name))
      warn('DuplicateStageName', `Duplicate stage name "${stage.name}", stage names should be unique`, n.startLine);
    names.add(stage.name);
    const seen: Record<string, number> = {};
    for (const inst of stage.instructions) {
      const line = inst.node.startLine;
      switch (inst.kind) {
        case 'CMD':
        case 'ENTRYPOINT':
          if (inst.shellForm)
            warn('JSONArgsRecommended', `JSON arguments recommended for ${inst.kind} to prevent unintended behavior related to OS signals`, line);
          seen[inst.kind] = (seen[inst.kind] ?? 0) + 1;
          if (seen[inst.kind] === 2)
            warn('MultipleInstructionsDisallowed', `Multiple ${inst.kind} instructions should not be used in the same stage because only the last one will be used`, line);
          break;
        case 'ENV':
        case 'LABEL':
          if (inst.node.legacyKeyValue)
            warn('LegacyKeyValueFormat', `"${inst.kind} key=value" should be used instead of legacy "${inst.kind} key value" format`, line);
          if (inst.kind === 'ENV') for (const [k] of inst.pairs) secretCheck('ENV', k, line);
          break;
        case 'ARG':
          for (const { key } of inst.args) secretCheck('ARG', key, line);
          break;
        case 'MAINTAINER':
          warn('MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label', line);
          break;
        case 'WORKDIR':
          if (!inst.value.startsWith('/') && !inst.value.startsWith('$'))
            warn('WorkdirRelativePath', `Relative workdir "${inst.value}" can have unexpected results if the base image changes`, line);
          break;
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
