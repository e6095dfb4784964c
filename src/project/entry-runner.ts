/** How the test runner and the CLI start one entry of a project: on a node of its own. */
export { startProjectRun as startEntryRun } from '../process/project-run.ts';
