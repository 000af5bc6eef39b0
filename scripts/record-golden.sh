#!/usr/bin/env bash
# Records golden transcripts from a REAL Docker engine: for each test/golden/scenarios/<name>.txt it resets
# the engine, runs every command line through `bash -c` and writes test/golden/<name>.jsonl with each
# line's stdout, stderr and exit code, in the shape the headless simulator prints. Then
# scripts/golden-engine28.mjs rewrites the daemon messages where Engine 20.10 (what runs here) words
# them differently from Engine 28, and marks each rewritten entry. See test/golden/README.md.
#
#   usage: scripts/record-golden.sh [scenario-name ...]     (default: all scenarios)
#   GOLDEN_OUT=<dir> writes the transcripts there instead (to check that a re-recording is identical).
#   scripts/record-golden.sh --help-texts   re-records test/golden/help/*.txt (needs no engine state)
#   needs: a running engine with busybox:latest (/work/shared/tools/real-docker.sh), jq, node.
#
# Scenario syntax: one command line per line; blank lines and `# …` comments are ignored; directives:
#   #sleep N        wait N seconds (real time) before the next command (for output of detached containers,
#                   restart back-off); the entry records "sleptBefore": N so the test advances the simulated clock
#   #skip REASON    record the next command but mark it "skip": REASON (the test shows it as skipped)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
golden="$root/test/golden"
out_dir=${GOLDEN_OUT:-$golden}
export PATH="$root/node_modules/.bin:$PATH"
unset DOCKER_HOST DOCKER_CONTEXT

# one recording at a time: each scenario starts by wiping the engine
exec 9>/tmp/golden-record.lock
flock -n 9 || { echo "another recording is running" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "no Docker engine: run /work/shared/tools/real-docker.sh" >&2; exit 1; }
docker image inspect busybox:latest >/dev/null 2>&1 || { echo "busybox:latest missing" >&2; exit 1; }

# Help texts are recorded against a fake Engine-28 handshake: the CLI hides flags and commands by the
# server's API version, OS and swarm state, so the 20.10 engine would give Engine-20.10 help.
fake_sock=/tmp/golden-fake-engine28.sock
rm -f "$fake_sock" # a stale socket would pass the wait below before the server listens
node "$root/scripts/fake-engine28-ping.mjs" "$fake_sock" 9>&- &
fake_pid=$!
work=$(mktemp -d)
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do curl -sf --unix-socket "$fake_sock" http://x/_ping >/dev/null && break; sleep 0.1; done

reset_engine() {
  local ids
  ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null
  ids=$(docker volume ls -q); [ -z "$ids" ] || docker volume rm -f $ids >/dev/null
  docker network prune -f >/dev/null
  # every image reference except busybox:latest, then dangling images
  docker images --format '{{.Repository}}:{{.Tag}}' | grep -vx 'busybox:latest' | grep -v '<none>' |
    xargs -r docker rmi >/dev/null || true
  ids=$(docker images -q --filter dangling=true); [ -z "$ids" ] || docker rmi -f $ids >/dev/null
  docker logout >/dev/null 2>&1 || true
}

# Lines whose output is help text run against the fake Engine-28 handshake: `docker [cmd [sub]] --help|-h`,
# `docker help …`, and `docker` or a management command alone (not `docker run busybox echo --help`).
is_help_line() {
  [[ "$1" =~ ^docker(\ [a-z]+){0,2}\ (--help|-h)$ || "$1" =~ ^docker\ help( |$) ]] ||
    [[ "$1" =~ ^docker(\ (volume|network|image|container|system))?$ ]]
}

record_scenario() {
  local name=$1 file="$golden/scenarios/$1.txt" out="$out_dir/$1.jsonl"
  local line skip="" slept=0 n=0 rc
  reset_engine
  jq -cn --arg engine "$(docker version --format '{{.Server.Version}}')" \
    --arg cli "$(docker version --format '{{.Client.Version}}')" \
    --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '{engine: $engine, cli: $cli, recordedAt: $at}' >"$out.tmp"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      '#sleep '*) slept=$((slept + ${line#\#sleep })); sleep "${line#\#sleep }"; continue ;;
      '#skip '*) skip=${line#\#skip }; continue ;;
      '' | '#'*) continue ;;
    esac
    n=$((n + 1))
    # `network rm` on a network with containers: Engine 28 names them with their endpoint IDs, which
    # the 20.10 message lacks, so capture them before the command runs (consumed by golden-engine28.mjs).
    local endpoints='[]'
    if [[ "$line" =~ ^docker\ network\ rm\ (.*)$ ]]; then
      endpoints=$(for net in ${BASH_REMATCH[1]}; do
        docker network inspect -f '{{range $id, $c := .Containers}}{{$.Name}} {{$c.Name}} {{$c.EndpointID}}{{"\n"}}{{end}}' "$net" 2>/dev/null || true
      done | jq -R 'split(" ") | select(length == 3) | {network: .[0], name: .[1], endpoint: .[2]}' | jq -cs .)
    fi
    local help=false
    is_help_line "$line" && help=true
    set +e
    if $help; then
      DOCKER_HOST="unix://$fake_sock" timeout 120 bash -c "$line" </dev/null >"$work/out" 2>"$work/err"
    else
      timeout 120 bash -c "$line" </dev/null >"$work/out" 2>"$work/err"
    fi
    rc=$?
    set -e
    jq -cn --arg cmd "$line" --rawfile stdout "$work/out" --rawfile stderr "$work/err" --argjson exit "$rc" \
      --arg skip "$skip" --argjson slept "$slept" --argjson endpoints "$endpoints" --argjson help "$help" \
      '{cmd: $cmd, stdout: $stdout, stderr: $stderr, exit: $exit}
       + (if $skip != "" then {skip: $skip} else {} end)
       + (if $slept > 0 then {sleptBefore: $slept} else {} end)
       + (if $endpoints != [] then {_endpoints: $endpoints} else {} end)
       + (if $help then {_help: true} else {} end)' >>"$out.tmp"
    skip=""
    slept=0
  done <"$file"
  # the engine is shared with other helpers: anything not named gt-… that appeared meanwhile may be in the output
  local foreign
  foreign=$(docker ps -a --format '{{.Names}}' | grep -v '^gt-' || true)
  [ -z "$foreign" ] || echo "WARNING $name: foreign containers appeared while recording ($foreign): re-record it" >&2
  node "$root/scripts/golden-engine28.mjs" "$out.tmp"
  mv "$out.tmp" "$out"
  echo "$name: $n commands"
}

# `docker <cmd> --help` for every command the engine implements, as test/golden/help/<cmd>[-<sub>].txt.
HELP_COMMANDS=(docker run create start stop restart kill pause unpause rm rename wait ps logs exec inspect top stats
  port images image history pull push tag rmi login logout volume network container system info version events)
HELP_SUBCOMMANDS=(image:ls,inspect,prune,rm,tag,pull,push,history volume:create,ls,inspect,rm,prune
  network:create,ls,inspect,rm,connect,disconnect,prune system:df,events,info,prune
  container:attach,commit,cp,create,diff,exec,export,inspect,kill,logs,ls,pause,port,prune,rename,restart,rm,run,start,stats,stop,top,unpause,update,wait)
record_help_texts() {
  local dir="$golden/help" cmd group sub
  mkdir -p "$dir"
  for cmd in "${HELP_COMMANDS[@]}"; do
    if [ "$cmd" = docker ]; then DOCKER_HOST="unix://$fake_sock" docker --help >"$dir/docker.txt"
    else DOCKER_HOST="unix://$fake_sock" docker "$cmd" --help >"$dir/$cmd.txt"; fi
  done
  for group in "${HELP_SUBCOMMANDS[@]}"; do
    for sub in $(tr , ' ' <<<"${group#*:}"); do
      DOCKER_HOST="unix://$fake_sock" docker "${group%%:*}" "$sub" --help >"$dir/${group%%:*}-$sub.txt"
    done
  done
  echo "help texts: $(ls "$dir" | wc -l) files"
}

if [ "${1:-}" = --help-texts ]; then record_help_texts; exit 0; fi
if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for f in "$golden"/scenarios/*.txt; do names+=("$(basename "$f" .txt)"); done
fi
for name in "${names[@]}"; do record_scenario "$name"; done
reset_engine
