/**
 * The CLI's project mode (src/project/):
 *
 * - `npm run lua -- --project DIR --test [PATTERN...] [--suite NAME] [--json]` runs the test
 *   entries as the platform's runner does (a PATTERN keeps the ids that contain it, as
 *   `runner.lua`'s arguments do) and prints, suite by suite, each result, then
 *   `N passed, M failed`; `--json` prints one JSON document instead. Exit 0 when every test
 *   passed, 1 otherwise.
 * - `npm run lua -- --project DIR --run ENTRY [ARG...]` runs one process.lua or function.lua
 *   entry (everything after ENTRY is its arguments); each stdin line goes to the terminal's
 *   `io.readline`, end of input reads as nil. Exit 0 when it ends normally, 1 on an error exit,
 *   130 after Ctrl+C.
 *
 * Bad arguments and an unknown entry (the runnable entries are listed) exit with 2. The
 * language flags (`--dialect`, `--types`, `--strict-types`) apply to both: the project's Lua files
 * are type-checked before the run or the first test (src/project/type-check.ts), each
 * diagnostic a `file:line:col:` warning, or under strict an error that runs nothing (exit 1).
 */
import { createInterface } from 'node:readline';
import { getPreset } from '../policy/presets.ts';
import { loadProjectDir } from '../project/load-dir.ts';
import { runnableEntries } from '../project/project.ts';
import { startEntryRun } from '../project/entry-runner.ts';
import type { Project } from '../project/spec.ts';
import { runProjectTests, type TestResult } from '../project/test-runner.ts';
import { projectTypeRefusal } from '../project/type-check.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { defaultLanguageFlags, takeLanguageFlag, type LanguageFlags } from './cli-language.ts';

export const PROJECT_USAGE =
  'npm run lua -- --project DIR (--test [PATTERN...] [--suite NAME] [--json] | --run ENTRY [ARG...])';

interface CommonArgs {
  dir: string;
  language: LanguageFlags;
}

export type ProjectArgs =
  | (CommonArgs & { mode: 'test'; suite?: string; patterns: string[]; json: boolean })
  | (CommonArgs & { mode: 'run'; entry: string; args: string[] });

/** The project flags, or null when the command line is not a project run. Throws on misuse. */
export function parseProjectArgs(argv: string[]): ProjectArgs | null {
  if (!argv.includes('--project')) return null;
  let dir: string | undefined;
  let suite: string | undefined;
  let test = false;
  let json = false;
  let run: { entry: string; args: string[] } | undefined;
  const patterns: string[] = [];
  const language = defaultLanguageFlags();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const taken = takeLanguageFlag(argv, i, language);
    if (taken > 0) i += taken - 1;
    else if (arg === '--project') dir = value(argv, ++i, '--project needs a directory');
    else if (arg === '--test') test = true;
    else if (arg === '--json') json = true;
    else if (arg === '--suite') suite = value(argv, ++i, '--suite needs a suite name');
    else if (arg === '--run') {
      const entry = value(argv, ++i, '--run needs an entry id (namespace:name)');
      run = { entry, args: argv.slice(i + 1) };
      break;
    } else if (test && !arg.startsWith('-')) patterns.push(arg);
    else throw new Error(`unknown option ${arg} (${PROJECT_USAGE})`);
  }
  if (!dir) throw new Error('--project needs a directory');
  if (test && run) throw new Error('--test and --run do not go together');
  if (run) {
    if (json || suite) throw new Error('--json and --suite go with --test');
    return { mode: 'run', dir, language, ...run };
  }
  if (!test) throw new Error(`--project needs --test or --run ENTRY (${PROJECT_USAGE})`);
  return { mode: 'test', dir, language, suite, patterns, json };
}

function value(argv: string[], i: number, missing: string): string {
  const text = argv[i];
  if (text === undefined || text.startsWith('--')) throw new Error(missing);
  return text;
}

export async function runProjectCli(args: ProjectArgs): Promise<number> {
  let project: Project;
  try {
    project = loadProjectDir(args.dir);
  } catch (error) {
    console.error(`lua: cannot read the project ${args.dir}: ${(error as Error).message}`);
    return 2;
  }
  project.problems.forEach((problem) => console.error(`project: ${problem}`));
  project.warnings.forEach((warning) => console.error(`warning: ${warning}`));
  return args.mode === 'test' ? runTests(project, args) : runEntry(project, args);
}

async function runTests(
  project: Project,
  args: Extract<ProjectArgs, { mode: 'test' }>,
): Promise<number> {
  // Checked once for every test, before the first: strict refuses them all, as a run would.
  const types = projectTypeRefusal(project, args.language);
  types.warnings.forEach((warning) => console.error(`warning: ${warning}`));
  if (types.refusal) {
    console.error(`lua: ${types.refusal.message}`);
    console.error(types.refusal.traceback);
    return 1;
  }
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
    dialect: args.language.dialect,
    typeCheck: 'off',
    onResult: args.json ? undefined : print,
    filter: (entry) =>
      (args.suite === undefined || entry.meta.suite === args.suite) &&
      (args.patterns.length === 0 || args.patterns.some((p) => entry.id.includes(p))),
  });
  const failed = results.filter((r) => !r.passed).length;
  const passed = results.length - failed;
  if (args.json) console.log(JSON.stringify({ passed, failed, results }, null, 2));
  else console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function runEntry(
  project: Project,
  args: Extract<ProjectArgs, { mode: 'run' }>,
): Promise<number> {
  const runnable = runnableEntries(project);
  if (!runnable.some((entry) => entry.id === args.entry)) {
    const known = project.entries.get(args.entry);
    const why = known
      ? `${args.entry} is a ${known.kind} entry, which cannot be run`
      : `no entry ${args.entry} in ${args.dir}`;
    const list = runnable.map((entry) => `  ${entry.id} (${entry.kind})`).join('\n');
    console.error(`lua: ${why}; runnable entries:\n${list || '  (none)'}`);
    return 2;
  }
  const run = startEntryRun({
    project,
    entry: args.entry,
    args: args.args,
    dialect: args.language.dialect,
    typeCheck: args.language.typeCheck,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (ws in Node)' },
    demoHosts: {},
    observer: {
      output: (entry) => {
        const tag = entry.pid ? `[${entry.pid}] ` : '';
        // A warning of a file's line reads `warn: src/lib.lua:4: …`, as its error would.
        const at =
          entry.chunk !== undefined && entry.line !== undefined
            ? `${entry.chunk}:${entry.line}: `
            : '';
        if (entry.stream === 'stdout') console.log(entry.text);
        else
          console.error(
            `${tag}${entry.stream === 'stderr' ? '' : `${entry.stream}: `}${at}${entry.text}`,
          );
      },
      connection: () => {},
      decision: () => {},
    },
  });
  // Stdin lines feed io.readline; end of input reads as nil.
  let ended = false;
  const lines = createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    if (!ended) run.input(line);
  });
  lines.on('close', () => {
    if (!ended) run.input(null);
  });
  const onSigint = () => run.stop();
  process.once('SIGINT', onSigint);
  // The node reports a stalemate itself; this is the safety net should anything it does not
  // count keep the run waiting: Node's event loop ran dry, so nothing can ever wake it.
  let loopEmptied = false;
  const onLoopEmpty = () => {
    loopEmptied = true;
    run.stop();
  };
  process.once('beforeExit', onLoopEmpty);
  const end = await run.done;
  ended = true;
  process.off('SIGINT', onSigint);
  process.off('beforeExit', onLoopEmpty);
  lines.close();
  process.stdin.destroy();
  if (loopEmptied) {
    console.error('lua: the run waited with nothing left that could wake it');
    return 1;
  }
  if (end.status === 'error') {
    console.error(`lua: ${end.failure.message}`);
    if (end.failure.traceback) console.error(end.failure.traceback);
    return 1;
  }
  return end.status === 'stopped' ? 130 : 0;
}
