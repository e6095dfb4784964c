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
import type { ProjectFiles, TransportMode } from '../shared/worker-protocol.ts';
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
  /** A project run: its files and the entry (`namespace:name`) to run. */
  project?: { files: ProjectFiles['files']; entry: string };
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
    store.setComposer((message) => r.compose(message));
    store.setProcessControls({
      control: (pid, action) => r.control(pid, action),
      input: (line) => r.input(line),
    });
    return () => {
      r.dispose();
      store.setComposer(null);
      store.setProcessControls(null);
      runner.current = null;
    };
  }, [store]);

  const run = useCallback(
    ({ code, policy, transport, demoHosts, dialect, typeCheck, project }: RunOptions) => {
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
        ...(project ? { project: { files: project.files }, entry: project.entry } : {}),
      });
      if (wasRunning) store.info('Stopping the previous run…');
      const via =
        transport === 'auto'
          ? endpoints.relay
            ? 'auto: relay available'
            : 'auto: no relay, direct'
          : transport;
      const what = project ? ` · ${project.entry}` : '';
      store.begin(runId, `Run #${runId}${what} · ${DIALECT_SHORT_NAMES[dialect]} (${via})`, {
        project: Boolean(project),
      });
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
