/**
 * A lone script run with a project beside it: the script is the run's main process
 * (`app:main` on the terminal host, with a lone script's preset globals, as the page runs a
 * pasted fragment), and the project's entries are there to spawn and call, its auto-started
 * services running, as in a project run (src/process/project-run.ts). The docs blocks that are
 * fragments run this way: they spawn the entries their page names.
 */
import type { RunEnd } from '../shared/worker-protocol.ts';
import { runHandle, type RunHandle, type RunOptions } from '../runtime/run.ts';
import type { Project } from '../project/spec.ts';
import { IMPLICIT_ENTRY, TERMINAL_HOST } from '../project/spec.ts';
import { Node } from '../process/node.ts';
import { makeRunConfig } from '../process/run-config.ts';
import { scriptLibraries } from '../process/libraries.ts';
import { startServices } from '../process/services.ts';
import { checkProjectBeforeRun } from '../project/type-check.ts';
import { parse } from '../dialect/parser.ts';
import { checkTypesBeforeRun } from '../runtime/type-check.ts';

export function startScriptInProject(options: RunOptions & { project: Project }): RunHandle {
  const config = makeRunConfig({ ...options, dialect: options.dialect ?? 'wippy' });
  let resolveDone: (end: RunEnd) => void = () => {};
  const done = new Promise<RunEnd>((resolve) => (resolveDone = resolve));
  const node = new Node(config, options.project, resolveDone, true);
  const handle = runHandle(node, done);
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
  node.startMain({
    program: {
      kind: 'script',
      chunkName: options.chunkName,
      code: options.code,
      prelude: options.prelude,
      parsed,
    },
    entryId: IMPLICIT_ENTRY,
    host: TERMINAL_HOST,
    args: [],
    libraries: scriptLibraries(config.dialect),
  });
  return handle;
}
