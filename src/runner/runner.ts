/**
 * The main-thread owner of the Lua worker. Each run gets a fresh id; every message from the
 * worker names its run, and messages of any run but the current one are dropped (a stopped
 * run may still flush a batch on its way out).
 *
 *   idle --run()--> running --'ended'--> idle
 *                      |
 *                   stop(): post {stop}
 *                      v
 *                  stopping --'ended' within STOP_GRACE_MS--> idle
 *                      |
 *                   grace expired (e.g. `while true do end` never yields):
 *                   terminate the worker, create a new one, report 'stopped' --> idle
 *
 * run() during a run stops the current one first (same path) and then starts the new one.
 */
import type {
  ComposeRequest,
  PageToWorker,
  RunEnd,
  RunRequest,
  WorkerToPage,
} from '../shared/worker-protocol.ts';

/** What the composer asks for: the run and the request id are the runner's to fill in. */
export type ComposeMessage = Omit<ComposeRequest, 'runId' | 'composeId'>;

export const STOP_GRACE_MS = 1000;

/** The part of `Worker` the runner uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: PageToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type EventsBatch = Extract<WorkerToPage, { type: 'events' }>;

export interface RunnerListener {
  started(runId: number): void;
  events(batch: EventsBatch): void;
  /** `note` explains an end the worker did not report itself (terminated, crashed). */
  ended(runId: number, end: RunEnd, note?: string): void;
}

export interface RunnerOptions {
  stopGraceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Current = { runId: number; phase: 'running' | 'stopping' };

export class LuaRunner {
  private worker: WorkerLike;
  private current: Current | null = null;
  private pending: RunRequest | null = null;
  private stopTimer: unknown = null;
  private nextRunId = 1;
  private nextComposeId = 1;
  /** Composer messages awaiting the worker's answer: resolve with the refusal, or null. */
  private readonly composing = new Map<number, (error: string | null) => void>();
  private readonly graceMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly listener: RunnerListener,
    options: RunnerOptions = {},
  ) {
    this.graceMs = options.stopGraceMs ?? STOP_GRACE_MS;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.worker = this.spawn();
  }

  get activeRunId(): number | null {
    return this.current?.runId ?? null;
  }

  /** Start a run (stopping the current one first); returns its id. */
  run(request: Omit<RunRequest, 'runId'>): number {
    const runId = this.nextRunId++;
    const full: RunRequest = { ...request, runId };
    if (this.current) {
      this.pending = full;
      this.stop();
    } else {
      this.start(full);
    }
    return runId;
  }

  stop(): void {
    if (!this.current || this.current.phase === 'stopping') return;
    this.current.phase = 'stopping';
    this.post({ type: 'stop', runId: this.current.runId });
    this.stopTimer = this.setTimer(() => this.forceStop(), this.graceMs);
  }

  /**
   * Send a composer message on a connection of the current run. Resolves with null once the
   * worker sent it, or with why not (no run, the connection is not open, the run ended).
   */
  compose(message: ComposeMessage): Promise<string | null> {
    if (!this.current || this.current.phase !== 'running')
      return Promise.resolve('no run is in progress; nothing was sent');
    const composeId = this.nextComposeId++;
    return new Promise((resolve) => {
      this.composing.set(composeId, resolve);
      this.post({ type: 'compose', runId: this.current!.runId, composeId, ...message });
    });
  }

  /**
   * The process panel's Terminate and Cancel, for a process of the current run; false when no
   * run is in progress (nothing was sent). A refusal comes back as a console line.
   */
  control(pid: string, action: 'terminate' | 'cancel'): boolean {
    if (!this.current || this.current.phase !== 'running') return false;
    this.post({ type: 'process-control', runId: this.current.runId, pid, action });
    return true;
  }

  /** A line typed in the console's input line, for a terminal process's `io.readline`. */
  input(line: string): boolean {
    if (!this.current || this.current.phase !== 'running') return false;
    this.post({ type: 'input', runId: this.current.runId, line });
    return true;
  }

  dispose(): void {
    this.clearStopTimer();
    this.worker.terminate();
    this.current = null;
    this.pending = null;
  }

  private start(request: RunRequest): void {
    this.current = { runId: request.runId, phase: 'running' };
    this.post({ type: 'run', ...request });
  }

  private post(message: PageToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.workerOnMessage(event.data);
    worker.onerror = (event) => this.workerOnError(event);
    return worker;
  }

  private workerOnMessage(message: WorkerToPage): void {
    if (message.type === 'ready') return;
    if (message.type === 'composed') {
      this.composing.get(message.composeId)?.(message.error ?? null);
      this.composing.delete(message.composeId);
      return;
    }
    if (!this.current || message.runId !== this.current.runId) return; // a stale run
    switch (message.type) {
      case 'started':
        this.listener.started(message.runId);
        break;
      case 'events':
        this.listener.events(message);
        break;
      case 'ended':
        this.finish(
          message.runId,
          message.status === 'error'
            ? { status: 'error', failure: message.failure }
            : { status: message.status },
        );
        break;
    }
  }

  private workerOnError(event: ErrorEvent): void {
    // An uncaught error or a worker script that failed to load: the worker is unusable.
    event.preventDefault?.();
    const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
    const message = (event.message || 'the Lua worker failed to load or crashed') + where;
    this.replaceWorker();
    if (this.current) {
      this.finish(this.current.runId, {
        status: 'error',
        failure: { message: `worker error: ${message}`, traceback: '' },
      });
    }
  }

  /** The worker did not end the run within the grace period: terminate it and start afresh. */
  private forceStop(): void {
    this.stopTimer = null;
    if (!this.current) return;
    this.replaceWorker();
    this.finish(
      this.current.runId,
      { status: 'stopped' },
      `the script did not stop within ${this.graceMs} ms; the worker was terminated`,
    );
  }

  private replaceWorker(): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = this.spawn();
  }

  private finish(runId: number, end: RunEnd, note?: string): void {
    this.clearStopTimer();
    this.current = null;
    // The worker answers a compose before it reports the end; these were lost with a worker.
    for (const resolve of this.composing.values()) resolve('the run has ended; nothing was sent');
    this.composing.clear();
    this.listener.ended(runId, end, note);
    const next = this.pending;
    this.pending = null;
    if (next) this.start(next);
  }

  private clearStopTimer(): void {
    if (this.stopTimer !== null) this.clearTimer(this.stopTimer);
    this.stopTimer = null;
  }
}
