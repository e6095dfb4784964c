/**
 * A lone script run with a project beside it: the script is the run's main process
 * (`app:main` on the terminal host, with a lone script's preset globals, as the page runs a
 * pasted fragment), and the project's entries are there to spawn and call, its auto-started
 * services running, as in a project run (src/process/project-run.ts). The docs blocks that are
 * fragments run this way: they spawn the entries their page names.
 */
import { openRun, scriptMain, type RunHandle, type RunOptions } from '../runtime/run.ts';
import type { Project } from '../project/spec.ts';
import { makeRunConfig } from '../process/run-config.ts';
import { startServices } from '../process/services.ts';
import { checkProjectBeforeRun } from '../project/type-check.ts';
import { parse } from '../dialect/parser.ts';
import { checkTypesBeforeRun } from '../runtime/type-check.ts';

export function startScriptInProject(options: RunOptions & { project: Project }): RunHandle {
  const config = makeRunConfig({ ...options, dialect: options.dialect ?? 'wippy' });
  const { node, handle, done } = openRun(config, options.project);
  const parsed = config.dialect === 'wippy' ? parse(options.code) : undefined;
  const typeRefusal =
    checkProjectBeforeRun(options.project, config) ??
    (parsed ? checkTypesBeforeRun(options, parsed) : null);
  if (typeRefusal) {
    node.stop({ status: 'error', failure: typeRefusal });
    return handle;
  }
  const supervisor = startServices(node, options.project, config);
  void done.then(() => supervisor.stopAll());
  node.startMain(scriptMain(options, parsed, config.dialect));
  return handle;
}
