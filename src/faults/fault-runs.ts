/**
 * What the fault and scale tests share: the two Node transports by name, a check that a run
 * finished (with the Lua failure in the message when it did not), and a run whose printed lines
 * a test can follow as they come, or act on synchronously (measure the process at an exact
 * point of a script).
 */
import { expect } from 'vitest';
import { startRun } from '../runtime/run.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { createRelayTransport } from '../runtime/transport/relay.ts';
import type { TransportChoice } from '../runtime/modules/websocket/index.ts';
import { getPreset } from '../policy/presets.ts';
import { NodeWebSocket, startRelay } from '../server/relay/testing.ts';
import type { RelayFixture } from '../server/relay/testing.ts';
import type { RelayConfig } from '../server/relay/config.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { FrameRecord } from '../shared/run-events.ts';

export type TransportName = 'node' | 'relay';

export interface TransportSetup {
  choice: TransportChoice;
  /** The relay the transport goes through (relay only); cleaned up by closeAll(). */
  relay?: RelayFixture;
}

export async function setUpTransport(
  name: TransportName,
  relayOverrides: Partial<RelayConfig> = {},
): Promise<TransportSetup> {
  if (name === 'node')
    return { choice: { transport: createNodeTransport(), why: 'direct (test)' } };
  const relay = await startRelay(relayOverrides);
  return {
    choice: { transport: createRelayTransport(relay.endpoint, NodeWebSocket), why: 'relay (test)' },
    relay,
  };
}

export function expectFinished(result: { end: RunEnd; lines: string[] }): void {
  if (result.end.status === 'error') {
    const { message, traceback } = result.end.failure;
    throw new Error(`${message}\n${traceback}\n${result.lines.join('\n')}`);
  }
  expect(result.end.status).toBe('finished');
}

export interface WatchedResult {
  end: RunEnd;
  lines: string[];
  frames: FrameRecord[];
}

export interface WatchedRun {
  /** Printed lines so far (live). */
  lines: string[];
  done: Promise<WatchedResult>;
  stop(): void;
}

export interface WatchOptions {
  /** Called with each printed line as it is printed (the script waits meanwhile). */
  onLine?: (line: string) => void;
  /** Record frames (costs a preview per message; off for the scale tests). */
  frames?: boolean;
  /** Stop the run after this long, so a hang fails the test instead of blocking it. */
  stopAfterMs?: number;
}

/**
 * Start `code` with the allow-all policy. Unlike run-for-test's runLua, the lines are readable
 * while the run goes on, and only the result is kept once it settles: nothing of the run is
 * then reachable from the caller, so a heap measured afterwards is what the run left behind.
 */
export function startWatched(
  code: string,
  transport: TransportChoice,
  options: WatchOptions = {},
): WatchedRun {
  const lines: string[] = [];
  const frames: FrameRecord[] = [];
  const run = startRun({
    code,
    chunkName: 'main.lua',
    policy: getPreset('allow-all').policy,
    transport,
    demoHosts: {},
    observer: {
      output(entry) {
        const line = entry.stream === 'stdout' ? entry.text : `[${entry.stream}] ${entry.text}`;
        lines.push(line);
        options.onLine?.(line);
      },
      connection() {},
      decision() {},
      ...(options.frames ? { frame: (record: FrameRecord) => frames.push(record) } : {}),
    },
  });
  const timer = setTimeout(run.stop, options.stopAfterMs ?? 60_000);
  const done = run.done.then((end) => {
    clearTimeout(timer);
    return { end, lines, frames };
  });
  return { lines, done, stop: run.stop };
}
