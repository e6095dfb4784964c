/**
 * A widget's runs: one RunStore for what the widget shows and one LuaRunner, created at the
 * first Run (a page of twenty widgets starts no worker until a reader runs one). What a run
 * reports also goes to `report`, as it arrives and not through rendering, so the host page's
 * events do not wait for a paint (a widget scrolled out of view is not painted).
 */
import { sessionObject } from '../../session/export-json.ts';
import { storeSource } from '../../session/store-source.ts';
import { RunStore } from '../../app/run-store.ts';
import { LuaRunner } from '../../runner/runner.ts';
import type { EventsBatch } from '../../runner/runner.ts';
import { createLuaWorker } from '../../runner/create-worker.ts';
import { readPageConfig, resolveEndpoints } from '../../runner/page-config.ts';
import { DEFAULT_POLICY } from '../../policy/presets.ts';
import { parsePolicy } from '../../policy/serialize.ts';
import type { Policy } from '../../policy/types.ts';
import type { ConnectionInfo, OutputEntry, RunStatus } from '../../shared/run-events.ts';
import type { RunEnd } from '../../shared/worker-protocol.ts';
import { MAX_RESULT_LINES } from '../../shared/embed-protocol.ts';
import type { RunResult, WidgetSetup } from '../../shared/embed-protocol.ts';
import { CHUNK_NAME } from '../../app/default-code.ts';
import { DIALECT_SHORT_NAMES } from '../../shared/dialect-names.ts';

export interface RunReport {
  status(status: RunStatus, note: string, runId: number | null): void;
  events(batch: EventsBatch): void;
  end(runId: number, result: RunResult): void;
}

/** The widget's policy text as a Policy; '' is the playground's default. */
export function widgetPolicy(
  text: string,
): { ok: true; policy: Policy } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, policy: DEFAULT_POLICY };
  const parsed = parsePolicy(text);
  return parsed.ok ? { ok: true, policy: parsed.policy } : { ok: false, error: parsed.error };
}

interface Collected {
  runId: number;
  output: OutputEntry[];
  dropped: number;
  connections: Map<number, ConnectionInfo>;
}

export class WidgetRun {
  readonly store: RunStore;
  private runner: LuaRunner | null = null;
  private collected: Collected | null = null;
  /** A run refused before it starts (a bad policy) still begins and ends, under an id of its own. */
  private nextLocalId = -1;

  constructor(
    private readonly report: RunReport,
    schedule: (fn: () => void) => void,
  ) {
    this.store = new RunStore(schedule);
  }

  get running(): boolean {
    return (this.runner?.activeRunId ?? null) !== null;
  }

  run(setup: WidgetSetup): void {
    this.store.clearOutput();
    const policy = widgetPolicy(setup.policy);
    if (!policy.ok) {
      const runId = this.nextLocalId--;
      this.store.begin(runId, 'Not run');
      const failure = {
        message: `the widget's policy is not valid: ${policy.error}`,
        traceback: '',
      };
      this.store.end(runId, { status: 'error', failure });
      this.report.status('error', '', null);
      this.report.end(runId, {
        status: 'error',
        output: [],
        outputDropped: 0,
        error: failure,
        connections: [],
        session: sessionObject(storeSource(this.store)),
      });
      return;
    }
    const runner = (this.runner ??= new LuaRunner(createLuaWorker, {
      started: () => {},
      events: (batch) => this.onEvents(batch),
      ended: (runId, end, note) => this.onEnded(runId, end, note),
    }));
    const endpoints = resolveEndpoints(readPageConfig(document), location, setup.demoHosts);
    const runId = runner.run({
      code: setup.code,
      prelude: setup.prelude,
      chunkName: CHUNK_NAME,
      policy: policy.policy,
      transport: setup.transport,
      dialect: setup.dialect,
      typeCheck: setup.typeCheck,
      ...endpoints,
    });
    this.collected = { runId, output: [], dropped: 0, connections: new Map() };
    this.store.begin(runId, `Run #${runId} · ${DIALECT_SHORT_NAMES[setup.dialect]}`);
    this.report.status('running', '', runId);
  }

  stop(): void {
    if (!this.running) return;
    this.store.info('Stopping…');
    this.runner!.stop();
  }

  private onEvents(batch: EventsBatch): void {
    this.store.absorb(batch);
    const c = this.collected;
    if (c && c.runId === batch.runId) {
      for (const entry of batch.output) {
        if (c.output.length < MAX_RESULT_LINES) c.output.push(entry);
        else c.dropped++;
      }
      for (const info of batch.connections) c.connections.set(info.id, info);
    }
    this.report.events(batch);
  }

  private onEnded(runId: number, end: RunEnd, note?: string): void {
    this.store.end(runId, end, note);
    const c = this.collected;
    if (!c || c.runId !== runId) return;
    this.collected = null;
    const result: RunResult = {
      status: end.status,
      output: c.output,
      outputDropped: c.dropped,
      connections: [...c.connections.values()],
      session: sessionObject(storeSource(this.store)),
    };
    if (end.status === 'error') result.error = end.failure;
    this.report.status(this.store.status, this.store.statusNote, null);
    this.report.end(runId, result);
  }
}
