/**
 * A run of a project's entry on a node of its own (src/process/node.ts): the entry is the run's
 * main process, a `process.lua` on the terminal host (where `io` reads the input line) or a
 * `function.lua` called as `funcs.call` would; the run ends when it ends (`error` for an error
 * exit), or on Stop. Every process's output is tagged with its pid. The project's Lua files are
 * type-checked first (src/project/type-check.ts).
 */
import { openRun, type RunHandle, type RunOptions } from '../runtime/run.ts';
import type { Project } from '../project/spec.ts';
import { TERMINAL_HOST } from '../project/spec.ts';
import { runnableEntries } from '../project/project.ts';
import { makeRunConfig } from './run-config.ts';
import { copiedFromJs } from './payload-copy.ts';
import { startServices } from './services.ts';
import { checkProjectBeforeRun } from '../project/type-check.ts';

export interface ProjectRunOptions extends Omit<RunOptions, 'code' | 'chunkName' | 'modules'> {
  project: Project;
  /** `namespace:name` of a process.lua or function.lua entry. */
  entry: string;
  /** Arguments for the entry's main, as strings (the CLI's extra arguments). */
  args?: string[];
  /** The platform's test runner's rule: a main that returns `false` failed too. */
  falseIsFailure?: boolean;
}

export type { RunHandle };

export function startProjectRun(options: ProjectRunOptions): RunHandle {
  const config = {
    ...makeRunConfig({ ...options, dialect: options.dialect ?? 'wippy' }),
    terminalArgs: options.args ?? [],
  };
  const { node, handle, done } = openRun(config, options.project);
  const entry = options.project.entries.get(options.entry);
  if (!entry || (entry.kind !== 'process.lua' && entry.kind !== 'function.lua')) {
    const runnable = runnableEntries(options.project).map((e) => e.id);
    const message =
      `no process.lua or function.lua entry '${options.entry}' in the project` +
      (runnable.length > 0 ? ` (runnable: ${runnable.join(', ')})` : '');
    node.stop({ status: 'error', failure: { message, traceback: '' } });
    return handle;
  }
  // Checked before any process starts (services included): strict refuses the whole run.
  const typeRefusal = checkProjectBeforeRun(options.project, config);
  if (typeRefusal) {
    node.stop({ status: 'error', failure: typeRefusal });
    return handle;
  }
  const supervisor = startServices(node, options.project, config);
  void done.then(() => supervisor.stopAll());
  const { program, libraries } = node.programOf(entry);
  node.startMain({
    program,
    entryId: entry.id,
    host: entry.kind === 'process.lua' ? TERMINAL_HOST : `${entry.id}.pool`,
    args: (options.args ?? []).map((arg) => copiedFromJs(arg)),
    libraries,
    falseIsFailure: options.falseIsFailure,
  });
  return handle;
}
