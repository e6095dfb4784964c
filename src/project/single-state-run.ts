/**
 * The bridge until the node lands (src/process/project-run.ts `startProjectRun`): the same
 * signature, but the entry runs in one plain Lua state, its imports `require`-able, then its
 * method called. No `process`, `funcs` or services: only what a function.lua test without
 * processes needs (the runtime's types suite). test-runner.ts and the CLI pick the runner in
 * one line (src/project/entry-runner.ts).
 */
import type { ProjectRunOptions, RunHandle } from '../process/project-run.ts';
import { startRun } from '../runtime/run.ts';
import type { SourceModule } from '../runtime/preload-modules.ts';
import { importsOf } from './project.ts';
import { baseName } from './paths.ts';

/** The require name of the entry itself (not a valid Lua name, so no import can take it). */
const ENTRY_MODULE = '@entry';

function driver(method: string, falseIsFailure: boolean, args: string[]): string {
  // Plain Lua of both dialects; errors at level 0 so no driver position is prepended.
  return [
    `local entry = require(${JSON.stringify(ENTRY_MODULE)})`,
    `local fn = type(entry) == "table" and entry[${JSON.stringify(method)}] or nil`,
    `if type(fn) ~= "function" then error("the entry has no function '${method}'", 0) end`,
    `local result, err = fn(${args.map((a) => JSON.stringify(a)).join(', ')})`,
    falseIsFailure ? 'if result == false then error("returned false", 0) end' : '',
    'if err ~= nil then error("returned an error: " .. tostring(err), 0) end',
  ].join('\n');
}

export function startSingleStateRun(options: ProjectRunOptions): RunHandle {
  const { project, entry: entryId, args = [], falseIsFailure = false, ...runOptions } = options;
  const entry = project.entries.get(entryId);
  if (!entry || !('source' in entry) || entry.kind === 'library.lua')
    throw new Error(`${entryId} is not a process.lua or function.lua entry`);
  const modules: SourceModule[] = [
    { name: ENTRY_MODULE, chunkName: baseName(entry.file), source: entry.source },
  ];
  for (const [name, imported] of importsOf(project, entry))
    modules.push({ name, chunkName: baseName(imported.file), source: imported.source });
  const handle = startRun({
    ...runOptions,
    code: driver(entry.method, falseIsFailure, args),
    chunkName: 'entry-runner',
    modules,
  });
  return {
    done: handle.done,
    stop: () => handle.stop(),
    compose: (id, data, binary) => handle.compose(id, data, binary),
    control: () => 'no processes in a single-state run',
    input: () => {},
  };
}
