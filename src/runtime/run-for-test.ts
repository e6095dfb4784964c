/**
 * Runs a script with the Node transport and collects what it reports: the helper behind the
 * runtime's tests and the examples check. Not used by the product itself.
 */
import { startRun, type RunHandle, type RunOptions } from './run.ts';
import { createNodeTransport } from './transport/node-ws.ts';
import { getPreset } from '../policy/presets.ts';
import type { ConnectionInfo, FrameRecord, OutputEntry } from '../shared/run-events.ts';
import type { Decision } from '../policy/types.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import { parseDialect } from '../shared/dialect.ts';

export interface RunResult {
  end: RunEnd;
  /** stdout lines */
  lines: string[];
  output: string;
  connections: ConnectionInfo[];
  frames: FrameRecord[];
  decisions: Decision[];
  /** The run's warnings (stream 'warn'), with the script line each points at. */
  warnings: OutputEntry[];
}

/**
 * The dialect a test run uses unless it names one: `lua53`, or the `LUA_TEST_DIALECT`
 * environment variable, so that a whole test file runs again under the other dialect
 * (`LUA_TEST_DIALECT=wippy npx vitest run <file>`).
 */
const DEFAULT_TEST_DIALECT = parseDialect(process.env.LUA_TEST_DIALECT) ?? 'lua53';

export type TestRunOptions = Partial<Omit<RunOptions, 'code' | 'observer'>> & {
  /** Stop the run after this many ms (a test that hangs fails instead). */
  stopAfterMs?: number;
};

export function runLua(
  code: string,
  options: TestRunOptions = {},
): { done: Promise<RunResult>; stop(): void; compose: RunHandle['compose'] } {
  const lines: string[] = [];
  const connections: ConnectionInfo[] = [];
  const frames: FrameRecord[] = [];
  const decisions: Decision[] = [];
  const warnings: OutputEntry[] = [];
  const run = startRun({
    chunkName: 'main.lua',
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (test)' },
    demoHosts: {},
    dialect: DEFAULT_TEST_DIALECT,
    ...options,
    code,
    observer: {
      output: (entry) => {
        if (entry.stream === 'warn') warnings.push(entry);
        lines.push(entry.stream === 'stdout' ? entry.text : `[${entry.stream}] ${entry.text}`);
      },
      connection: (info) => connections.push(info),
      frame: (record) => frames.push(record),
      decision: (decision) => decisions.push(decision),
    },
  });
  const timer = options.stopAfterMs ? setTimeout(() => run.stop(), options.stopAfterMs) : undefined;
  const done = run.done.then((end) => {
    clearTimeout(timer);
    return { end, lines, output: lines.join('\n'), connections, frames, decisions, warnings };
  });
  return { done, stop: run.stop, compose: run.compose };
}

/** Run to the end and return the result. */
export function lua(code: string, options: TestRunOptions = {}): Promise<RunResult> {
  return runLua(code, { stopAfterMs: 15_000, ...options }).done;
}

/** Run a script whose assertions are in Lua: it must finish; returns what it reported. */
export async function luaAsserts(code: string, options: TestRunOptions = {}): Promise<RunResult> {
  const result = await lua(code, options);
  if (result.end.status !== 'finished') {
    const why =
      result.end.status === 'error'
        ? `${result.end.failure.message}\n${result.end.failure.traceback}`
        : 'stopped';
    throw new Error(`the Lua script did not finish: ${why}\n${result.output}`);
  }
  return result;
}
