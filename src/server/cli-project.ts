/**
 * `npm run lua -- --project DIR --test [--suite NAME]`: runs a project's test entries
 * (src/project/) and prints, suite by suite, each test's result, then `N passed, M failed`.
 * Exit code 0 when every test passed, 1 otherwise, 2 on bad arguments.
 */
import { loadProjectDir } from '../project/load-dir.ts';
import { runProjectTests, type TestResult } from '../project/test-runner.ts';

export interface ProjectArgs {
  dir: string;
  suite?: string;
}

/** The project flags, or null when the command line is not a project run. */
export function parseProjectArgs(argv: string[]): ProjectArgs | null {
  if (!argv.includes('--project')) return null;
  let dir: string | undefined;
  let suite: string | undefined;
  let test = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--project') dir = argv[++i];
    else if (arg === '--test') test = true;
    else if (arg === '--suite') suite = argv[++i];
    else throw new Error(`unknown option ${arg} (with --project: --test, --suite NAME)`);
  }
  if (!dir) throw new Error('--project needs a directory');
  if (!test) throw new Error('--project runs tests only: add --test');
  return { dir, suite };
}

export async function runProjectCli(args: ProjectArgs): Promise<number> {
  const project = loadProjectDir(args.dir);
  project.problems.forEach((problem) => console.error(`project: ${problem}`));
  let currentSuite = '';
  const print = (result: TestResult) => {
    if (result.suite !== currentSuite) {
      currentSuite = result.suite;
      console.log(`suite ${result.suite}`);
    }
    if (result.passed) {
      console.log(`  ok    ${result.id}`);
    } else {
      console.log(`  FAIL  ${result.id}: ${result.message ?? ''}`);
      result.output.forEach((line) => console.log(`        | ${line}`));
    }
  };
  const results = await runProjectTests(project, {
    onResult: print,
    filter: args.suite ? (entry) => entry.meta.suite === args.suite : undefined,
  });
  const failed = results.filter((r) => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
