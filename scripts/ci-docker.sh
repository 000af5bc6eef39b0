#!/usr/bin/env bash
# A real Docker engine for the real-daemon tests (bridge/, e2e/real-*.spec.ts): Debian's docker.io,
# dockerd started if none answers, and a local busybox:latest imported from busybox-static's binary
# (CI reaches no image registry). Idempotent; needs root. It never fails the caller: without an
# engine those tests skip and say why.
set -uo pipefail

if ! command -v dockerd >/dev/null || ! command -v busybox >/dev/null; then
  echo "Installing docker.io and busybox-static (apt)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static >/dev/null; } ||
    { echo "Could not install docker.io: the real-Docker tests will skip"; exit 0; }
fi

if ! docker info >/dev/null 2>&1; then
  echo "Starting dockerd"
  mkdir -p /tmp/dockerd-data
  nohup dockerd --data-root /tmp/dockerd-data >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start (see /tmp/dockerd.log): the real-Docker tests will skip"; exit 0; }
fi

if ! docker image inspect busybox:latest >/dev/null 2>&1; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp"
  cp "$(command -v busybox)" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"; done
  tar -C "$root" -c . | docker import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  rm -rf "$root"
fi
docker version --format 'Docker engine {{.Server.Version}}, CLI {{.Client.Version}}: ready for the real-daemon tests'
