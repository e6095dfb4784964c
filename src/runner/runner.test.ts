import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LuaRunner } from './runner.ts';
import type { RunnerListener, WorkerLike } from './runner.ts';
import type { PageToWorker, WorkerToPage } from '../shared/worker-protocol.ts';
import { getPreset } from '../policy/presets.ts';

class FakeWorker implements WorkerLike {
  posted: PageToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: PageToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: WorkerToPage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerToPage>);
  }
}

const request = {
  code: 'print(1)',
  chunkName: 'main.lua',
  policy: getPreset('allow-all').policy,
  transport: 'auto' as const,
  demoHosts: {},
};

function setup() {
  const workers: FakeWorker[] = [];
  const listener = { started: vi.fn(), events: vi.fn(), ended: vi.fn() } satisfies RunnerListener;
  const runner = new LuaRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, listener);
  return { runner, workers, listener };
}

const batch = (runId: number): WorkerToPage => ({
  type: 'events',
  runId,
  output: [],
  connections: [],
  frames: [],
  decisions: [],
  processes: [],
  messages: [],
});

describe('LuaRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('posts a run with a fresh id and reports its lifecycle', () => {
    const { runner, workers, listener } = setup();
    const id = runner.run(request);
    expect(workers[0].posted).toEqual([{ type: 'run', runId: id, ...request }]);
    workers[0].emit({ type: 'started', runId: id });
    workers[0].emit(batch(id));
    workers[0].emit({ type: 'ended', runId: id, status: 'finished' });
    expect(listener.started).toHaveBeenCalledWith(id);
    expect(listener.events).toHaveBeenCalledTimes(1);
    expect(listener.ended).toHaveBeenCalledWith(id, { status: 'finished' }, undefined);
    expect(runner.activeRunId).toBeNull();
  });

  it('ignores messages of stale runs', () => {
    const { runner, workers, listener } = setup();
    const first = runner.run(request);
    runner.stop();
    workers[0].emit({ type: 'ended', runId: first, status: 'stopped' });
    const second = runner.run(request);
    workers[0].emit(batch(first));
    workers[0].emit({ type: 'ended', runId: first, status: 'finished' });
    expect(listener.events).not.toHaveBeenCalled();
    expect(listener.ended).toHaveBeenCalledTimes(1);
    expect(runner.activeRunId).toBe(second);
  });

  it('terminates and recreates the worker when stop is not acknowledged within 1 s', () => {
    const { runner, workers, listener } = setup();
    const id = runner.run({ ...request, code: 'while true do end' });
    runner.stop();
    expect(workers[0].posted.at(-1)).toEqual({ type: 'stop', runId: id });
    vi.advanceTimersByTime(999);
    expect(workers[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(listener.ended).toHaveBeenCalledWith(
      id,
      { status: 'stopped' },
      expect.stringContaining('terminated'),
    );
  });

  it('does not terminate when the worker ends the run in time', () => {
    const { runner, workers } = setup();
    const id = runner.run(request);
    runner.stop();
    workers[0].emit({ type: 'ended', runId: id, status: 'stopped' });
    vi.advanceTimersByTime(5000);
    expect(workers[0].terminated).toBe(false);
    expect(workers).toHaveLength(1);
  });

  it('starts a new run after the current one stopped when run is called during a run', () => {
    const { runner, workers, listener } = setup();
    const first = runner.run(request);
    const second = runner.run({ ...request, code: 'print(2)' });
    expect(workers[0].posted.map((m) => m.type)).toEqual(['run', 'stop']);
    vi.advanceTimersByTime(1000);
    expect(listener.ended).toHaveBeenCalledWith(first, { status: 'stopped' }, expect.any(String));
    expect(workers[1].posted).toEqual([
      { type: 'run', runId: second, ...request, code: 'print(2)' },
    ]);
  });

  it('reports a worker crash as an error of the current run and recovers', () => {
    const { runner, workers, listener } = setup();
    const id = runner.run(request);
    workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(listener.ended).toHaveBeenCalledWith(
      id,
      { status: 'error', failure: { message: 'worker error: boom', traceback: '' } },
      undefined,
    );
    expect(workers).toHaveLength(2);
  });
});

describe('LuaRunner.compose', () => {
  it('posts the message for the current run and resolves with the worker answer', async () => {
    const { runner, workers } = setup();
    const id = runner.run(request);
    const data = new TextEncoder().encode('hi');
    const sent = runner.compose({ connectionId: 1, kind: 'text', data });
    const posted = workers[0].posted.at(-1);
    expect(posted).toEqual({
      type: 'compose',
      runId: id,
      composeId: 1,
      connectionId: 1,
      kind: 'text',
      data,
    });
    workers[0].emit({ type: 'composed', runId: id, composeId: 1 });
    expect(await sent).toBeNull();
    const refused = runner.compose({ connectionId: 2, kind: 'text', data });
    workers[0].emit({
      type: 'composed',
      runId: id,
      composeId: 2,
      error: 'connection #2 is not open',
    });
    expect(await refused).toBe('connection #2 is not open');
  });

  it('refuses without a run, and settles pending messages when the run ends', async () => {
    const { runner, workers } = setup();
    expect(await runner.compose({ connectionId: 1, kind: 'text', data: new Uint8Array() })).toMatch(
      /no run is in progress/,
    );
    const id = runner.run(request);
    const pending = runner.compose({ connectionId: 1, kind: 'binary', data: new Uint8Array([1]) });
    workers[0].emit({ type: 'ended', runId: id, status: 'finished' });
    expect(await pending).toMatch(/the run has ended/);
  });

  it('sends process control and input lines to the current run only', () => {
    const { runner, workers } = setup();
    expect(runner.control('{app:processes|0x00001}', 'terminate')).toBe(false);
    expect(runner.input('hello')).toBe(false);
    const id = runner.run(request);
    expect(runner.control('{app:processes|0x00001}', 'cancel')).toBe(true);
    expect(runner.input('hello')).toBe(true);
    expect(workers[0].posted.slice(1)).toEqual([
      { type: 'process-control', runId: id, pid: '{app:processes|0x00001}', action: 'cancel' },
      { type: 'input', runId: id, line: 'hello' },
    ]);
    runner.stop();
    expect(runner.input('late')).toBe(false); // stopping: the run is on its way out
  });
});
