// POST /auth: the daemon checks credentials against the registry. The simulated Docker Hub accepts any
// well-formed username with a non-empty password (there are no real accounts); other registries are
// unreachable, as for pulls.
import type { Daemon } from '../../daemon/daemon';
import { serverError, DaemonError } from '../../daemon/errors';
import { INDEX_SERVER } from '../../registry/hub';
import type { Router } from '../router';

const USERNAME = /^[a-z0-9]{4,30}$/;

export function registerAuthRoutes(router: Router, d: Daemon): void {
  router.add('POST', '/auth', ({ body }) => {
    const b = (body ?? {}) as { username?: string; password?: string; serveraddress?: string };
    const server = b.serveraddress || INDEX_SERVER;
    if (server !== INDEX_SERVER) {
      const host = server.replace(/^https?:\/\//, '').split('/')[0]!;
      throw serverError(`Get "https://${host}/v2/": dial tcp: lookup ${host.split(':')[0]}: no such host`);
    }
    if (!USERNAME.test(b.username ?? '') || !b.password) {
      throw new DaemonError(
        401,
        'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
      );
    }
    d.state.images.hub.logins[INDEX_SERVER] = b.username!;
    return { status: 200, body: { Status: 'Login Succeeded', IdentityToken: '' } };
  });

  router.add('POST', '/auth/logout', ({ body }) => {
    const b = (body ?? {}) as { serveraddress?: string };
    delete d.state.images.hub.logins[b.serveraddress || INDEX_SERVER];
    return { status: 200, body: null };
  });
}
