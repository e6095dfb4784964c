/**
 * How the test runner and the CLI start one entry of a project. Switch to the node's
 * `startProjectRun` (src/process/project-run.ts) by changing the import below once it exists;
 * until then entries run in one state without processes (src/project/single-state-run.ts).
 */
import { startSingleStateRun } from './single-state-run.ts';

export const startEntryRun = startSingleStateRun;
