// `docker version` and `docker info`: the CLI's own fields plus what GET /version and GET /info report,
// laid out as docker/cli's templates do (version: tabwriter with minwidth 20; info: fixed text).
import { isError } from '../../../api/http';
import { ENGINE_DETAILS, SERVER_COMPONENTS } from '../../../daemon/system-info';
import type { CommandContext } from '../../command';
import { goJson, goStruct } from '../../format/gofmt';
import { tabwriteText } from '../../format/table';
import { GoTemplate, TemplateError } from '../../format/template';
import { bytesSize } from '../../format/units';
import { daemonErrorLine } from './output';

const CLIENT = {
  Platform: { Name: '' },
  Version: '28.2.2',
  ApiVersion: '1.50',
  DefaultAPIVersion: '1.50',
  GitCommit: 'e6534b4',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Fri May 30 12:07:14 2025',
  Context: 'default',
};

/** Go's time.ANSIC for a BuildTime like 2025-05-30T12:07:26.000000000+00:00 */
function ansic(iso: string): string {
  const d = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, ' ');
  return `${day} ${mon} ${dd} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Runs a user `--format` template (`json` alone prints `raw` as JSON); returns the exit code. */
function runTemplate(ctx: CommandContext, format: string, data: unknown, raw: unknown): number {
  if (format === 'json') {
    ctx.io.out(goJson(raw) + '\n');
    return 0;
  }
  try {
    ctx.io.out(GoTemplate.parse(format).execute(data) + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.io.err(`template parsing error: ${e.message}\n`);
    return 64;
  }
}

/** types.Version with Go's field names (templates say `.Server.APIVersion`, the JSON says ApiVersion) */
function serverVersion(v: Record<string, unknown>) {
  const { ApiVersion, ...rest } = v;
  return goStruct('*types.Version', { ...rest, APIVersion: ApiVersion });
}

export function version(ctx: CommandContext): number {
  const res = ctx.api.request<Record<string, unknown>>({ method: 'GET', path: '/version' });
  const server = isError(res) ? null : res.body;
  const format = (ctx.inv.flags.format as string) ?? '';
  if (format) {
    const { ApiVersion, ...clientRest } = CLIENT;
    const client = goStruct('*version.clientVersion', { ...clientRest, APIVersion: ApiVersion });
    const data = goStruct('version.versionInfo', { Client: client, Server: server && serverVersion(server) });
    return runTemplate(ctx, format, data, { Client: CLIENT, Server: server });
  }
  let text =
    `Client:\n Version:\t${CLIENT.Version}\n API version:\t${CLIENT.ApiVersion}\n Go version:\t${CLIENT.GoVersion}\n` +
    ` Git commit:\t${CLIENT.GitCommit}\n Built:\t${CLIENT.BuildTime}\n OS/Arch:\t${CLIENT.Os}/${CLIENT.Arch}\n Context:\t${CLIENT.Context}\n`;
  if (server) {
    const engine = ENGINE_DETAILS;
    text +=
      `\nServer: Docker Engine - Community\n Engine:\n  Version:\t${server.Version}\n` +
      `  API version:\t${engine.ApiVersion} (minimum version ${engine.MinAPIVersion})\n  Go version:\t${engine.GoVersion}\n` +
      `  Git commit:\t${engine.GitCommit}\n  Built:\t${ansic(engine.BuildTime)}\n  OS/Arch:\t${engine.Os}/${engine.Arch}\n` +
      `  Experimental:\t${engine.Experimental}\n`;
    for (const c of SERVER_COMPONENTS.slice(1))
      text += ` ${c.Name}:\n  Version:\t${c.Version}\n  GitCommit:\t${c.Details.GitCommit}\n`;
  }
  ctx.io.out(tabwriteText(text, { minWidth: 20, padding: 1 }));
  if (!server) {
    ctx.io.err(daemonErrorLine(res) + '\n');
    return 1;
  }
  return 0;
}

type Info = Record<string, unknown> & {
  DriverStatus: [string, string][];
  Plugins: { Volume: string[]; Network: string[]; Log: string[] };
  Runtimes: Record<string, unknown>;
  SecurityOptions: string[];
  RegistryConfig: { InsecureRegistryCIDRs: string[] };
  ContainerdCommit: { ID: string };
  RuncCommit: { ID: string };
  InitCommit: { ID: string };
  Swarm: { LocalNodeState: string };
  CDISpecDirs: string[];
};

function infoText(i: Info): string {
  const security = i.SecurityOptions.flatMap((o) => {
    const kv = Object.fromEntries(o.split(',').map((p) => p.split('=') as [string, string]));
    return kv.profile ? [`  ${kv.name}`, `   Profile: ${kv.profile}`] : [`  ${kv.name}`];
  });
  return [
    'Client:',
    ' Version:    28.2.2',
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${i.Containers}`,
    `  Running: ${i.ContainersRunning}`,
    `  Paused: ${i.ContainersPaused}`,
    `  Stopped: ${i.ContainersStopped}`,
    ` Images: ${i.Images}`,
    ` Server Version: ${i.ServerVersion}`,
    ` Storage Driver: ${i.Driver}`,
    ...i.DriverStatus.map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${i.LoggingDriver}`,
    ` Cgroup Driver: ${i.CgroupDriver}`,
    ` Cgroup Version: ${i.CgroupVersion}`,
    ' Plugins:',
    `  Volume: ${i.Plugins.Volume.join(' ')}`,
    `  Network: ${i.Plugins.Network.join(' ')}`,
    `  Log: ${i.Plugins.Log.join(' ')}`,
    ' CDI spec directories:',
    ...i.CDISpecDirs.map((dir) => `  ${dir}`),
    ` Swarm: ${i.Swarm.LocalNodeState}`,
    ` Runtimes: ${Object.keys(i.Runtimes).sort().join(' ')}`,
    ` Default Runtime: ${i.DefaultRuntime}`,
    ` Init Binary: ${i.InitBinary}`,
    ` containerd version: ${i.ContainerdCommit.ID}`,
    ` runc version: ${i.RuncCommit.ID}`,
    ` init version: ${i.InitCommit.ID}`,
    ' Security Options:',
    ...security,
    ` Kernel Version: ${i.KernelVersion}`,
    ` Operating System: ${i.OperatingSystem}`,
    ` OSType: ${i.OSType}`,
    ` Architecture: ${i.Architecture}`,
    ` CPUs: ${i.NCPU}`,
    ` Total Memory: ${bytesSize(i.MemTotal as number)}`,
    ` Name: ${i.Name}`,
    ` ID: ${i.ID}`,
    ` Docker Root Dir: ${i.DockerRootDir}`,
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    ...i.RegistryConfig.InsecureRegistryCIDRs.map((c) => `  ${c}`),
    ' Live Restore Enabled: false',
    '',
    '',
  ].join('\n');
}

export function info(ctx: CommandContext): number {
  const res = ctx.api.request<Info>({ method: 'GET', path: '/info' });
  if (isError(res)) {
    ctx.io.err(daemonErrorLine(res) + '\n');
    return 1;
  }
  const format = (ctx.inv.flags.format as string) ?? '';
  if (format) return runTemplate(ctx, format, goStruct('system.Info', res.body), res.body);
  ctx.io.out(infoText(res.body));
  return 0;
}
