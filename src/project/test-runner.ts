/**
 * Runs a project's test entries as the platform's test runner does: each `function.lua` entry
 * with `meta.type: test` in a fresh run, its imports `require`-able, then its `method`
 * (default `main`) called; it passes when the call neither raises nor returns `false` or an
 * error (`nil, err`). Results come grouped by `meta.suite`.
 */
import { basename } from 'node:path';
import { startRun } from '../runtime/run.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { getPreset } from '../policy/presets.ts';
import type { Dialect } from '../shared/dialect.ts';
import type { SourceModule } from '../runtime/preload-modules.ts';
import { importsOf, testSuites } from './project.ts';
import type { LuaEntry, Project } from './spec.ts';

export interface TestResult {
  suite: string;
  id: string;
  passed: boolean;
  /** Why it failed: the error, or what main returned. */
  message?: string;
  output: string[];
}

export interface TestRunOptions {
  dialect?: Dialect;
  /** A test still running after this long is stopped and fails. Default 30 s. */
  timeoutMs?: number;
  /** Called as each test ends (for progress output). */
  onResult?: (result: TestResult) => void;
  /** Only entries whose id passes (for a subset). */
  filter?: (entry: LuaEntry) => boolean;
}

/** The require name of the entry under test (not a valid Lua name, so no import can take it). */
const ENTRY_MODULE = '@entry';

function driver(method: string): string {
  // Plain Lua of both dialects; errors at level 0 so no driver position is prepended.
  return [
    `local entry = require(${JSON.stringify(ENTRY_MODULE)})`,
    `local fn = type(entry) == "table" and entry[${JSON.stringify(method)}] or nil`,
    `if type(fn) ~= "function" then error("the entry has no function '${method}'", 0) end`,
    'local result, err = fn()',
    'if result == false then error("returned false", 0) end',
    'if err ~= nil then error("returned an error: " .. tostring(err), 0) end',
  ].join('\n');
}

export async function runTestEntry(
  project: Project,
  entry: LuaEntry,
  suite: string,
  options: TestRunOptions = {},
): Promise<TestResult> {
  const modules: SourceModule[] = [
    { name: ENTRY_MODULE, chunkName: basename(entry.file), source: entry.source },
  ];
  for (const [name, imported] of importsOf(project, entry)) {
    modules.push({ name, chunkName: basename(imported.file), source: imported.source });
  }
  const output: string[] = [];
  const run = startRun({
    code: driver(entry.method ?? 'main'),
    chunkName: 'test-runner',
    dialect: options.dialect ?? 'wippy',
    modules,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (ws in Node)' },
    demoHosts: {},
    observer: {
      output: (line) =>
        output.push(line.stream === 'stdout' ? line.text : `[${line.stream}] ${line.text}`),
      connection: () => {},
      decision: () => {},
    },
  });
  const timer = setTimeout(() => run.stop(), options.timeoutMs ?? 30_000);
  const end = await run.done;
  clearTimeout(timer);
  const result: TestResult = { suite, id: entry.id, passed: end.status === 'finished', output };
  if (end.status === 'error') result.message = end.failure.message;
  if (end.status === 'stopped') result.message = 'stopped: the test did not end in time';
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
