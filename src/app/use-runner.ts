/**
 * The run controller: one RunStore and one LuaRunner for the page's lifetime, wired so the
 * worker's batches land in the store. run() turns the page state into a RunRequest.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { RunStore } from './run-store.ts';
import { LuaRunner } from '../runner/runner.ts';
import { createLuaWorker } from '../runner/create-worker.ts';
import { readPageConfig, resolveEndpoints } from '../runner/page-config.ts';
import type { Policy } from '../policy/types.ts';
import type { TransportMode } from '../shared/worker-protocol.ts';
import { CHUNK_NAME } from './default-code.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import { DIALECT_SHORT_NAMES } from './language.ts';

export interface RunOptions {
  code: string;
  policy: Policy;
  transport: TransportMode;
  demoHosts: boolean;
  dialect: Dialect;
  typeCheck: TypeCheckMode;
}

export function useRunner() {
  const store = useMemo(() => new RunStore(), []);
  const pageConfig = useMemo(() => readPageConfig(document), []);
  const runner = useRef<LuaRunner | null>(null);

  useEffect(() => {
    const r = new LuaRunner(createLuaWorker, {
      started: () => {},
      events: (batch) => store.absorb(batch),
      ended: (runId, end, note) => store.end(runId, end, note),
    });
    runner.current = r;
    return () => {
      r.dispose();
      runner.current = null;
    };
  }, [store]);

  const run = useCallback(
    ({ code, policy, transport, demoHosts, dialect, typeCheck }: RunOptions) => {
      const r = runner.current;
      if (!r) return;
      const endpoints = resolveEndpoints(pageConfig, window.location, demoHosts);
      const wasRunning = r.activeRunId !== null;
      const runId = r.run({
        code,
        chunkName: CHUNK_NAME,
        policy,
        transport,
        dialect,
        typeCheck,
        ...endpoints,
      });
      if (wasRunning) store.info('Stopping the previous run…');
      const via =
        transport === 'auto'
          ? endpoints.relay
            ? 'auto: relay available'
            : 'auto: no relay, direct'
          : transport;
      store.begin(runId, `Run #${runId} · ${DIALECT_SHORT_NAMES[dialect]} (${via})`);
    },
    [pageConfig, store],
  );

  const stop = useCallback(() => {
    const r = runner.current;
    if (r && r.activeRunId !== null) {
      store.info('Stopping…');
      r.stop();
    }
  }, [store]);

  return { store, run, stop, pageConfig };
}
