// `docker image inspect` and `docker tag`.
import { isError } from '../../../api/http';
import { parseNormalizedNamed, familiarName } from '../../../registry/reference';
import type { CommandContext } from '../../command';
import { goStruct } from '../../format/gofmt';
import { daemonErrorLine, daemonFailure, emptyIdError, printInspect } from '../system/output';
import { platformError } from './platform';

/** every field of the OCI image config, as the CLI's struct has them when the JSON omits them */
const EMPTY_CONFIG = {
  User: '',
  ExposedPorts: null,
  Env: null,
  Entrypoint: null,
  Cmd: null,
  Volumes: null,
  WorkingDir: '',
  Labels: null,
  StopSignal: '',
  ArgsEscaped: false,
  Healthcheck: null,
  OnBuild: null,
  Shell: null,
};

type ImageJson = Record<string, unknown> & { Config: Record<string, unknown> };
/** image.InspectResponse as the CLI decodes it: a struct (unknown fields are template errors) */
export const typedImage = (raw: ImageJson) =>
  goStruct('image.InspectResponse', { Variant: '', OsVersion: '', ...raw, Config: { ...EMPTY_CONFIG, ...raw.Config } });

export function imageInspect(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const badPlatform = platformError((inv.flags.platform as string | undefined) ?? '');
  if (badPlatform) {
    io.err(badPlatform + '\n');
    return 1;
  }
  const found: ImageJson[] = [];
  const errors: string[] = [];
  for (const name of inv.args) {
    const invalid = emptyIdError('image', name);
    if (invalid) {
      errors.push(invalid);
      continue;
    }
    const res = api.request<ImageJson>({ method: 'GET', path: `/images/${encodeURIComponent(name)}/json` });
    if (isError(res)) errors.push(daemonErrorLine(res));
    else found.push(res.body);
  }
  return printInspect(io, found, errors, (inv.flags.format as string) ?? '', typedImage);
}

export function imageTag(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const [source, target] = inv.args as [string, string];
  let ref;
  try {
    ref = parseNormalizedNamed(target);
  } catch (e) {
    io.err(`Error parsing reference: "${target}" is not a valid repository/tag: ${(e as Error).message}\n`);
    return 1;
  }
  if (ref.digest) {
    io.err(`Error response from daemon: refusing to create a tag with a digest reference\n`);
    return 1;
  }
  const res = api.request({
    method: 'POST',
    path: `/images/${encodeURIComponent(source)}/tag`,
    query: { repo: familiarName(ref), tag: ref.tag },
  });
  if (isError(res)) return daemonFailure(io, res);
  return 0;
}
