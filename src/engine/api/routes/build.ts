// Engine API build endpoints. POST /build takes what the CLI sends — the Dockerfile and the context
// (in Docker a tar stream and a BuildKit session; here the files as JSON) — and answers with the
// progress BuildKit streams back. GET /build/history is the simulator's counterpart of BuildKit's build
// records (`docker buildx history`): the lab's layer view reads the last build's layers, cache
// decisions and hints from it.
import type { Daemon } from '../../daemon/daemon';
import { runBuild, type BuildPorts } from '../../builder/daemon-build';
import type { BuildRequest } from '../../builder/build';
import { pruneBuildCache } from '../../builder/prune';
import { builderOf } from '../../builder/state';
import type { Router } from '../router';

export function registerBuildRoutes(router: Router, d: Daemon, ports: (d: Daemon) => BuildPorts): void {
  router.add('POST', '/build', ({ body }) => ({ status: 200, body: runBuild(d, body as BuildRequest, ports(d)) }));

  router.add('GET', '/build/history', () => ({ status: 200, body: builderOf(d.state).history }));

  router.add('POST', '/build/prune', ({ query }) => ({
    status: 200,
    body: pruneBuildCache(builderOf(d.state), d.state.images, query.all === '1' || query.all === 'true'),
  }));
}
