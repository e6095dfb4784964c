/**
 * Runs a script with the Node transport and collects what it reports: the helper behind the
 * runtime's tests and the examples check. Not used by the product itself.
 */
import { startRun, type RunOptions } from './run.ts';
import { createNodeTransport } from './transport/node-ws.ts';
import { getPreset } from '../policy/presets.ts';
import type { ConnectionInfo, FrameRecord } from '../shared/run-events.ts';
import type { Decision } from '../policy/types.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';

export interface RunResult {
  end: RunEnd;
  /** stdout lines */
  lines: string[];
  output: string;
  connections: ConnectionInfo[];
  frames: FrameRecord[];
  decisions: Decision[];
}

export type TestRunOptions = Partial<Omit<RunOptions, 'code' | 'observer'>> & {
  /** Stop the run after this many ms (a test that hangs fails instead). */
  stopAfterMs?: number;
};

export function runLua(
  code: string,
  options: TestRunOptions = {},
): { done: Promise<RunResult>; stop(): void } {
  const lines: string[] = [];
  const connections: ConnectionInfo[] = [];
  const frames: FrameRecord[] = [];
  const decisions: Decision[] = [];
  const run = startRun({
    chunkName: 'main.lua',
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (test)' },
    demoHosts: {},
    ...options,
    code,
    observer: {
      output: (entry) =>
        lines.push(entry.stream === 'stdout' ? entry.text : `[${entry.stream}] ${entry.text}`),
      connection: (info) => connections.push(info),
      frame: (record) => frames.push(record),
      decision: (decision) => decisions.push(decision),
    },
  });
  const timer = options.stopAfterMs ? setTimeout(() => run.stop(), options.stopAfterMs) : undefined;
  const done = run.done.then((end) => {
    clearTimeout(timer);
    return { end, lines, output: lines.join('\n'), connections, frames, decisions };
  });
  return { done, stop: run.stop };
}

/** Run to the end and return the result. */
export function lua(code: string, options: TestRunOptions = {}): Promise<RunResult> {
  return runLua(code, { stopAfterMs: 15_000, ...options }).done;
}
