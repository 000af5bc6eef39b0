// Post-processes a transcript recorded by scripts/record-golden.sh (JSON lines, rewritten in place).
// The engine available for recording is Engine 20.10; the simulator reproduces Engine 28. Where 20.10
// words a daemon message differently, the entry gets Engine 28's text (from the conformance reference,
// /work/shared/reference/docker-cli-reference.md) and an "engine28" field saying why. See
// test/golden/README.md.
//   usage: node scripts/golden-engine28.mjs <transcript.jsonl>
import fs from 'node:fs';

/** Positional arguments of a simple command line (scenarios never quote names). */
function positionals(cmd, verbs) {
  const words = cmd.trim().split(/\s+/).slice(1);
  while (words.length && verbs.includes(words[0])) words.shift();
  return words.filter((w) => !w.startsWith('-'));
}

/** The single container argument of `docker rm X`, which Engine 28.2+ quotes in its messages. */
function onlyRmTarget(entry) {
  const args = positionals(entry.cmd, ['container', 'rm']);
  if (args.length !== 1) throw new Error(`engine28 rm rewrite needs one target: ${entry.cmd}`);
  return args[0];
}

/** Each rule rewrites one 20.10 wording in stdout and stderr; `text` gets (match, entry) like replace(). */
const textRules = [
  {
    pattern: /\bContainer ([0-9a-f]{64}) is not running/g,
    text: (_, id) => `container ${id} is not running`,
    reason: 'Engine 25+ lowercases "container <id> is not running" (reference C13, C29, §1.9, §3.2)',
  },
  {
    pattern: /\bCannot kill container: /g,
    text: () => 'cannot kill container: ',
    reason: 'Engine 26+ kill route wraps with lowercase "cannot kill container: X: …" (reference C21, C22)',
  },
  {
    pattern: /You cannot remove a running container [0-9a-f]{64}\. Stop the container before attempting removal or force remove/g,
    text: (_, entry) =>
      `cannot remove container "${onlyRmTarget(entry)}": container is running: stop the container before removing or force remove`,
    reason: 'Engine 28.2+ rm wording, container named as typed (reference C23)',
  },
  {
    pattern: /You cannot remove a paused container [0-9a-f]{64}\. Unpause and then stop the container before attempting removal or force remove/g,
    text: (_, entry) =>
      `cannot remove container "${onlyRmTarget(entry)}": container is paused and must be unpaused first`,
    reason: 'Engine 28.2+ rm wording, container named as typed (reference C24)',
  },
  {
    pattern: /(?<!create task for container: )failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec:/g,
    text: () =>
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec:',
    reason: 'Engine 24+ prefixes "failed to create task for container: "; runc 1.2 adds "error during container init: " (reference C45)',
  },
  {
    pattern: /(?<!failed to set up container networking: )driver failed programming external connectivity/g,
    text: () => 'failed to set up container networking: driver failed programming external connectivity',
    reason: 'Engine 28.1+ prefixes start-time networking errors (reference C46)',
  },
  {
    // an IP already taken on a user network is found while the container's networking is set up at start
    pattern: /(Error response from daemon: )Address already in use/g,
    text: (_, prefix) => `${prefix}failed to set up container networking: Address already in use`,
    reason: 'Engine 28.1+ prefixes start-time networking errors (reference C46; same wrapper as port conflicts)',
  },
  {
    pattern: /invalid restart policy '([^']*)'/g,
    text: (_, name) =>
      `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    reason: 'Engine 25+ ValidateRestartPolicy wording (reference C39)',
  },
  {
    pattern: /Error response from daemon: maximum retry count cannot be negative/g,
    text: () => 'Error response from daemon: invalid restart policy: maximum retry count cannot be negative',
    reason: 'Engine 25+ ValidateRestartPolicy wording (moby api/types/container/hostconfig.go; reference C39)',
  },
  {
    pattern: /no such image: \S+: (No such image: )/g,
    text: (_, tail) => tail,
    reason: 'Engine 28 image lookup error (reference C49)',
  },
  {
    pattern: /\bInvalid filter '/g,
    text: () => "invalid filter '",
    reason: 'Engine 25+ filter errors are lowercase (moby api/types/filters/errors.go)',
  },
  {
    pattern: /error while removing network: network (\S+) id [0-9a-f]{64} has active endpoints/g,
    text: (_, network, entry) => {
      const endpoints = (entry._endpoints ?? []).filter((e) => e.network === network);
      if (!endpoints.length) throw new Error(`no endpoints captured for ${network}: ${entry.cmd}`);
      const list = endpoints.map((e) => `name:"${e.name}" id:"${e.endpoint.slice(0, 12)}"`).join(', ');
      return `error while removing network: network ${network} has active endpoints (${list})`;
    },
    reason: 'Engine 28.1+ names the attached endpoints (reference C57)',
  },
];

/** Rules that look at the whole entry. */
const entryRules = [
  {
    // No registry is reachable here: the pull behind `run`/`create` fails with a DNS error instead of
    // Docker Hub's answer for a repository that does not exist.
    applies: (e) => /Unable to find image '[^']+' locally/.test(e.stderr) && /registry-1\.docker\.io/.test(e.stderr),
    apply: (e) => {
      const ref = /Unable to find image '([^']+)' locally/.exec(e.stderr)[1];
      const repo = ref.replace(/:[^:/]+$/, '');
      e.stderr = e.stderr.replace(
        /Error response from daemon: Get "https:\/\/registry-1\.docker\.io\/v2\/": [^\n]*/,
        `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    },
    reason: 'no registry here; Docker Hub answer for a missing repository (reference C42)',
  },
  {
    applies: (e) =>
      /^docker exec\b/.test(e.cmd) && e.exit === 126 && /executable file not found|no such file or directory/.test(e.stdout),
    apply: (e) => {
      e.exit = 127;
    },
    reason: 'Engine 24+ exits 127 when exec fails with "executable file not found" or "no such file or directory" (setExitCodeFromError; 20.10 gave 126; reference C32)',
  },
  {
    applies: (e) => e.cmd === "docker version --format '{{.Client.APIVersion}}'" && e.stdout === '1.41\n',
    apply: (e) => {
      e.stdout = '1.50\n';
    },
    reason: 'CLI 28.2.2 negotiates API 1.50 with Engine 28 (20.10 downgrades it to 1.41)',
  },
  {
    applies: (e) => e.cmd.includes('{{.HostConfig.NetworkMode}}') && /^default\b/m.test(e.stdout),
    apply: (e) => {
      e.stdout = e.stdout.replace(/^default\b/gm, 'bridge');
    },
    reason: 'Engine 26+ stores the "default" network mode as "bridge" (moby container router normalises it at create)',
  },
  {
    applies: (e) => /^docker network (ls|list)\b.*--format (json|'\{\{json \.\}\}')/.test(e.cmd) && e.stdout.includes('"IPv4":"false"'),
    apply: (e) => {
      e.stdout = e.stdout.replaceAll('"IPv4":"false"', '"IPv4":"true"');
    },
    reason: 'Engine 28 (API 1.48+) reports EnableIPv4=true for bridge networks; 20.10 has no such field, so the CLI showed false',
  },
  {
    // Engine 25+ adds execDuration (whole seconds since the container started) to `die` events; the
    // recording has each start event's timestamp, so the value Engine 28 would print is computed from it.
    applies: (e) => /^docker (system )?events\b/.test(e.cmd) && / container die [0-9a-f]{64} \((?!execDuration)/.test(e.stdout),
    apply: (e) => {
      const started = new Map();
      e.stdout = e.stdout.replace(/^(\S+) container (start|die) ([0-9a-f]{64}) \(/gm, (line, time, action, id) => {
        if (action === 'start') {
          started.set(id, time);
          return line;
        }
        const seconds = Math.floor((nanos(time) - nanos(started.get(id))) / 1e9);
        return `${line}execDuration=${seconds}, `;
      });
    },
    reason: 'Engine 25+ die events carry execDuration (moby daemon/monitor.go), computed here from the recorded start/die times',
  },
  {
    applies: (e) =>
      /^docker volume prune\b/.test(e.cmd) && !/ (-a|--all)\b/.test(e.cmd) &&
      e.stdout.startsWith('WARNING! This will remove all local volumes'),
    apply: (e) => {
      e.stdout = e.stdout.replace('WARNING! This will remove all local volumes', 'WARNING! This will remove anonymous local volumes');
    },
    reason: 'with API 1.42+ the CLI warns that only anonymous volumes are pruned (cli/command/volume/prune.go)',
  },
  {
    applies: (e) => /^docker volume prune\b.* (-a|--all)\b/.test(e.cmd) && e.stderr.includes('requires API version 1.42'),
    apply: (e) => {
      e.stdout = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ';
      e.stderr = '';
      e.exit = 0;
    },
    reason: '--all needs API 1.42 (20.10 has 1.41); on Engine 28 it asks for confirmation (cli/command/volume/prune.go)',
  },
  {
    applies: (e) => e._help === true,
    apply: () => {},
    reason: 'recorded against a fake Engine-28 handshake (API 1.50, linux, swarm inactive): the CLI hides flags and commands by server capabilities',
  },
];

/** An RFC 3339 timestamp with nanoseconds as a BigInt-free number of nanoseconds (ms precision is too coarse). */
function nanos(time) {
  const [whole, fraction = '0'] = time.replace('Z', '').split('.');
  return Date.parse(`${whole}Z`) * 1e6 + Number(fraction.padEnd(9, '0').slice(0, 9));
}

const DATA_ROOT = /\/tmp\/dockerd-data\b/g; // real-docker.sh's --data-root; Engine 28's default is /var/lib/docker

function engine28(entry) {
  // idempotent: running it again on a processed transcript keeps the reasons already recorded
  const reasons = entry.engine28 ? entry.engine28.split('; ') : [];
  for (const stream of ['stdout', 'stderr']) {
    entry[stream] = entry[stream].replace(DATA_ROOT, '/var/lib/docker');
    for (const rule of textRules) {
      const before = entry[stream];
      entry[stream] = before.replace(rule.pattern, (...m) => rule.text(...m.slice(0, -2), entry));
      if (entry[stream] !== before && !reasons.includes(rule.reason)) reasons.push(rule.reason);
    }
  }
  for (const rule of entryRules) {
    if (!rule.applies(entry)) continue;
    rule.apply(entry);
    if (!reasons.includes(rule.reason)) reasons.push(rule.reason);
  }
  delete entry._endpoints;
  delete entry._help;
  if (reasons.length) entry.engine28 = reasons.join('; ');
  return entry;
}

const file = process.argv[2];
const [header, ...entries] = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
fs.writeFileSync(file, [header, ...entries.map(engine28)].map((e) => JSON.stringify(e)).join('\n') + '\n');
