// Public entry point of the simulated Docker engine.
export { createEngine, DEFAULT_START, COMMAND_COST_MS } from './create-engine';
export type { Engine, EngineOptions, ExecOptions, ExecResult, InteractiveStream } from './engine';
export type { ApiTraceEntry } from './api/http';
export type { DockerEvent } from './daemon/events';
export { ManualClock, SystemClock, type Clock } from './clock';
// the command catalogue (help texts, a cheat sheet, completion can be generated from it)
export { ALL_SPECS, specFor } from './cli/spec';
export type { CommandSpec, FlagSpec } from './cli/command';
export type { FileSystem, Stat } from './fs/types';
// building images: the lab's layer view reads engine.read('/build/history'); the editor checks as you type
export { checkDockerfile, HINT_LINKS, type BuildRecord, type BuiltLayer, type BuildHint, type DockerfileCheck } from './builder';
