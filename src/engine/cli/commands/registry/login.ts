// `docker login` / `docker logout`. The simulator's stdin is not a terminal, so like the real CLI on a
// pipe, login needs both --username and --password (with the CLI's warnings on stderr).
import { isError } from '../../../api/http';
import { INDEX_SERVER } from '../../../registry/hub';
import type { CommandContext } from '../../command';
import { daemonFailure } from '../system/output';

const INSECURE_PASSWORD = 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n';
const UNENCRYPTED = `
WARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.
Configure a credential helper to remove this warning. See
https://docs.docker.com/go/credential-store/

`;

/** `docker.io`, `index.docker.io` and no argument all mean Docker Hub's index server. */
function serverAddress(arg: string | undefined): string {
  if (
    !arg ||
    ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(
      arg.replace(/^https?:\/\//, '').replace(/\/.*$/, ''),
    )
  ) {
    return INDEX_SERVER;
  }
  return arg;
}

/** cli login.go verifyLoginFlags: what was given (even empty) matters, checked in this order. */
function verifyLoginFlags(changed: ReadonlySet<string>, username: string, password: string): string | undefined {
  if (changed.has('password-stdin')) {
    if (changed.has('password')) return 'conflicting options: cannot specify both --password and --password-stdin';
    if (!changed.has('username')) return 'the --password-stdin option requires --username to be set';
  }
  if (changed.has('username') && username === '') return 'username is empty';
  if (changed.has('password') && password === '') return 'password is empty';
  return undefined;
}

export function login(ctx: CommandContext): number {
  const { inv, io, api } = ctx;
  const username = (inv.flags.username as string) ?? '';
  const password = (inv.flags.password as string) ?? '';
  const flagError = verifyLoginFlags(inv.changed, username, password);
  if (flagError) {
    io.err(flagError + '\n');
    return 1;
  }
  if (password) io.err(INSECURE_PASSWORD);
  // --password-stdin reads an empty stdin here, so it ends at the prompt like a missing password
  if (!username || !password) {
    io.err('Error: Cannot perform an interactive login from a non TTY device\n');
    return 1;
  }
  const res = api.request({
    method: 'POST',
    path: '/auth',
    body: { username, password, serveraddress: serverAddress(inv.args[0]) },
  });
  if (isError(res)) return daemonFailure(io, res);
  io.err(UNENCRYPTED);
  io.out('Login Succeeded\n');
  return 0;
}

export function logout(ctx: CommandContext): number {
  const server = serverAddress(ctx.inv.args[0]);
  ctx.api.request({ method: 'POST', path: '/auth/logout', body: { serveraddress: server } });
  ctx.io.out(`Removing login credentials for ${server}\n`);
  return 0;
}
