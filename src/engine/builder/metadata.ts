// Instructions that only change the image config (ENV, LABEL, ARG, CMD, ENTRYPOINT, EXPOSE, USER,
// VOLUME, STOPSIGNAL, HEALTHCHECK, SHELL, ONBUILD, MAINTAINER): BuildKit shows no step for them and
// records an empty history entry; the file-system instructions go on to steps.ts.
import type { Instruction } from './dockerfile/instructions';
import { exposeText, goQuoteList, healthcheckText } from './history-text';
import { addHistory, DEFAULT_SHELL, envSet, expandOrFail, lines, lookupFor, SolveError, type ExecEnv, type StageRun } from './stage';
import { fsStep } from './steps';

/** A metadata-only instruction: config change and an empty history entry, no step in the output. */
function metadata(run: StageRun, inst: Instruction, createdBy: string, now: number): void {
  addHistory(run, inst, createdBy, undefined, run.allCached ? run.lastCreated : now, run.allCached);
}

export function execute(run: StageRun, inst: Instruction, env: ExecEnv): void {
  const { deps, req } = env;
  const look = lookupFor(run);
  const ex = (w: string) => expandOrFail(w, look, inst.node);
  const c = run.config;
  switch (inst.kind) {
    case 'ENV': {
      const pairs = inst.pairs.map(([k, v]) => [ex(k), ex(v)] as const);
      for (const [k, v] of pairs) c.Env = envSet(c.Env ?? [], k, v);
      return metadata(run, inst, `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, deps.now());
    }
    case 'LABEL': {
      const pairs = inst.pairs.map(([k, v]) => [ex(k), ex(v)] as const);
      c.Labels = { ...c.Labels, ...Object.fromEntries(pairs) };
      return metadata(run, inst, `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, deps.now());
    }
    case 'ARG': {
      const shown: string[] = [];
      for (const { key, value } of inst.args) {
        const v = req.buildArgs[key] ?? (value !== undefined ? ex(value) : env.meta.get(key));
        run.args = run.args.filter(([k]) => k !== key);
        if (v !== undefined) run.args.push([key, v]);
        shown.push(v !== undefined ? `${key}=${v}` : key);
      }
      return metadata(run, inst, `ARG ${shown.join(' ')}`, deps.now());
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const argv = inst.shellForm ? [...(c.Shell ?? DEFAULT_SHELL), ...inst.cmd] : inst.cmd;
      if (inst.kind === 'CMD') c.Cmd = argv;
      else {
        c.Entrypoint = argv.length ? argv : undefined;
        // a new ENTRYPOINT resets the CMD inherited from the base image
        if (!run.stage.instructions.slice(0, run.stage.instructions.indexOf(inst)).some((i) => i.kind === 'CMD')) delete c.Cmd;
      }
      return metadata(run, inst, `${inst.kind} ${goQuoteList(argv)}`, deps.now());
    }
    case 'EXPOSE': {
      const ports = inst.values.map((p) => {
        const v = ex(p);
        if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(v)) throw new SolveError(`invalid containerPort: ${v.split('/')[0]}`, lines(inst));
        return v.includes('/') ? v.toLowerCase() : `${v}/tcp`;
      });
      c.ExposedPorts = { ...c.ExposedPorts, ...Object.fromEntries(ports.map((p) => [p, {}])) };
      return metadata(run, inst, exposeText(ports), deps.now());
    }
    case 'USER':
      c.User = ex(inst.value);
      return metadata(run, inst, `USER ${c.User}`, deps.now());
    case 'VOLUME': {
      const vols = inst.values.map(ex);
      c.Volumes = { ...c.Volumes, ...Object.fromEntries(vols.map((v) => [v, {}])) };
      return metadata(run, inst, `VOLUME [${vols.join(' ')}]`, deps.now());
    }
    case 'STOPSIGNAL':
      c.StopSignal = ex(inst.value);
      return metadata(run, inst, `STOPSIGNAL ${c.StopSignal}`, deps.now());
    case 'MAINTAINER':
      return metadata(run, inst, `MAINTAINER ${inst.value}`, deps.now());
    case 'HEALTHCHECK':
      c.Healthcheck = inst.health;
      return metadata(run, inst, healthcheckText(inst.health), deps.now());
    case 'SHELL':
      c.Shell = inst.shell;
      return metadata(run, inst, `SHELL [${inst.shell.join(' ')}]`, deps.now());
    case 'ONBUILD':
      c.OnBuild = [...(c.OnBuild ?? []), inst.expression];
      return metadata(run, inst, `ONBUILD ${inst.expression}`, deps.now());
    case 'WORKDIR':
    case 'RUN':
    case 'COPY':
    case 'ADD':
      return fsStep(run, inst, env);
  }
}
