/**
 * CONTRACT (the lead implements it): a run of a project's entry on the node.
 *
 * startProjectRun starts a node for `project`, starts its auto-start services, then runs
 * `entry` as the run's main process: a `process.lua` entry on the terminal host (with `io`),
 * or a `function.lua` entry called as `funcs.call` would. The run ends when that process ends
 * (status `finished`, or `error` for an error exit), or when Stop is pressed.
 */
import type { RunHandle, RunOptions } from '../runtime/run.ts';
import type { Project } from '../project/spec.ts';

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
