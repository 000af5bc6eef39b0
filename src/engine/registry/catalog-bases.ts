// Base layers shared by several official images (what `FROM debian:bookworm` etc. brings in).
import type { CatalogBase } from './catalog-types';

export const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const ALPINE_3_22: CatalogBase = {
  key: 'alpine-3.22.1',
  created: '2025-07-15T11:01:16Z',
  steps: [
    {
      by: 'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit',
      size: 8_311_802,
      comment: 'buildkit.dockerfile.v0',
    },
    { by: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0' },
  ],
};

export const ALPINE_3_21: CatalogBase = {
  key: 'alpine-3.21.4',
  created: '2025-07-15T11:01:12Z',
  steps: [
    {
      by: 'ADD alpine-minirootfs-3.21.4-x86_64.tar.gz / # buildkit',
      size: 7_834_624,
      comment: 'buildkit.dockerfile.v0',
    },
    { by: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0' },
  ],
};

export const DEBIAN_BOOKWORM: CatalogBase = {
  key: 'debian-bookworm-20250811',
  created: '2025-08-11T00:00:00Z',
  steps: [
    {
      by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1754870400'",
      size: 117_220_511,
      comment: 'debuerreotype 0.15',
    },
  ],
};

export const DEBIAN_BOOKWORM_SLIM: CatalogBase = {
  key: 'debian-bookworm-slim-20250811',
  created: '2025-08-11T00:00:00Z',
  steps: [
    {
      by: "# debian.sh --arch 'amd64' --slim out/ 'bookworm' '@1754870400'",
      size: 74_805_119,
      comment: 'debuerreotype 0.15',
    },
  ],
};

export const DEBIAN_BULLSEYE: CatalogBase = {
  key: 'debian-bullseye-20250811',
  created: '2025-08-11T00:00:00Z',
  steps: [
    {
      by: "# debian.sh --arch 'amd64' out/ 'bullseye' '@1754870400'",
      size: 124_431_220,
      comment: 'debuerreotype 0.15',
    },
  ],
};

export const BUILDPACK_BOOKWORM_CURL: CatalogBase = {
  key: 'buildpack-deps-bookworm-curl-20250812',
  created: '2025-08-12T01:12:45Z',
  steps: [
    {
      by: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      size: 24_008_137,
      comment: 'buildkit.dockerfile.v0',
    },
  ],
};

export const BUILDPACK_BOOKWORM_SCM: CatalogBase = {
  key: 'buildpack-deps-bookworm-scm-20250812',
  created: '2025-08-12T01:13:31Z',
  steps: [
    {
      by: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      size: 64_393_884,
      comment: 'buildkit.dockerfile.v0',
    },
  ],
};

const BUILDPACK_BOOKWORM: CatalogBase = {
  key: 'buildpack-deps-bookworm-20250812',
  created: '2025-08-12T01:17:02Z',
  steps: [
    {
      by: 'RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev # buildkit',
      size: 717_466_303,
      comment: 'buildkit.dockerfile.v0',
    },
  ],
};

/** the full buildpack-deps:bookworm stack (node, python and golang are built on it) */
export const BUILDPACK_STACK = [DEBIAN_BOOKWORM, BUILDPACK_BOOKWORM_CURL, BUILDPACK_BOOKWORM_SCM, BUILDPACK_BOOKWORM];
