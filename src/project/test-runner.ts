/**
 * Runs a project's test entries as the platform's test runner does (wippyai/runtime
 * `tests/app/src/runner.lua`): every `function.lua` entry with `meta.type: test`, suites by
 * name, inside a suite by `meta.order` then id (project.ts `testSuites`), one after the other,
 * each as `funcs.call(entry.id)` would run it. A test passes when its method neither raises,
 * returns an error as its second value, nor returns `false`.
 */
import { getPreset } from '../policy/presets.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import type { RunOptions } from '../runtime/run.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import type { OutputEntry } from '../shared/run-events.ts';
import { startEntryRun } from './entry-runner.ts';
import { testSuites } from './project.ts';
import type { LuaEntry, Project } from './spec.ts';

export interface TestResult {
  suite: string;
  id: string;
  passed: boolean;
  /** Why it failed: the error, or what main returned. */
  message?: string;
  /** What the test printed; lines of a process other than the test's are tagged by pid. */
  output: string[];
  durationMs: number;
}

export interface TestRunOptions {
  dialect?: Dialect;
  /**
   * What type diagnostics do to each test's run (src/project/type-check.ts; default `warn`).
   * The CLI checks the project once before the first test and passes `off`.
   */
  typeCheck?: TypeCheckMode;
  /** A test still running after this long is stopped and fails. Default 30 s. */
  timeoutMs?: number;
  /** Called as each test ends (for progress output). */
  onResult?: (result: TestResult) => void;
  /** Only the entries that pass (a suite, a name filter). */
  filter?: (entry: LuaEntry) => boolean;
  /** Where each test's run connects (default: straight out through `ws`, every host allowed). */
  transport?: RunOptions['transport'];
}

const DEFAULT_TIMEOUT_MS = 30_000;

function formatLine(line: OutputEntry): string {
  const tag = line.pid ? `${line.pid} ` : '';
  return line.stream === 'stdout' ? `${tag}${line.text}` : `${tag}[${line.stream}] ${line.text}`;
}

export async function runTestEntry(
  project: Project,
  entry: LuaEntry,
  suite: string,
  options: TestRunOptions = {},
): Promise<TestResult> {
  const output: string[] = [];
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const run = startEntryRun({
    project,
    entry: entry.id,
    falseIsFailure: true,
    dialect: options.dialect ?? 'wippy',
    typeCheck: options.typeCheck,
    policy: getPreset('allow-all').policy,
    transport: options.transport ?? {
      transport: createNodeTransport(),
      why: 'direct (ws in Node)',
    },
    demoHosts: {},
    observer: {
      output: (line) => output.push(formatLine(line)),
      connection: () => {},
      decision: () => {},
    },
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.stop();
  }, timeoutMs);
  const end = await run.done;
  clearTimeout(timer);
  const result: TestResult = {
    suite,
    id: entry.id,
    passed: end.status === 'finished',
    output,
    durationMs: Date.now() - started,
  };
  if (end.status === 'error') result.message = end.failure.message;
  if (end.status === 'stopped')
    result.message = timedOut
      ? `timed out: the test did not end within ${timeoutMs} ms`
      : 'stopped before the test ended';
  return result;
}

export async function runProjectTests(
  project: Project,
  options: TestRunOptions = {},
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const [suite, entries] of testSuites(project)) {
    for (const entry of entries) {
      if (options.filter && !options.filter(entry)) continue;
      const result = await runTestEntry(project, entry, suite, options);
      results.push(result);
      options.onResult?.(result);
    }
  }
  return results;
}
